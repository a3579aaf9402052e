package org.hhsweep.sim.integrate;

/**
 * exp, expm1 and exprel from plain IEEE-754 arithmetic (+, *, /, fma, bit moves): no call into
 * a math library, so the result is the same bits in the interpreter, in C1 and C2 code, and in
 * every lane of VectorSteps, which performs exactly these operations in this
 * order. That is what lets the fast integrators be bit-identical wherever a neuron runs, while
 * {@code Math.exp} may legally differ between an intrinsic and a fallback.
 *
 * <p>Method: x = k ln2 + r with k = round(x / ln2) and |r| <= ln2/2 (Cody-Waite with fdlibm's
 * two-part ln2), then q(r) = exprel(r) = (e^r - 1)/r from its Taylor polynomial to degree 12
 * (truncation below 1.2e-17 relative on |r| <= 0.347), and
 * e^x = 2^k (1 + r q), e^x - 1 = 2^k r q + (2^k - 1), exprel(x) = (e^x - 1)/x, or q itself when
 * k = 0 (|x| < ln2/2), so there is no cancellation near 0 and exprel(0) = 1. Measured against
 * StrictMath (fdlibm, itself within 1 ulp) on 200,000 arguments per range (PlainExpTest): exp
 * within 1 ulp, expm1 and x/expm1(x) within 2, exprel within 3 of fdlibm's expm1(x)/x.
 *
 * <p>Arguments are clamped to [-708, 709] for the exponential (so 2^k stays a normal number);
 * below -708, e^x is returned as e^-708 (absolute error under 3.4e-308) and exprel as
 * -1/x to the last bit; above 709 e^x is e^709 where it should overflow, reached only by a
 * neuron that has long diverged (|V| in the thousands of mV).
 */
public final class PlainExp {
    private PlainExp() {
    }

    static final double MIN_ARG = -708.0;
    static final double MAX_ARG = 709.0;
    static final double INV_LN2 = 0x1.71547652b82fep0;
    /** fdlibm's ln2 split: LN2_HI has trailing zero bits, so k * LN2_HI is exact for |k| < 2^11. */
    static final double LN2_HI = 6.93147180369123816490e-01;
    static final double LN2_LO = 1.90821492927058770002e-10;
    /** 1.5 * 2^52: adding it rounds to an integer, which then sits in the low bits of the sum. */
    static final double SHIFTER = 0x1.8p52;
    static final long SHIFTER_BITS = Double.doubleToRawLongBits(SHIFTER);
    /** Turns the sum's bits into the exponent field of 2^k: (k + 1023) << 52. */
    static final long EXPONENT_OFFSET = 1023L - SHIFTER_BITS;

    /** 1/(j+1)! for j = 0..12, the Taylor coefficients of exprel. */
    static final double C0 = 1.0;
    static final double C1 = 1.0 / 2;
    static final double C2 = 1.0 / 6;
    static final double C3 = 1.0 / 24;
    static final double C4 = 1.0 / 120;
    static final double C5 = 1.0 / 720;
    static final double C6 = 1.0 / 5040;
    static final double C7 = 1.0 / 40320;
    static final double C8 = 1.0 / 362880;
    static final double C9 = 1.0 / 3628800;
    static final double C10 = 1.0 / 39916800;
    static final double C11 = 1.0 / 479001600;
    static final double C12 = 1.0 / 6227020800.0;

    /** Below this |x| the reduction gives k = 0 for sure: exprel(x) is the polynomial alone. */
    static final double SMALL = 0.34;

    public static double exp(double x) {
        double xc = clamp(x);
        double t = Math.fma(xc, INV_LN2, SHIFTER);
        double kd = t - SHIFTER;
        double r = reduce(xc, kd);
        double rq = r * q(r);
        double s = twoToThe(t);
        return Math.fma(s, rq, s);
    }

    public static double expm1(double x) {
        double xc = clamp(x);
        double t = Math.fma(xc, INV_LN2, SHIFTER);
        double kd = t - SHIFTER;
        double r = reduce(xc, kd);
        double rq = r * q(r);
        double s = twoToThe(t);
        return Math.fma(s, rq, s - 1.0);
    }

    /** (e^x - 1)/x, 1 at 0. */
    public static double exprel(double x) {
        if (Math.abs(x) < SMALL) {
            return q(x); // what the general path gives too: there k = 0 and r = x exactly
        }
        double xc = clamp(x);
        double t = Math.fma(xc, INV_LN2, SHIFTER);
        double kd = t - SHIFTER;
        double r = reduce(xc, kd);
        double qr = q(r);
        double s = twoToThe(t);
        return kd == 0.0 ? qr : Math.fma(s, r * qr, s - 1.0) / x;
    }

    /** x/(e^x - 1) = 1/exprel(x), with one division. */
    public static double inverseExprel(double x) {
        double xc = clamp(x);
        double t = Math.fma(xc, INV_LN2, SHIFTER);
        double kd = t - SHIFTER;
        double r = reduce(xc, kd);
        double qr = q(r);
        double s = twoToThe(t);
        boolean k0 = kd == 0.0;
        return (k0 ? 1.0 : x) / (k0 ? qr : Math.fma(s, r * qr, s - 1.0));
    }

    static double clamp(double x) {
        return Math.max(Math.min(x, MAX_ARG), MIN_ARG);
    }

    static double reduce(double x, double kd) {
        return Math.fma(kd, -LN2_LO, Math.fma(kd, -LN2_HI, x));
    }

    /** 2^k from t = k + SHIFTER. */
    static double twoToThe(double t) {
        return Double.longBitsToDouble((Double.doubleToRawLongBits(t) + EXPONENT_OFFSET) << 52);
    }

    /** exprel(r) by Horner on the Taylor polynomial. */
    static double q(double r) {
        double p = Math.fma(r, C12, C11);
        p = Math.fma(r, p, C10);
        p = Math.fma(r, p, C9);
        p = Math.fma(r, p, C8);
        p = Math.fma(r, p, C7);
        p = Math.fma(r, p, C6);
        p = Math.fma(r, p, C5);
        p = Math.fma(r, p, C4);
        p = Math.fma(r, p, C3);
        p = Math.fma(r, p, C2);
        p = Math.fma(r, p, C1);
        return Math.fma(r, p, C0);
    }
}
