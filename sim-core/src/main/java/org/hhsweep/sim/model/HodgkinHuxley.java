package org.hhsweep.sim.model;

/**
 * The tutorial's Hodgkin-Huxley rate functions (V in mV, rates in 1/ms, -65 mV convention).
 *
 * <p>m_alpha and n_alpha are written with {@link #exprel} so they are finite and exact at their
 * removable singularities (V = -40 mV and -55 mV) instead of 0/0. Every integrator evaluates the
 * rates through these methods so there is one definition of the model.
 */
public final class HodgkinHuxley {
    private HodgkinHuxley() {
    }

    /** (e^x - 1) / x, continuous at 0 where it is 1. */
    public static double exprel(double x) {
        return x == 0.0 ? 1.0 : Math.expm1(x) / x;
    }

    public static double mAlpha(double v) {
        return 1.0 / exprel(-(v + 40.0) / 10.0);
    }

    public static double mBeta(double v) {
        return 4.0 * Math.exp(-(v + 65.0) / 18.0);
    }

    public static double hAlpha(double v) {
        return 0.07 * Math.exp(-(v + 65.0) / 20.0);
    }

    public static double hBeta(double v) {
        return 1.0 / (1.0 + Math.exp(-(v + 35.0) / 10.0));
    }

    public static double nAlpha(double v) {
        return 0.1 / exprel(-(v + 55.0) / 10.0);
    }

    public static double nBeta(double v) {
        return 0.125 * Math.exp(-(v + 65.0) / 80.0);
    }

    public static double mInf(double v) {
        double a = mAlpha(v);
        return a / (a + mBeta(v));
    }

    public static double hInf(double v) {
        double a = hAlpha(v);
        return a / (a + hBeta(v));
    }

    public static double nInf(double v) {
        double a = nAlpha(v);
        return a / (a + nBeta(v));
    }

    /**
     * dV/dt in mV/ms for input current i (uA/cm^2), written in the tutorial's order of operations:
     * (-I_Na - I_K - I_leak + I) / C.
     */
    public static double dVdt(double v, double m, double h, double n, double i,
                              double gNa, double ENa, double gK, double EK, double gL, double EL, double c) {
        double iNa = (gNa * (m * m * m) * h) * (v - ENa);
        double iK = (gK * ((n * n) * (n * n))) * (v - EK);
        double iLeak = gL * (v - EL);
        return (-iNa - iK - iLeak + i) / c;
    }

    /** d(gate)/dt = alpha (1 - x) - beta x. */
    public static double gateRate(double alpha, double beta, double x) {
        return alpha * (1.0 - x) - beta * x;
    }

    /**
     * The right-hand side of the ODE for state y = (V, m, h, n) under input current i, written into
     * dydt. Used by reference solvers in tests.
     */
    public static void derivatives(HHParameters p, double i, double[] y, double[] dydt) {
        double v = y[0], m = y[1], h = y[2], n = y[3];
        dydt[0] = dVdt(v, m, h, n, i, p.gNa(), p.ENa(), p.gK(), p.EK(), p.gL(), p.EL(), p.C());
        dydt[1] = gateRate(mAlpha(v), mBeta(v), m);
        dydt[2] = gateRate(hAlpha(v), hBeta(v), h);
        dydt[3] = gateRate(nAlpha(v), nBeta(v), n);
    }

    /** The initial state of the tutorial: V = -65 mV, each gate at its steady state there. */
    public static double[] initialState(double v0) {
        return new double[] {v0, mInf(v0), hInf(v0), nInf(v0)};
    }
}
