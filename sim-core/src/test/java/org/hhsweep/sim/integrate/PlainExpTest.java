package org.hhsweep.sim.integrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * PlainExp against StrictMath (fdlibm: exp and expm1 within 1 ulp of the exact value) on the
 * arguments the kernels meet, and against the Taylor series where exprel is a polynomial. The
 * bounds asserted are the documented accuracy of exp_euler_fast's exponentials (docs/performance.md).
 */
class PlainExpTest {
    private static final int SAMPLES = 200_000;

    /** |a - b| in units of the last place of b. */
    private static double ulps(double a, double b) {
        return Math.abs(a - b) / Math.ulp(b);
    }

    private static double maxUlps(java.util.function.DoubleUnaryOperator ours, java.util.function.DoubleUnaryOperator ref,
                                  double lo, double hi, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double worst = 0;
        for (int k = 0; k < SAMPLES; k++) {
            double x = r.nextDouble(lo, hi);
            worst = Math.max(worst, ulps(ours.applyAsDouble(x), ref.applyAsDouble(x)));
        }
        return worst;
    }

    @Test
    void expWithinTwoUlpsOfFdlibm() {
        // the rate exponents over V in [-150, 100] mV, and the whole clamped range
        double rates = maxUlps(PlainExp::exp, StrictMath::exp, -20, 12, 1);
        double wide = maxUlps(PlainExp::exp, StrictMath::exp, -708, 709, 2);
        System.out.printf(Locale.ROOT, "exp: max %.2f ulp on [-20, 12], %.2f ulp on [-708, 709]%n", rates, wide);
        assertTrue(rates <= 2, "exp on [-20, 12]: " + rates + " ulp");
        assertTrue(wide <= 2, "exp on [-708, 709]: " + wide + " ulp");
        assertEquals(1.0, PlainExp.exp(0.0), 0.0);
        assertEquals(1.0, PlainExp.exp(-0.0), 0.0);
    }

    @Test
    void expm1WithinTwoUlpsOfFdlibm() {
        double small = maxUlps(PlainExp::expm1, StrictMath::expm1, -0.35, 0.35, 3);
        double mid = maxUlps(PlainExp::expm1, StrictMath::expm1, -5, 5, 4);
        double wide = maxUlps(PlainExp::expm1, StrictMath::expm1, -700, 700, 5);
        System.out.printf(Locale.ROOT, "expm1: max %.2f / %.2f / %.2f ulp%n", small, mid, wide);
        assertTrue(small <= 2, "expm1 near 0: " + small + " ulp");
        assertTrue(mid <= 2, "expm1 on [-5, 5]: " + mid + " ulp");
        assertTrue(wide <= 2, "expm1 on [-700, 700]: " + wide + " ulp");
    }

    @Test
    void exprelWithinThreeUlpsOfFdlibmsQuotient() {
        // (e^x - 1)/x from fdlibm's expm1 carries its own rounding: 1 ulp of expm1 + 0.5 of the division
        double steps = maxUlps(PlainExp::exprel, x -> StrictMath.expm1(x) / x, -2, -1e-6, 6);
        double wide = maxUlps(PlainExp::exprel, x -> StrictMath.expm1(x) / x, -700, 700, 7);
        System.out.printf(Locale.ROOT, "exprel: max %.2f ulp on [-2, 0), %.2f ulp on [-700, 700]%n", steps, wide);
        assertTrue(steps <= 3, "exprel on [-2, 0): " + steps + " ulp");
        assertTrue(wide <= 3, "exprel on [-700, 700]: " + wide + " ulp");
    }

    @Test
    void exprelIsItsSeriesNearZeroAndOneAtZero() {
        assertEquals(1.0, PlainExp.exprel(0.0), 0.0);
        assertEquals(1.0, PlainExp.exprel(-0.0), 0.0);
        assertEquals(1.0, PlainExp.inverseExprel(0.0), 0.0);
        for (double x : new double[] {1e-300, 1e-12, -1e-12, 1e-6, -1e-6, 1e-3, -1e-3, 0.01, -0.01}) {
            // the omitted terms are below 1e-18 relative here
            double series = 1.0 + x / 2.0 + x * x / 6.0 + x * x * x / 24.0 + x * x * x * x / 120.0
                    + x * x * x * x * x / 720.0 + x * x * x * x * x * x / 5040.0;
            assertEquals(series, PlainExp.exprel(x), 2 * Math.ulp(1.0), "exprel(" + x + ")");
            assertEquals(1.0 / series, PlainExp.inverseExprel(x), 2 * Math.ulp(1.0), "1/exprel(" + x + ")");
        }
    }

    @Test
    void inverseExprelWithinThreeUlps() {
        double worst = maxUlps(PlainExp::inverseExprel, x -> x / StrictMath.expm1(x), -20, 20, 8);
        System.out.printf(Locale.ROOT, "x/expm1(x): max %.2f ulp on [-20, 20]%n", worst);
        assertTrue(worst <= 3, "inverseExprel: " + worst + " ulp");
    }

    @Test
    void argumentsBeyondTheClampStayFiniteAndRight() {
        assertTrue(PlainExp.exp(-800) > 0 && PlainExp.exp(-800) < 3.4e-308, "e^-800 flushed to e^-708");
        assertEquals(PlainExp.exp(-708), PlainExp.exp(Double.NEGATIVE_INFINITY), 0.0);
        assertEquals(-1.0, PlainExp.expm1(-800), 0.0);
        // exprel(x) = -1/x to the last bit once e^x is negligible, as for huge dt J
        for (double x : new double[] {-50.0, -708.0, -1000.0, -1e6, -1e300}) {
            assertEquals(-1.0 / x, PlainExp.exprel(x), Math.ulp(-1.0 / x), "exprel(" + x + ")");
        }
        assertEquals(0.0, PlainExp.exprel(Double.NEGATIVE_INFINITY), 0.0);
        assertTrue(Double.isNaN(PlainExp.exp(Double.NaN)));
        assertTrue(Double.isNaN(PlainExp.exprel(Double.NaN)));
        assertTrue(Double.isNaN(PlainExp.inverseExprel(Double.NaN)));
    }

    @Test
    void theSmallArgumentShortcutIsTheGeneralPath() {
        // exprel returns q(x) below SMALL without the reduction; the reduction must give the same
        // bits there, or the SIMD passes (which always reduce) would differ from the scalar ones
        SplittableRandom r = new SplittableRandom(9);
        for (int k = 0; k < SAMPLES; k++) {
            double x = r.nextDouble(-PlainExp.SMALL, PlainExp.SMALL);
            double t = Math.fma(x, PlainExp.INV_LN2, PlainExp.SHIFTER);
            double kd = t - PlainExp.SHIFTER;
            assertEquals(0.0, kd, 0.0, "k at " + x);
            assertEquals(Double.doubleToRawLongBits(x), Double.doubleToRawLongBits(PlainExp.reduce(x, kd)), "r at " + x);
        }
    }
}
