package org.hhsweep.sim.integrate;

import org.hhsweep.sim.model.NeuronBlock;

/**
 * The passes of exp_euler_fast and exp_euler_table one neuron at a time. They define the bits:
 * VectorSteps performs the same operations in the same order on SIMD lanes and calls these
 * loops for the neurons after its last whole vector. Loops run over chunk indices [j0, j1) of
 * neurons from + j.
 */
final class ScalarSteps implements KernelSteps {
    static final ScalarSteps INSTANCE = new ScalarSteps();

    /** e^{1/2}: e^{-(V+35)/10} = e^{-(V+40)/10} e^{1/2}. StrictMath, so the constant is fixed. */
    static final double E_HALF = StrictMath.exp(0.5);

    private ScalarSteps() {
    }

    @Override
    public Pass[] fast(Chunk c) {
        return new Pass[] {
            (s, from, n) -> rateArguments(s.b.V, from, 0, n, c),
            (s, from, n) -> inverseExprel(c.xm, c.am, 0, n),
            (s, from, n) -> exp(c.xm, c.em, 0, n),
            (s, from, n) -> exp(c.x18, c.e18, 0, n),
            (s, from, n) -> exp(c.x80, c.e80, 0, n),
            (s, from, n) -> inverseExprel(c.xn, c.an, 0, n),
            (s, from, n) -> stepArguments(s.b, s.current, s.dt, from, 0, n, c),
            (s, from, n) -> exprel(c.zV, c.zV, 0, n),
            (s, from, n) -> exprel(c.zm, c.zm, 0, n),
            (s, from, n) -> exprel(c.zh, c.zh, 0, n),
            (s, from, n) -> exprel(c.zn, c.zn, 0, n),
            (s, from, n) -> update(s.b, s.dt, from, 0, n, c),
        };
    }

    @Override
    public int lanes() {
        return 1;
    }

    @Override
    public Pass[] table(Chunk c) {
        return new Pass[] {(s, from, n) -> tableStep(s.b, s.current, s.dt, s.table, from, n, c.exact)};
    }

    // exp_euler_fast

    /** The rate functions' exponents: -(V+40)/10, -(V+65)/18, -(V+65)/80, -(V+55)/10. */
    static void rateArguments(double[] V, int from, int j0, int j1, Chunk c) {
        for (int j = j0; j < j1; j++) {
            double v = V[from + j];
            c.xm[j] = -(v + 40.0) * 0.1;
            c.x18[j] = -(v + 65.0) * (1.0 / 18.0);
            c.x80[j] = -(v + 65.0) * 0.0125;
            c.xn[j] = -(v + 55.0) * 0.1;
        }
    }

    static void exp(double[] x, double[] out, int j0, int j1) {
        for (int j = j0; j < j1; j++) {
            out[j] = PlainExp.exp(x[j]);
        }
    }

    static void inverseExprel(double[] x, double[] out, int j0, int j1) {
        for (int j = j0; j < j1; j++) {
            out[j] = PlainExp.inverseExprel(x[j]);
        }
    }

    static void exprel(double[] x, double[] out, int j0, int j1) {
        for (int j = j0; j < j1; j++) {
            out[j] = PlainExp.exprel(x[j]);
        }
    }

    /**
     * The rates from the exponentials (h_alpha from the fourth power of n_beta's, h_beta from
     * m_alpha's times e^{1/2}), then each variable's dt J and f(x) from the old state.
     */
    static void stepArguments(NeuronBlock b, double[] current, double dt, int from, int j0, int j1, Chunk c) {
        for (int j = j0; j < j1; j++) {
            int i = from + j;
            double m = b.m[i], h = b.h[i], n = b.n[i];

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
        }
        voltageArguments(b, current, dt, from, j0, j1, c);
    }

    /** dt J and f(V) of V from the old state. */
    static void voltageArguments(NeuronBlock b, double[] current, double dt, int from, int j0, int j1, Chunk c) {
        for (int j = j0; j < j1; j++) {
            int i = from + j;
            double v = b.V[i], m = b.m[i], h = b.h[i], n = b.n[i];
            double gNaOpen = b.gNa[i] * (m * m * m) * h;
            double gKOpen = b.gK[i] * ((n * n) * (n * n));
            double gL = b.gL[i];
            double invC = 1.0 / b.C[i];
            c.zV[j] = dt * (-(gNaOpen + gKOpen + gL) * invC);
            c.fV[j] = (-(gNaOpen * (v - b.ENa[i])) - gKOpen * (v - b.EK[i]) - gL * (v - b.EL[i]) + current[i]) * invC;
        }
    }

