package org.hhsweep.sim.integrate;

import static org.hhsweep.sim.model.HodgkinHuxley.exprel;

import org.hhsweep.sim.model.HodgkinHuxley;
import org.hhsweep.sim.model.NeuronBlock;

/**
 * Exponential Euler exactly as BrainState applies it to the tutorial's model: for each variable x
 * with x' = f(x), J = df/dx of that variable alone (the others held fixed) and
 * x_new = x + dt * exprel(dt * J) * f(x), every update computed from the old state.
 *
 * <p>For a gate J = -(alpha + beta); for V, J = -(gNa m^3 h + gK n^4 + gL) / C. The scheme is first
 * order in dt but exact for each variable's linear part, so it stays stable at the tutorial's dt.
 * This class is the reference (exp_euler_reference; until issue 11 the plain exp_euler): faster
 * variants must match it within documented tolerances.
 */
public final class ExponentialEuler implements Integrator {
    public static final String NAME = "exp_euler_reference";

    @Override
    public void step(NeuronBlock b, double[] current, double dt) {
        final double[] V = b.V, M = b.m, H = b.h, N = b.n;
        final double[] gNa = b.gNa, ENa = b.ENa, gK = b.gK, EK = b.EK, gL = b.gL, EL = b.EL, C = b.C;
        for (int i = 0, size = b.size; i < size; i++) {
            double v = V[i], m = M[i], h = H[i], n = N[i];

            double am = HodgkinHuxley.mAlpha(v), bm = HodgkinHuxley.mBeta(v);
            double ah = HodgkinHuxley.hAlpha(v), bh = HodgkinHuxley.hBeta(v);
            double an = HodgkinHuxley.nAlpha(v), bn = HodgkinHuxley.nBeta(v);

            double mNew = m + dt * exprel(-dt * (am + bm)) * HodgkinHuxley.gateRate(am, bm, m);
            double hNew = h + dt * exprel(-dt * (ah + bh)) * HodgkinHuxley.gateRate(ah, bh, h);
            double nNew = n + dt * exprel(-dt * (an + bn)) * HodgkinHuxley.gateRate(an, bn, n);

            double c = C[i];
            double gNaOpen = gNa[i] * (m * m * m) * h;
            double gKOpen = gK[i] * ((n * n) * (n * n));
            double jV = -(gNaOpen + gKOpen + gL[i]) / c;
            double fV = HodgkinHuxley.dVdt(v, m, h, n, current[i], gNa[i], ENa[i], gK[i], EK[i], gL[i], EL[i], c);
            double vNew = v + dt * exprel(dt * jV) * fV;

            V[i] = vNew;
            M[i] = mNew;
            H[i] = hNew;
            N[i] = nNew;
        }
    }

    @Override
    public String name() {
        return NAME;
    }
}
