package org.hhsweep.sim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.hhsweep.sim.ReferenceData;
import org.hhsweep.sim.config.ModelLibrary;
import org.junit.jupiter.api.Test;

/**
 * The tutorial's rate functions, as the hh library model's data evaluated by {@link RateForm},
 * against hand-derived values: exact values where the formulas give them, the Taylor series
 * u/(1 - e^-u) = 1 + u/2 + u^2/12 - u^4/720 + ... around the removable singularities, and the
 * reference fixed point.
 */
class TutorialRatesTest {
    private static final NeuronModel HH = ModelLibrary.hh();
    private static final Gate M = HH.channel("na").gates().get(0);
    private static final Gate H = HH.channel("na").gates().get(1);
    private static final Gate N = HH.channel("k").gates().get(0);

    private static final double ULP1 = Math.ulp(1.0);
    /** Offsets from the singular voltage; powers of two so V - V0 is exact in binary. */
    private static final double[] OFFSETS = {0x1p-4, 0x1p-10, 0x1p-17, 0x1p-24, 0x1p-35};

    /** u / (1 - e^-u) from its series; the omitted terms are below 1e-19 for |u| <= 0.01. */
    private static double bernoulliSeries(double u) {
        return 1.0 + u / 2.0 + u * u / 12.0 - u * u * u * u / 720.0;
    }

    /** The textbook forms, with their 0/0 at V = -40 and -55 mV. */
    private static double mAlphaTextbook(double v) {
        return 0.1 * (v + 40.0) / (1.0 - Math.exp(-(v + 40.0) / 10.0));
    }

    private static double nAlphaTextbook(double v) {
        return 0.01 * (v + 55.0) / (1.0 - Math.exp(-(v + 55.0) / 10.0));
    }

    @Test
    void inverseExprelIsOneAtZeroAndFollowsItsSeries() {
        assertEquals(1.0, RateForm.inverseExprel(0.0), 0.0);
        assertEquals(1.0, RateForm.inverseExprel(-0.0), 0.0);
        for (double x : new double[] {1e-300, 1e-12, -1e-12, 1e-6, -1e-6, 1e-3, -1e-3}) {
            // x/(e^x - 1) = 1 - x/2 + x^2/12 - x^4/720: the series of u/(1 - e^-u) at u = -x
            assertEquals(bernoulliSeries(-x), RateForm.inverseExprel(x), 2 * ULP1, "inverseExprel(" + x + ")");
        }
        for (double x : new double[] {-30.0, -2.0, -0.5, 0.5, 2.0, 30.0}) {
            double direct = x / (Math.exp(x) - 1.0);
            assertEquals(direct, RateForm.inverseExprel(x), 1e-14 * Math.abs(direct), "inverseExprel(" + x + ")");
        }
    }

    @Test
    void alphasAreExactAtTheirSingularities() {
        assertEquals(1.0, M.alpha().at(-40.0), 0.0);
        assertEquals(0.1, N.alpha().at(-55.0), 0.0);
    }

    @Test
    void mAlphaFollowsTheSeriesAroundMinus40() {
        for (double e : OFFSETS) {
            for (double sign : new double[] {1.0, -1.0}) {
                double v = -40.0 + sign * e;
                double u = (v + 40.0) / 10.0;
                assertEquals(bernoulliSeries(u), M.alpha().at(v), 4 * ULP1, "mAlpha(" + v + ")");
            }
            // The symmetric difference is twice the slope 1/20 (from u/2 with u = (V+40)/10) times e.
            double slope = (M.alpha().at(-40.0 + e) - M.alpha().at(-40.0 - e)) / (2 * e);
            assertEquals(0.05, slope, 8 * ULP1 / (2 * e) + e * e / 6e4, "slope at offset " + e);
        }
    }

    @Test
    void nAlphaFollowsTheSeriesAroundMinus55() {
        for (double e : OFFSETS) {
            for (double sign : new double[] {1.0, -1.0}) {
                double v = -55.0 + sign * e;
                double u = (v + 55.0) / 10.0;
                assertEquals(0.1 * bernoulliSeries(u), N.alpha().at(v), 4 * 0.1 * ULP1, "nAlpha(" + v + ")");
            }
            double slope = (N.alpha().at(-55.0 + e) - N.alpha().at(-55.0 - e)) / (2 * e);
            assertEquals(0.005, slope, 8 * 0.1 * ULP1 / (2 * e) + e * e / 6e5, "slope at offset " + e);
        }
    }

