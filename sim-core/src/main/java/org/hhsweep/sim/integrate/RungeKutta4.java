package org.hhsweep.sim.integrate;

import org.hhsweep.sim.model.HodgkinHuxley;
import org.hhsweep.sim.model.NeuronBlock;

/**
 * The classical fourth-order Runge-Kutta scheme, with the input current held constant over the
 * step (the current is a per-step quantity in every stimulus here). Fourth order in dt for smooth
 * inputs; it needs smaller steps than exponential Euler to stay stable near spikes.
 */
public final class RungeKutta4 implements Integrator {
    public static final String NAME = "rk4";

    @Override
    public void step(NeuronBlock b, double[] current, double dt) {
        final double[] V = b.V, M = b.m, H = b.h, N = b.n;
        final double half = 0.5 * dt;
        for (int i = 0, size = b.size; i < size; i++) {
            double gNa = b.gNa[i], ENa = b.ENa[i], gK = b.gK[i], EK = b.EK[i], gL = b.gL[i], EL = b.EL[i];
            double c = b.C[i], in = current[i];
            double v = V[i], m = M[i], h = H[i], n = N[i];

            double v1 = HodgkinHuxley.dVdt(v, m, h, n, in, gNa, ENa, gK, EK, gL, EL, c);
            double m1 = dm(v, m), h1 = dh(v, h), n1 = dn(v, n);

            double va = v + half * v1, ma = m + half * m1, ha = h + half * h1, na = n + half * n1;
            double v2 = HodgkinHuxley.dVdt(va, ma, ha, na, in, gNa, ENa, gK, EK, gL, EL, c);
            double m2 = dm(va, ma), h2 = dh(va, ha), n2 = dn(va, na);

            double vb = v + half * v2, mb = m + half * m2, hb = h + half * h2, nb = n + half * n2;
            double v3 = HodgkinHuxley.dVdt(vb, mb, hb, nb, in, gNa, ENa, gK, EK, gL, EL, c);
            double m3 = dm(vb, mb), h3 = dh(vb, hb), n3 = dn(vb, nb);

            double vc = v + dt * v3, mc = m + dt * m3, hc = h + dt * h3, nc = n + dt * n3;
            double v4 = HodgkinHuxley.dVdt(vc, mc, hc, nc, in, gNa, ENa, gK, EK, gL, EL, c);
            double m4 = dm(vc, mc), h4 = dh(vc, hc), n4 = dn(vc, nc);

            final double sixth = dt / 6.0;
            V[i] = v + sixth * (v1 + 2.0 * v2 + 2.0 * v3 + v4);
            M[i] = m + sixth * (m1 + 2.0 * m2 + 2.0 * m3 + m4);
            H[i] = h + sixth * (h1 + 2.0 * h2 + 2.0 * h3 + h4);
            N[i] = n + sixth * (n1 + 2.0 * n2 + 2.0 * n3 + n4);
        }
    }

    private static double dm(double v, double m) {
        return HodgkinHuxley.gateRate(HodgkinHuxley.mAlpha(v), HodgkinHuxley.mBeta(v), m);
    }

    private static double dh(double v, double h) {
        return HodgkinHuxley.gateRate(HodgkinHuxley.hAlpha(v), HodgkinHuxley.hBeta(v), h);
    }

    private static double dn(double v, double n) {
        return HodgkinHuxley.gateRate(HodgkinHuxley.nAlpha(v), HodgkinHuxley.nBeta(v), n);
    }

    @Override
    public String name() {
        return NAME;
    }
}