    /** x + dt exprel(dt J) f(x) for V, m, h and n. */
    static void update(NeuronBlock b, double dt, int from, int j0, int j1, Chunk c) {
        for (int j = j0; j < j1; j++) {
            int i = from + j;
            b.V[i] = b.V[i] + dt * c.zV[j] * c.fV[j];
            b.m[i] = b.m[i] + dt * c.zm[j] * c.fm[j];
            b.h[i] = b.h[i] + dt * c.zh[j] * c.fh[j];
            b.n[i] = b.n[i] + dt * c.zn[j] * c.fn[j];
        }
    }

    // exp_euler_table

    /** Neurons [from, from + n) one after another. */
    static void tableStep(NeuronBlock b, double[] current, double dt, GateTable t, int from, int n, double[] exact) {
        for (int i = from; i < from + n; i++) {
            double v = b.V[i], m = b.m[i], h = b.h[i], nn = b.n[i];
            double u = t.position(v);
            int at = t.record(u);

            double gNaOpen = b.gNa[i] * (m * m * m) * h;
            double gKOpen = b.gK[i] * ((nn * nn) * (nn * nn));
            double gL = b.gL[i];
            double invC = 1.0 / b.C[i];
            double zV = dt * (-(gNaOpen + gKOpen + gL) * invC);
            double fV = (-(gNaOpen * (v - b.ENa[i])) - gKOpen * (v - b.EK[i]) - gL * (v - b.EL[i]) + current[i]) * invC;
            b.V[i] = v + dt * PlainExp.exprel(zV) * fV;

            tableGates(b, t, i, at, u - (int) u, v, exact);
        }
    }

    /**
     * The gates' step of neurons [from, from + n) (V not yet updated): the gate half of
     * {@link #tableStep}, for the SIMD kernel, which updates V on vector lanes. When every neuron
     * is inside the table, as is usual, the loop runs without the per-neuron range check.
     */
    static void tableGates(NeuronBlock b, GateTable t, int from, int n, double[] exact) {
        boolean inside = true;
        for (int i = from; i < from + n; i++) {
            double u = t.position(b.V[i]);
            inside &= u >= 0.0 & u < t.last;
        }
        if (inside) {
            double[] nodes = t.nodes;
            for (int i = from; i < from + n; i++) {
                double u = t.position(b.V[i]);
                int k = (int) u;
                interpolate(b, nodes, i, GateTable.STRIDE * k, u - k);
            }
        } else {
            for (int i = from; i < from + n; i++) {
                double v = b.V[i];
                double u = t.position(v);
                tableGates(b, t, i, t.record(u), u - (int) u, v, exact);
            }
        }
    }

    /**
     * P + E x for each gate of neuron i, interpolated at fraction frac between table records at
     * and the next, or computed exactly at the old V (into exact) when at < 0: V outside the table.
     */
    static void tableGates(NeuronBlock b, GateTable t, int i, int at, double frac, double v, double[] exact) {
        if (at >= 0) {
            interpolate(b, t.nodes, i, at, frac);
        } else {
            GateTable.exact(v, t.dt, exact, 0);
            b.m[i] = Math.fma(exact[1], b.m[i], exact[0]);
            b.h[i] = Math.fma(exact[3], b.h[i], exact[2]);
            b.n[i] = Math.fma(exact[5], b.n[i], exact[4]);
        }
    }

    /** The gates of neurons [from, from + n), all inside the table, from their records and fractions. */
    static void interpolate(NeuronBlock b, double[] nodes, int from, int n, long[] record, double[] frac) {
        for (int j = 0; j < n; j++) {
            interpolate(b, nodes, from + j, (int) record[j], frac[j]);
        }
    }

    /** The gates of neuron i from the maps P + E x of table records at and the next, at frac. */
    private static void interpolate(NeuronBlock b, double[] nodes, int i, int at, double frac) {
        double m = b.m[i], h = b.h[i], n = b.n[i];
        int next = at + GateTable.STRIDE;
        double m0 = Math.fma(nodes[at + 1], m, nodes[at]);
        double m1 = Math.fma(nodes[next + 1], m, nodes[next]);
        double h0 = Math.fma(nodes[at + 3], h, nodes[at + 2]);
        double h1 = Math.fma(nodes[next + 3], h, nodes[next + 2]);
        double n0 = Math.fma(nodes[at + 5], n, nodes[at + 4]);
        double n1 = Math.fma(nodes[next + 5], n, nodes[next + 4]);
        b.m[i] = Math.fma(frac, m1 - m0, m0);
        b.h[i] = Math.fma(frac, h1 - h0, h0);
        b.n[i] = Math.fma(frac, n1 - n0, n0);
    }
}
