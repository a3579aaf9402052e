package org.hhsweep.sim.integrate;

import java.util.ArrayList;
import java.util.List;
import org.hhsweep.sim.model.NeuronBlock;
import org.hhsweep.sim.model.RateForm;

/**
 * The passes of exp_euler_fast and exp_euler_table one neuron at a time, for any model's
 * {@link RatePlan}. They define the bits: VectorSteps performs the same operations in the same
 * order on SIMD lanes and calls these loops for the neurons after its last whole vector. Loops run
 * over chunk indices [j0, j1) of neurons from + j.
 */
final class ScalarSteps implements KernelSteps {
    static final ScalarSteps INSTANCE = new ScalarSteps();

    private ScalarSteps() {
    }

    @Override
    public int lanes() {
        return 1;
    }

    @Override
    public Pass[] fast(StepContext s) {
        RatePlan p = s.plan;
        Chunk c = s.c;
        List<Pass> passes = new ArrayList<>();
        passes.add((x, from, n) -> arguments(p, x.b.V, from, 0, n, c));
        for (int slot = 0; slot < p.slots; slot++) {
            int q = slot;
            if (p.slotInverse[q]) {
                passes.add((x, from, n) -> inverseExprel(c.arg[q], c.inverse[q], 0, n));
            }
            if (p.slotExp[q]) {
                passes.add((x, from, n) -> exp(c.arg[q], c.exp[q], 0, n));
            }
        }
        for (int gate = 0; gate < p.kinetics.gates; gate++) {
            int k = gate;
            passes.add((x, from, n) -> gate(p, k, x.b, x.dt, from, 0, n, c));
        }
        passes.add((x, from, n) -> {
            powers(p, x.b, from, 0, n, c);
            voltageArguments(p, x.b, x.current, x.dt, from, 0, n, c);
        });
        passes.add((x, from, n) -> exprel(c.zV, c.zV, 0, n));
        for (int gate = 0; gate < p.kinetics.gates; gate++) {
            if (!p.kinetics.instantaneous[gate]) {
                int k = gate;
                passes.add((x, from, n) -> exprel(c.z[k], c.z[k], 0, n));
            }
        }
        passes.add((x, from, n) -> update(p, x.b, x.dt, from, 0, n, c));
        return passes.toArray(Pass[]::new);
    }

    @Override
    public Pass[] table(StepContext s) {
        RatePlan p = s.plan;
        Chunk c = s.c;
        List<Pass> passes = new ArrayList<>();
        passes.add((x, from, n) -> positions(x.b, x.table, from, 0, n, c));
        if (hasInstantaneous(p)) {
            passes.add((x, from, n) -> tableGates(x.b, x.table, from, 0, n, c, true));
        }
        passes.add((x, from, n) -> {
            powers(p, x.b, from, 0, n, c);
            voltageArguments(p, x.b, x.current, x.dt, from, 0, n, c);
        });
        passes.add((x, from, n) -> exprel(c.zV, c.zV, 0, n));
        passes.add((x, from, n) -> tableGates(x.b, x.table, from, 0, n, c, false));
        passes.add((x, from, n) -> advance(x.b.V, c.zV, c.fV, x.dt, from, 0, n));
        return passes.toArray(Pass[]::new);
    }