    @Test
    void alphasMatchTheTextbookFormulaAwayFromTheSingularity() {
        // The textbook form loses about eps/|u| to cancellation, so its tolerance widens near 0.
        for (double d : new double[] {-60.0, -10.0, -1.0, -1e-3, 1e-3, 1.0, 10.0, 60.0}) {
            double u = Math.abs(d) / 10.0;
            double tolerance = 1e-14 + 4 * ULP1 / Math.min(u, 1.0);
            double m = mAlphaTextbook(-40.0 + d);
            assertEquals(m, M.alpha().at(-40.0 + d), tolerance * m, "mAlpha at -40 + " + d);
            double n = nAlphaTextbook(-55.0 + d);
            assertEquals(n, N.alpha().at(-55.0 + d), tolerance * n, "nAlpha at -55 + " + d);
        }
    }

    @Test
    void alphasIncreaseStrictlyThroughTheSingularity() {
        double step = 0x1p-30;
        double previousM = M.alpha().at(-40.0 - 1000 * step);
        double previousN = N.alpha().at(-55.0 - 1000 * step);
        for (int k = -999; k <= 1000; k++) {
            double m = M.alpha().at(-40.0 + k * step);
            double n = N.alpha().at(-55.0 + k * step);
            assertTrue(m > previousM, "mAlpha not increasing at step " + k);
            assertTrue(n > previousN, "nAlpha not increasing at step " + k);
            previousM = m;
            previousN = n;
        }
    }

    @Test
    void otherRatesHaveTheirExactValues() {
        assertEquals(4.0, M.beta().at(-65.0), 0.0);
        assertEquals(0.07, H.alpha().at(-65.0), 0.0);
        assertEquals(0.5, H.beta().at(-35.0), 0.0);
        assertEquals(0.125, N.beta().at(-65.0), 0.0);
        assertEquals(4.0 * Math.exp(-1.0), M.beta().at(-47.0), 2 * ULP1);
        assertEquals(0.07 * Math.exp(1.0), H.alpha().at(-85.0), ULP1);
        assertEquals(1.0 / (1.0 + Math.exp(-1.0)), H.beta().at(-25.0), ULP1);
    }

    @Test
    void steadyStatesLieInTheUnitIntervalAndSolveTheGateEquation() {
        for (int k = -800; k <= 800; k++) {
            double v = k * 0.25;
            check(v);
        }
        check(-40.0);
        check(-55.0);
    }

    private static void check(double v) {
        double[][] gates = {
                {M.steadyState(v), M.alpha().at(v), M.beta().at(v)},
                {H.steadyState(v), H.alpha().at(v), H.beta().at(v)},
                {N.steadyState(v), N.alpha().at(v), N.beta().at(v)}};
        for (double[] g : gates) {
            double inf = g[0], alpha = g[1], beta = g[2];
            assertTrue(inf >= 0.0 && inf <= 1.0, "steady state " + inf + " at V = " + v);
            // alpha (1 - x) - beta x = 0 at x = x_inf, up to rounding of the larger rate
            assertEquals(0.0, alpha * (1.0 - inf) - beta * inf, 4 * Math.ulp(alpha + beta), "at V = " + v);
        }
    }

    @Test
    void theReferenceFixedPointIsAtRestWithoutInput() {
        JsonNode fp = ReferenceData.root().at("/rest/exact_fixed_point");
        double[] y = {fp.get("V").asDouble(), fp.get("m").asDouble(), fp.get("h").asDouble(), fp.get("n").asDouble()};
        double[] dydt = new double[4];
        HH.derivatives(0.0, y, dydt);
        // The JSON carries 17 significant digits: the residual is rounding, ~1e-15 mV/ms.
        assertEquals(0.0, dydt[0], 1e-12, "dV/dt");
        assertEquals(0.0, dydt[1], 1e-14, "dm/dt");
        assertEquals(0.0, dydt[2], 1e-14, "dh/dt");
        assertEquals(0.0, dydt[3], 1e-14, "dn/dt");
    }

    @Test
    void derivativesAddTheInputCurrentOverCapacitance() {
        double[] y = HH.initialState(-65.0);
        double[] without = new double[4];
        double[] with = new double[4];
        NeuronModel p = ModelLibrary.hh().with("C", 2.0);
        p.derivatives(0.0, y, without);
        p.derivatives(10.0, y, with);
        assertEquals(5.0, with[0] - without[0], 1e-12);
        for (int g = 1; g < 4; g++) {
            assertEquals(without[g], with[g], 0.0, "gate " + g + " does not see the current");
            assertEquals(0.0, with[g], 1e-16, "gates start at their steady state");
        }
        // At -65 mV with gates at rest: the membrane current from the textbook formula, by hand.
        double m = y[1], h = y[2], n = y[3];
        double membrane = 120.0 * m * m * m * h * (-65.0 - 50.0) + 36.0 * Math.pow(n, 4) * (-65.0 + 77.0)
                + 0.03 * (-65.0 + 54.387);
        assertEquals(-membrane / 2.0, without[0], 1e-12);
    }
}
