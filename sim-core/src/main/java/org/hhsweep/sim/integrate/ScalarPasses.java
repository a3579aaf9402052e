package org.hhsweep.sim.integrate;

import org.hhsweep.sim.model.NeuronBlock;

/** The passes of exp_euler_fast one neuron at a time; the reference for VectorPasses' bits. */
final class ScalarPasses implements Passes {
    static final ScalarPasses INSTANCE = new ScalarPasses();

    /** e^{1/2}: e^{-(V+35)/10} = e^{-(V+40)/10} e^{1/2}. StrictMath, so the constant is fixed. */
    static final double E_HALF = StrictMath.exp(0.5);

    private ScalarPasses() {
    }

    @Override
    public void rateArguments(double[] V, int from, int j0, int j1, Chunk c) {
        for (int j = j0; j < j1; j++) {
            double v = V[from + j];
            c.xm[j] = -(v + 40.0) * 0.1;
            c.x18[j] = -(v + 65.0) * (1.0 / 18.0);
            c.x80[j] = -(v + 65.0) * 0.0125;
            c.xn[j] = -(v + 55.0) * 0.1;
        }
    }

    @Override
    public void exp(double[] x, double[] out, int j0, int j1) {
        for (int j = j0; j < j1; j++) {
            out[j] = PlainExp.exp(x[j]);
        }
    }

    @Override
    public void inverseExprel(double[] x, double[] out, int j0, int j1) {
        for (int j = j0; j < j1; j++) {
            out[j] = PlainExp.inverseExprel(x[j]);
        }
    }

    @Override
    public void exprel(double[] x, double[] out, int j0, int j1) {
        for (int j = j0; j < j1; j++) {
            out[j] = PlainExp.exprel(x[j]);
        }
    }

    @Override
    public void stepArguments(NeuronBlock b, double[] current, double dt, int from, int j0, int j1, Chunk c) {
        for (int j = j0; j < j1; j++) {
            int i = from + j;
            double v = b.V[i], m = b.m[i], h = b.h[i], n = b.n[i];

            double am = c.am[j];
            double bm = 4.0 * c.e18[j];
            double w = c.e80[j];
            double w2 = w * w;
            double ah = 0.07 * (w2 * w2);
            double bh = 1.0 / (1.0 + c.em[j] * E_HALF);
            double an = 0.1 * c.an[j];
            double bn = 0.125 * w;
            c.zm[j] = -dt * (am + bm);
            c.fm[j] = am * (1.0 - m) - bm * m;
            c.zh[j] = -dt * (ah + bh);
            c.fh[j] = ah * (1.0 - h) - bh * h;
            c.zn[j] = -dt * (an + bn);
            c.fn[j] = an * (1.0 - n) - bn * n;

            double gNaOpen = b.gNa[i] * (m * m * m) * h;
            double gKOpen = b.gK[i] * ((n * n) * (n * n));
            double gL = b.gL[i];
            double invC = 1.0 / b.C[i];
            c.zV[j] = dt * (-(gNaOpen + gKOpen + gL) * invC);
            c.fV[j] = (-(gNaOpen * (v - b.ENa[i])) - gKOpen * (v - b.EK[i]) - gL * (v - b.EL[i]) + current[i]) * invC;
        }
    }

    @Override
    public void update(NeuronBlock b, double dt, int from, int j0, int j1, Chunk c) {
        for (int j = j0; j < j1; j++) {
            int i = from + j;
            b.V[i] = b.V[i] + dt * c.zV[j] * c.fV[j];
            b.m[i] = b.m[i] + dt * c.zm[j] * c.fm[j];
            b.h[i] = b.h[i] + dt * c.zh[j] * c.fh[j];
            b.n[i] = b.n[i] + dt * c.zn[j] * c.fn[j];
        }
    }
}