    static boolean hasInstantaneous(RatePlan p) {
        for (boolean b : p.kinetics.instantaneous) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    // exp_euler_fast

    /** Each slot's argument (V - midpoint) * slope. */
    static void arguments(RatePlan p, double[] V, int from, int j0, int j1, Chunk c) {
        for (int s = 0; s < p.slots; s++) {
            double mid = p.slotMidpoint[s];
            double slope = p.slotSlope[s];
            double[] arg = c.arg[s];
            for (int j = j0; j < j1; j++) {
                arg[j] = (V[from + j] - mid) * slope;
            }
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

    /** The array holding rate r's E: its slot's own, or scratch (after the power and factor). */
    static double[] source(RatePlan p, int r, Chunk c, double[] scratch) {
        if (p.kinetics.form[r].inverseExprel()) {
            return c.inverse[p.source[r]];
        }
        return p.direct(r) ? c.exp[p.source[r]] : scratch;
    }

    /** Rate r's E into scratch when it is a power of its slot's e^a or has a factor. */
    static void powerOf(RatePlan p, int r, Chunk c, double[] scratch, int j0, int j1) {
        if (!p.direct(r)) {
            double[] e = c.exp[p.source[r]];
            double factor = p.factor[r];
            int power = p.power[r];
            for (int j = j0; j < j1; j++) {
                scratch[j] = factor * Kinetics.power(e[j], power);
            }
        }
    }

    /**
     * Gate k from its rates (phi included): an instantaneous gate takes alpha/(alpha + beta) at
     * once; any other gets dt J = -dt (alpha + beta) and f(x) from the old state.
     */
    static void gate(RatePlan p, int k, NeuronBlock b, double dt, int from, int j0, int j1, Chunk c) {
        int ra = 2 * k, rb = 2 * k + 1;
        powerOf(p, ra, c, c.powerAlpha, j0, j1);
        powerOf(p, rb, c, c.powerBeta, j0, j1);
        double[] ea = source(p, ra, c, c.powerAlpha);
        double[] eb = source(p, rb, c, c.powerBeta);
        double ma = p.multiplier[ra], mb = p.multiplier[rb];
        RateForm.Combination ca = p.kinetics.form[ra].combination(), cb = p.kinetics.form[rb].combination();
        double[] x = b.gates[k];
        if (p.kinetics.instantaneous[k]) {
            for (int j = j0; j < j1; j++) {
                double a = ca.apply(ma, ea[j]), bb = cb.apply(mb, eb[j]);
                x[from + j] = a / (a + bb);
            }
            return;
        }
        double[] z = c.z[k];
        double[] f = c.f[k];
        for (int j = j0; j < j1; j++) {
            double a = ca.apply(ma, ea[j]), bb = cb.apply(mb, eb[j]), xi = x[from + j];
            z[j] = -dt * (a + bb);
            f[j] = a * (1.0 - xi) - bb * xi;
        }
    }

    /** Each gate's value to its power, for V's conductances. */
    static void powers(RatePlan p, NeuronBlock b, int from, int j0, int j1, Chunk c) {
        for (int q = 0; q < p.kinetics.gates; q++) {
            double[] x = b.gates[q];
            double[] out = c.powered[q];
            int power = p.kinetics.power[q];
            for (int j = j0; j < j1; j++) {
                out[j] = Kinetics.power(x[from + j], power);
            }
        }
    }

    /**
     * dt J and f(V) of V from the old state (and the instantaneous gates' new values), after
     * {@link #powers}: each channel's open conductance g prod x^power, summed from 0 into J's
     * conductance and its current subtracted from 0 into f's, channel by channel in order.
     */
    static void voltageArguments(RatePlan p, NeuronBlock b, double[] current, double dt, int from, int j0, int j1,
                                 Chunk c) {
        Kinetics k = p.kinetics;
        for (int j = j0; j < j1; j++) {
            int i = from + j;
            double v = b.V[i];
            double gSum = 0.0;
            double ionicNeg = 0.0;
            for (int ch = 0; ch < k.channels; ch++) {
                double open = b.g[ch][i];
                for (int q = k.firstGate[ch]; q < k.firstGate[ch + 1]; q++) {
                    open = open * c.powered[q][j];
                }
                gSum = gSum + open;
                ionicNeg = ionicNeg - open * (v - b.E[ch][i]);
            }
            double invC = 1.0 / b.C[i];
            c.zV[j] = dt * (-gSum * invC);
            c.fV[j] = (ionicNeg + current[i]) * invC;
        }
    }

    /** x + dt exprel(dt J) f(x) for V and every gate that is not instantaneous. */
    static void update(RatePlan p, NeuronBlock b, double dt, int from, int j0, int j1, Chunk c) {
        advance(b.V, c.zV, c.fV, dt, from, j0, j1);
        for (int k = 0; k < p.kinetics.gates; k++) {
            if (!p.kinetics.instantaneous[k]) {
                advance(b.gates[k], c.z[k], c.f[k], dt, from, j0, j1);
            }
        }
    }

    static void advance(double[] x, double[] e, double[] f, double dt, int from, int j0, int j1) {
        for (int j = j0; j < j1; j++) {
            x[from + j] = x[from + j] + dt * e[j] * f[j];
        }
    }

    // exp_euler_table

    /** Each neuron's table record and fraction from its old V, and whether all are inside. */
    static void positions(NeuronBlock b, GateTable t, int from, int j0, int j1, Chunk c) {
        boolean inside = j0 == 0 || c.inside;
        for (int j = j0; j < j1; j++) {
            double u = t.position(b.V[from + j]);
            boolean in = u >= 0.0 & u < t.last;
            inside &= in;
            int k = in ? (int) u : 0;
            c.record[j] = (long) t.stride * k;
            c.frac[j] = u - k;
        }
        c.inside = inside;
    }

    /**
     * The instantaneous gates (when instantaneous) or the others of neurons [from + j0, from + j1)
     * from the table at their old V: interpolated when every neuron of the chunk is inside, else
     * neuron by neuron, computed exactly for those outside.
     */
    static void tableGates(NeuronBlock b, GateTable t, int from, int j0, int j1, Chunk c, boolean instantaneous) {
        Kinetics k = t.plan.kinetics;
        double[] nodes = t.nodes;
        double[][] x = b.gates;
        if (c.inside) {
            int stride = t.stride;
            long[] record = c.record;
            double[] fracs = c.frac;
            int q = 0;
            // three gates at a time (hh's m, h, n in one sweep), then one at a time
            for (; q + 2 < k.gates && allOfKind(k, q, 3, instantaneous); q += 3) {
                interpolateThree(nodes, stride, 2 * q, record, fracs, x[q], x[q + 1], x[q + 2], from, j0, j1);
            }
            for (; q < k.gates; q++) {
                if (k.instantaneous[q] != instantaneous) {
                    continue;
                }
                interpolateOne(nodes, stride, 2 * q, record, fracs, x[q], from, j0, j1);
            }
            return;
        }
        for (int j = j0; j < j1; j++) {
            int i = from + j;
            double u = t.position(b.V[i]);
            int at = t.record(u);
            if (at < 0) {
                t.exact(b.V[i], c.exact, 0, c.rates);
            }
            for (int q = 0; q < k.gates; q++) {
                if (k.instantaneous[q] == instantaneous) {
                    x[q][i] = at >= 0 ? interpolate(nodes, at + 2 * q, t.stride, u - (int) u, x[q][i])
                            : Math.fma(c.exact[2 * q + 1], x[q][i], c.exact[2 * q]);
                }
            }
        }
    }

    /**
     * Three gates' table step for neurons [from + j0, from + j1), in a method of its own (as
     * interpolateOne): inside tableGates' larger body C2 compiled the loop half again as slow. Every
     * load comes before the first store, which could alias the table for all C2 knows.
     */
    private static void interpolateThree(double[] nodes, int stride, int off, long[] record, double[] fracs,
                                         double[] xa, double[] xb, double[] xc, int from, int j0, int j1) {
        for (int j = j0; j < j1; j++) {
            int at = (int) record[j] + off;
            int next = at + stride;
            int i = from + j;
            double fr = fracs[j];
            double va = xa[i], vb = xb[i], vc = xc[i];
            double a0 = Math.fma(nodes[at + 1], va, nodes[at]);
            double b0 = Math.fma(nodes[at + 3], vb, nodes[at + 2]);
            double c0 = Math.fma(nodes[at + 5], vc, nodes[at + 4]);
            double a1 = Math.fma(nodes[next + 1], va, nodes[next]);
            double b1 = Math.fma(nodes[next + 3], vb, nodes[next + 2]);
            double c1 = Math.fma(nodes[next + 5], vc, nodes[next + 4]);
            xa[i] = Math.fma(fr, a1 - a0, a0);
            xb[i] = Math.fma(fr, b1 - b0, b0);
            xc[i] = Math.fma(fr, c1 - c0, c0);
        }
    }

    private static void interpolateOne(double[] nodes, int stride, int off, long[] record, double[] fracs,
                                       double[] x, int from, int j0, int j1) {
        for (int j = j0; j < j1; j++) {
            x[from + j] = interpolate(nodes, (int) record[j] + off, stride, fracs[j], x[from + j]);
        }
    }

    private static boolean allOfKind(Kinetics k, int q, int count, boolean instantaneous) {
        for (int r = q; r < q + count; r++) {
            if (k.instantaneous[r] != instantaneous) {
                return false;
            }
        }
        return true;
    }

    /** The map P + E x of the records at and at + stride, interpolated at frac. */
    static double interpolate(double[] nodes, int at, int stride, double frac, double x) {
        double x0 = Math.fma(nodes[at + 1], x, nodes[at]);
        double x1 = Math.fma(nodes[at + stride + 1], x, nodes[at + stride]);
        return Math.fma(frac, x1 - x0, x0);
    }
}
