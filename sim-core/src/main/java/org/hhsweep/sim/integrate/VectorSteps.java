package org.hhsweep.sim.integrate;

import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;
import java.util.ArrayList;
import java.util.List;
import org.hhsweep.sim.model.NeuronBlock;
import org.hhsweep.sim.model.RateForm;

/**
 * {@link ScalarSteps} on SIMD lanes through the JDK's incubating Vector API: the same operations
 * in the same order, so the same bits, for as many neurons at once as the CPU's widest vector holds
 * (8 with AVX-512), for any model's {@link RatePlan}. Needs {@code --add-modules jdk.incubator.vector} at run time; {@link FastKernels}
 * loads this class only then. Neurons after the last whole vector of a chunk go through the scalar
 * loops, which is why the two must agree to the bit (VectorStepsTest). Each pass holds at most one
 * exponential (see {@link Pass} for why).
 */
final class VectorSteps implements KernelSteps {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private static final DoubleVector ONE = DoubleVector.broadcast(S, 1.0);
    private static final DoubleVector ZERO = DoubleVector.zero(S);
    private static final double TWO_52 = 0x1.0p52;
    private static final long TWO_52_BITS = Double.doubleToRawLongBits(TWO_52);
    private static final DoubleVector MINUS_LN2_HI = DoubleVector.broadcast(S, -PlainExp.LN2_HI);
    private static final DoubleVector MINUS_LN2_LO = DoubleVector.broadcast(S, -PlainExp.LN2_LO);
    private static final DoubleVector C0 = DoubleVector.broadcast(S, PlainExp.C0);
    private static final DoubleVector C1 = DoubleVector.broadcast(S, PlainExp.C1);
    private static final DoubleVector C2 = DoubleVector.broadcast(S, PlainExp.C2);
    private static final DoubleVector C3 = DoubleVector.broadcast(S, PlainExp.C3);
    private static final DoubleVector C4 = DoubleVector.broadcast(S, PlainExp.C4);
    private static final DoubleVector C5 = DoubleVector.broadcast(S, PlainExp.C5);
    private static final DoubleVector C6 = DoubleVector.broadcast(S, PlainExp.C6);
    private static final DoubleVector C7 = DoubleVector.broadcast(S, PlainExp.C7);
    private static final DoubleVector C8 = DoubleVector.broadcast(S, PlainExp.C8);
    private static final DoubleVector C9 = DoubleVector.broadcast(S, PlainExp.C9);
    private static final DoubleVector C10 = DoubleVector.broadcast(S, PlainExp.C10);
    private static final DoubleVector C11 = DoubleVector.broadcast(S, PlainExp.C11);
    private static final DoubleVector C12 = DoubleVector.broadcast(S, PlainExp.C12);

    @Override
    public int lanes() {
        return S.length();
    }

    @Override
    public Pass[] fast(StepContext s) {
        RatePlan p = s.plan;
        Chunk c = s.c;
        List<Pass> passes = new ArrayList<>();
        passes.add(new Arguments(p, c));
        for (int q = 0; q < p.slots; q++) {
            if (p.slotInverse[q] && p.slotExp[q]) {
                passes.add(new InverseExprelAndExp(c.arg[q], c.inverse[q], c.exp[q]));
            } else if (p.slotInverse[q]) {
                passes.add(new InverseExprel(c.arg[q], c.inverse[q]));
            } else {
                passes.add(new Exp(c.arg[q], c.exp[q]));
            }
        }
        for (int k = 0; k < p.kinetics.gates; k++) {
            passes.add(new RatePowers(p, k, c));
            passes.add(new GateArguments(p, k, c));
        }
        passes.addAll(voltagePasses(p, c));
        passes.add(new ExprelAdvanceV(c));
        for (int k = 0; k < p.kinetics.gates; k++) {
            if (!p.kinetics.instantaneous[k]) {
                passes.add(new Exprel(c.z[k]));
            }
        }
        passes.add(new AdvanceGates(p, c));
        return passes.toArray(Pass[]::new);
    }

    /**
     * V's update on SIMD lanes; the gates' table look-ups stay scalar: eight-lane gathers (two per
     * gate per eight neurons) cost more on the CPUs measured than the scalar loads they replace.
     */
    @Override
    public Pass[] table(StepContext s) {
        RatePlan p = s.plan;
        Chunk c = s.c;
        List<Pass> passes = new ArrayList<>();
        passes.add(new TablePositions(c));
        if (ScalarSteps.hasInstantaneous(p)) {
            passes.add((x, from, n) -> ScalarSteps.tableGates(x.b, x.table, from, 0, n, c, true));
        }
        passes.addAll(voltagePasses(p, c));
        // the gates before V advances: a neuron outside the table is looked up at its old V
        passes.add((x, from, n) -> ScalarSteps.tableGates(x.b, x.table, from, 0, n, c, false));
        passes.add(new ExprelAdvanceV(c));
        return passes.toArray(Pass[]::new);
    }

    // exp_euler_fast

    private record Arguments(RatePlan p, Chunk c) implements Pass {
        @Override
        public void run(StepContext s, int from, int n) {
            int upper = S.loopBound(n);
            for (int q = 0; q < p.slots; q++) {
                double mid = p.slotMidpoint[q];
                double slope = p.slotSlope[q];
                double[] arg = c.arg[q];
                for (int j = 0; j < upper; j += S.length()) {
                    DoubleVector.fromArray(S, s.b.V, from + j).sub(mid).mul(slope).intoArray(arg, j);
                }
            }
            ScalarSteps.arguments(p, s.b.V, from, upper, n, c);
        }
    }

    private record Exp(double[] x, double[] out) implements Pass {
        @Override
        public void run(StepContext s, int from, int n) {
            int upper = S.loopBound(n);
            for (int j = 0; j < upper; j += S.length()) {
                DoubleVector xc = clamp(DoubleVector.fromArray(S, x, j));
                DoubleVector t = xc.fma(PlainExp.INV_LN2, PlainExp.SHIFTER);
                DoubleVector kd = t.sub(PlainExp.SHIFTER);
                DoubleVector r = reduce(xc, kd);
                DoubleVector rq = r.mul(q(r));
                DoubleVector scale = twoToThe(t);
                scale.fma(rq, scale).intoArray(out, j);
            }
            ScalarSteps.exp(x, out, upper, n);
        }
    }

    private record InverseExprel(double[] x, double[] out) implements Pass {
        @Override
        public void run(StepContext s, int from, int n) {
            int upper = S.loopBound(n);
            for (int j = 0; j < upper; j += S.length()) {
                DoubleVector xv = DoubleVector.fromArray(S, x, j);
                DoubleVector xc = clamp(xv);
                DoubleVector t = xc.fma(PlainExp.INV_LN2, PlainExp.SHIFTER);
                DoubleVector kd = t.sub(PlainExp.SHIFTER);
                DoubleVector r = reduce(xc, kd);
                DoubleVector qr = q(r);
                DoubleVector scale = twoToThe(t);
                VectorMask<Double> k0 = kd.compare(EQ, 0.0);
                DoubleVector num = xv.blend(1.0, k0);
                DoubleVector den = scale.fma(r.mul(qr), scale.sub(1.0)).blend(qr, k0);
                num.div(den).intoArray(out, j);
            }
            ScalarSteps.inverseExprel(x, out, upper, n);
        }
    }

    /**
     * x/(e^x - 1) and e^x from one reduction of x: m_alpha and, for h_beta, e^{-(V+40)/10}. The same
     * bits as PlainExp.inverseExprel and PlainExp.exp, which make the same reduction each.
     */
    private record InverseExprelAndExp(double[] x, double[] inverse, double[] exp) implements Pass {
        @Override
        public void run(StepContext s, int from, int n) {
            int upper = S.loopBound(n);
            for (int j = 0; j < upper; j += S.length()) {
                DoubleVector xv = DoubleVector.fromArray(S, x, j);
                DoubleVector xc = clamp(xv);
                DoubleVector t = xc.fma(PlainExp.INV_LN2, PlainExp.SHIFTER);
                DoubleVector kd = t.sub(PlainExp.SHIFTER);
                DoubleVector r = reduce(xc, kd);
                DoubleVector qr = q(r);
                DoubleVector rq = r.mul(qr);
                DoubleVector scale = twoToThe(t);
                VectorMask<Double> k0 = kd.compare(EQ, 0.0);
                DoubleVector num = xv.blend(1.0, k0);
                DoubleVector den = scale.fma(rq, scale.sub(1.0)).blend(qr, k0);
                num.div(den).intoArray(inverse, j);
                scale.fma(rq, scale).intoArray(exp, j);
            }
            ScalarSteps.inverseExprel(x, inverse, upper, n);
            ScalarSteps.exp(x, exp, upper, n);
        }
    }

    /**
     * exprel of x in place, the neurons after the last whole vector too. When every
     * argument of the chunk is below PlainExp.SMALL, as for the gates at small dt, exprel is the
     * polynomial alone (the same bits: there the reduction leaves x as it is), without the
     * division. The choice is made per chunk, in a loop of its own: a branch per vector, with
     * vectors live across it, made C2 box a vector per iteration in some runs.
     */
    private record Exprel(double[] x) implements Pass {
        @Override
        public void run(StepContext s, int from, int n) {
            int upper = S.loopBound(n);
            if (allSmall(x, upper)) {
                for (int j = 0; j < upper; j += S.length()) {
                    q(DoubleVector.fromArray(S, x, j)).intoArray(x, j);
                }
            } else {
                for (int j = 0; j < upper; j += S.length()) {
                    DoubleVector xv = DoubleVector.fromArray(S, x, j);
                    DoubleVector xc = clamp(xv);
                    DoubleVector t = xc.fma(PlainExp.INV_LN2, PlainExp.SHIFTER);
                    DoubleVector kd = t.sub(PlainExp.SHIFTER);
                    DoubleVector r = reduce(xc, kd);
                    DoubleVector qr = q(r);
                    VectorMask<Double> k0 = kd.compare(EQ, 0.0);
                    DoubleVector scale = twoToThe(t);
                    scale.fma(r.mul(qr), scale.sub(1.0)).div(xv).blend(qr, k0).intoArray(x, j);
                }
            }
            ScalarSteps.exprel(x, x, upper, n);
        }

        /**
         * Without branches, the first argument aside: at large steps (dt 0.1 ms) one neuron's is
         * large in practically every chunk, and the scan then costs nothing.
         */
        private static boolean allSmall(double[] x, int upper) {
            if (!(Math.abs(x[0]) < PlainExp.SMALL)) {
                return false;
            }
            boolean small = true;
            for (int j = 0; j < upper; j++) {
                small &= Math.abs(x[j]) < PlainExp.SMALL;
            }
            return small;
        }
    }

    /**
     * The shared exponentials' powers that gate k's rates take, for the whole vectors. A pass of
     * its own, not a call from GateArguments: with these loops inlined there, after the rest of
     * the test suite had run every power, C2 compiled GateArguments with its vector helpers
     * (combine, gateRate) out of line, and they boxed every vector (2 GB per 20,000 steps in
     * NetworkAllocationTest, seen with JFR's allocation samples).
     */
    private record RatePowers(RatePlan p, int k, Chunk c) implements Pass {
        @Override
        public void run(StepContext s, int from, int n) {
            int upper = S.loopBound(n);
            powerOf(p, 2 * k, c, c.powerAlpha, upper);
            powerOf(p, 2 * k + 1, c, c.powerBeta, upper);
        }
    }

    /**
     * Gate k's rates, then its dt J and f(x), or its value if instantaneous, in one loop. Which
     * combination each rate takes is fixed for the pass, so C2 unswitches the loop on it.
     */
    private record GateArguments(RatePlan p, int k, Chunk c) implements Pass {
        @Override
        public void run(StepContext s, int from, int n) {
            int upper = S.loopBound(n);
            int ra = 2 * k, rb = 2 * k + 1;
            double[] ea = ScalarSteps.source(p, ra, c, c.powerAlpha);
            double[] eb = ScalarSteps.source(p, rb, c, c.powerBeta);
            double ma = p.multiplier[ra], mb = p.multiplier[rb];
            boolean la = p.kinetics.form[ra].combination() == RateForm.Combination.LOGISTIC;
            boolean lb = p.kinetics.form[rb].combination() == RateForm.Combination.LOGISTIC;
            double[] x = s.b.gates[k];
            if (p.kinetics.instantaneous[k]) {
                for (int j = 0; j < upper; j += S.length()) {
                    DoubleVector a = combine(ma, DoubleVector.fromArray(S, ea, j), la);
                    DoubleVector b = combine(mb, DoubleVector.fromArray(S, eb, j), lb);
                    a.div(a.add(b)).intoArray(x, from + j);
                }
            } else {
                double minusDt = -s.dt;
                double[] z = c.z[k];
                double[] f = c.f[k];
                for (int j = 0; j < upper; j += S.length()) {
                    DoubleVector a = combine(ma, DoubleVector.fromArray(S, ea, j), la);
                    DoubleVector b = combine(mb, DoubleVector.fromArray(S, eb, j), lb);
                    a.add(b).mul(minusDt).intoArray(z, j);
                    gateRate(a, b, DoubleVector.fromArray(S, x, from + j)).intoArray(f, j);
                }
            }
            ScalarSteps.gate(p, k, s.b, s.dt, from, upper, n, c);
        }
    }

    /** RateForm.Combination on lanes: m / (1 + e) when logistic, else m e. */
    private static DoubleVector combine(double m, DoubleVector e, boolean logistic) {
        return logistic ? DoubleVector.broadcast(S, m).div(e.add(1.0)) : e.mul(m);
    }

    /** Rate r's E into scratch for the whole vectors, as ScalarSteps.powerOf: factor e^power, in one loop. */
    private static void powerOf(RatePlan p, int r, Chunk c, double[] scratch, int upper) {
        if (!p.direct(r)) {
            scaledPower(c.exp[p.source[r]], p.factor[r], scratch, p.power[r], upper);
        }
    }

    /**
     * out[j] = factor x[j]^p for the whole vectors, the power formed as Kinetics.power forms it
     * and chosen outside the loops (see timesPower).
     */
    private static void scaledPower(double[] x, double factor, double[] out, int p, int upper) {
        switch (p) {
            case 1 -> scaledFirst(x, factor, out, upper);
            case 2 -> scaledSquare(x, factor, out, upper);
            case 4 -> scaledFourth(x, factor, out, upper);
            default -> {
                fill(out, factor, upper);
                timesPower(x, 0, out, p, upper);
            }
        }
    }

    private static void scaledFirst(double[] x, double factor, double[] out, int upper) {
        DoubleVector f = DoubleVector.broadcast(S, factor);
        for (int j = 0; j < upper; j += S.length()) {
            f.mul(DoubleVector.fromArray(S, x, j)).intoArray(out, j);
        }
    }

    private static void scaledSquare(double[] x, double factor, double[] out, int upper) {
        DoubleVector f = DoubleVector.broadcast(S, factor);
        for (int j = 0; j < upper; j += S.length()) {
            DoubleVector xv = DoubleVector.fromArray(S, x, j);
            f.mul(xv.mul(xv)).intoArray(out, j);
        }
    }

    private static void scaledFourth(double[] x, double factor, double[] out, int upper) {
        DoubleVector f = DoubleVector.broadcast(S, factor);
        for (int j = 0; j < upper; j += S.length()) {
            DoubleVector xv = DoubleVector.fromArray(S, x, j);
            DoubleVector x2 = xv.mul(xv);
            f.mul(x2.mul(x2)).intoArray(out, j);
        }
    }

    /** x + dt exprel(dt J) f(x) for every gate that is not instantaneous; V has advanced in ExprelAdvanceV. */
    private record AdvanceGates(RatePlan p, Chunk c) implements Pass {
        @Override
        public void run(StepContext s, int from, int n) {
            NeuronBlock b = s.b;
            int upper = S.loopBound(n);
            for (int k = 0; k < p.kinetics.gates; k++) {
                if (!p.kinetics.instantaneous[k]) {
                    for (int j = 0; j < upper; j += S.length()) {
                        advance(b.gates[k], c.z[k], c.f[k], s.dt, from + j, j);
                    }
                    ScalarSteps.advance(b.gates[k], c.z[k], c.f[k], s.dt, from, upper, n);
                }
            }
        }
    }

    // exp_euler_table (the gates' look-ups are scalar)

    /**
     * Each neuron's place in the gate table, V's position u = (V - vMin)/dv split into the record
     * index stride floor(u) and the fraction u - floor(u) (the same bits as ScalarSteps'
     * (int) u and u - (int) u for 0 <= u < last), and whether every neuron of the chunk is inside
     * the table. The scalar look-up that follows is then loads and arithmetic only.
     */
    private record TablePositions(Chunk c) implements Pass {
        @Override
        public void run(StepContext s, int from, int n) {
            GateTable t = s.table;
            boolean inside = true;
            int upper = S.loopBound(n);
            for (int j = 0; j < upper; j += S.length()) {
                DoubleVector u = DoubleVector.fromArray(S, s.b.V, from + j).sub(t.vMin).mul(t.invDv);
                DoubleVector k = floor(u);
                u.sub(k).intoArray(c.frac, j);
                integer(k.mul(t.stride)).intoArray(c.record, j);
                inside &= u.compare(GE, 0.0).and(u.compare(LT, t.last)).allTrue();
            }
            c.inside = inside;
            ScalarSteps.positions(s.b, t, from, upper, n, c);
        }
    }

    // shared

    /**
     * V + dt exprel(dt J) f(V), exprel in one loop with the advance (see Exprel for its two
     * forms): a pass and a round trip of dt J through the chunk fewer than Exprel then an advance.
     * Exprel's lane code is written out again rather than shared through a helper: a helper above
     * MaxInlineSize, reached first on a path C2 deems cold (a chunk with a large argument long after
     * compilation), would be left out of line and box every vector (see q).
     */
    private record ExprelAdvanceV(Chunk c) implements Pass {
        @Override
        public void run(StepContext s, int from, int n) {
            int upper = S.loopBound(n);
            double[] x = c.zV;
            double[] V = s.b.V;
            double dt = s.dt;
            if (Exprel.allSmall(x, upper)) {
                for (int j = 0; j < upper; j += S.length()) {
                    DoubleVector e = q(DoubleVector.fromArray(S, x, j));
                    DoubleVector.fromArray(S, V, from + j).add(e.mul(dt).mul(DoubleVector.fromArray(S, c.fV, j)))
                            .intoArray(V, from + j);
                }
            } else {
                for (int j = 0; j < upper; j += S.length()) {
                    DoubleVector xv = DoubleVector.fromArray(S, x, j);
                    DoubleVector xc = clamp(xv);
                    DoubleVector t = xc.fma(PlainExp.INV_LN2, PlainExp.SHIFTER);
                    DoubleVector kd = t.sub(PlainExp.SHIFTER);
                    DoubleVector r = reduce(xc, kd);
                    DoubleVector qr = q(r);
                    VectorMask<Double> k0 = kd.compare(EQ, 0.0);
                    DoubleVector scale = twoToThe(t);
                    DoubleVector e = scale.fma(r.mul(qr), scale.sub(1.0)).div(xv).blend(qr, k0);
                    DoubleVector.fromArray(S, V, from + j).add(e.mul(dt).mul(DoubleVector.fromArray(S, c.fV, j)))
                            .intoArray(V, from + j);
                }
            }
            ScalarSteps.exprel(x, x, upper, n);
            ScalarSteps.advance(V, x, c.fV, dt, from, upper, n);
        }
    }

    /**
     * dt J and f(V) of V, as ScalarSteps.voltageArguments after ScalarSteps.powers, as small passes:
     * every channel's open conductance g prod x^power into the chunk, then the channels in order,
     * three at a time, each group adding its open conductances and currents into the chunk's sums,
     * the last group turning them into J and f. One pass for all of it passed C2's inlining budget
     * and boxed vectors; a pass per channel wrote and read the sums once per channel; a channel
     * loop that also read each gate (or its power) where it was took more arrays and offsets than
     * x86's registers hold, and spilled (hh's step ran 10% slower than with the open conductances
     * formed first).
     */
    private static List<Pass> voltagePasses(RatePlan p, Chunk c) {
        Kinetics k = p.kinetics;
        List<Pass> out = new ArrayList<>();
        out.add(new OpenConductances(p, c));
        for (int ch = 0; ch < k.channels; ) {
            boolean first = ch == 0;
            int[] group = {-1, -1, -1};
            for (int n = 0; n < 3 && ch < k.channels; n++) {
                group[n] = ch++;
            }
            out.add(new ThreeChannels(p, group, first, ch == k.channels, c));
        }
        if (k.channels == 0) {
            out.add(new VoltageArguments(p, c));
        }
        return out;
    }

    /**
     * Each channel's open conductance g x1^p1 x2^p2 ... into the chunk, multiplied in the order of
     * ScalarSteps.voltageArguments (g first, then the gates in order), a loop per channel and gate
     * with the power chosen outside it.
     */
    private record OpenConductances(RatePlan p, Chunk c) implements Pass {
        @Override
        public void run(StepContext s, int from, int n) {
            Kinetics k = p.kinetics;
            int upper = S.loopBound(n);
            for (int ch = 0; ch < k.channels; ch++) {
                double[] out = c.opened[ch];
                double[] g = s.b.g[ch];
                int q0 = k.firstGate[ch];
                int q1 = k.firstGate[ch + 1];
                if (q0 == q1) {
                    for (int j = 0; j < upper; j += S.length()) {
                        DoubleVector.fromArray(S, g, from + j).intoArray(out, j);
                    }
                    continue;
                }
                timesPower(g, s.b.gates[q0], from, out, k.power[q0], upper);
                for (int q = q0 + 1; q < q1; q++) {
                    timesPower(s.b.gates[q], from, out, k.power[q], upper);
                }
            }
        }
    }

    /**
     * Up to three channels, in order, from their open conductances into the chunk's sums. A missing
     * channel reads an open conductance and a reversal of 0 from the chunk, which leave the sums'
     * bits as they are (x + 0 = x, x - 0 = x), so one loop serves every group. The last group
     * computes J and f from the sums (as VoltageArguments) instead of storing them, and then the
     * neurons after the last whole vector.
     */
    private record ThreeChannels(RatePlan p, int[] channel, boolean first, boolean last, Chunk c) implements Pass {
        @Override
        public void run(StepContext s, int from, int n) {
            NeuronBlock b = s.b;
            double[] x0 = opened(0), x1 = opened(1), x2 = opened(2);
            double[] e0 = reversal(b, 0), e1 = reversal(b, 1), e2 = reversal(b, 2);
            int o0 = channel[0] >= 0 ? from : 0, o1 = channel[1] >= 0 ? from : 0, o2 = channel[2] >= 0 ? from : 0;
            // the first group's sums start from 0 + ..., as the scalar sums do
            double[] gIn = first ? c.zeros : c.gSum;
            double[] ionicIn = first ? c.zeros : c.ionicNeg;
            double[] V = b.V;
            int upper = S.loopBound(n);
            if (!last) {
                for (int j = 0; j < upper; j += S.length()) {
                    DoubleVector v = DoubleVector.fromArray(S, V, from + j);
                    DoubleVector g0 = DoubleVector.fromArray(S, x0, j);
                    DoubleVector g1 = DoubleVector.fromArray(S, x1, j);
                    DoubleVector g2 = DoubleVector.fromArray(S, x2, j);
                    DoubleVector.fromArray(S, gIn, j).add(g0).add(g1).add(g2).intoArray(c.gSum, j);
                    DoubleVector i0 = g0.mul(v.sub(DoubleVector.fromArray(S, e0, o0 + j)));
                    DoubleVector i1 = g1.mul(v.sub(DoubleVector.fromArray(S, e1, o1 + j)));
                    DoubleVector i2 = g2.mul(v.sub(DoubleVector.fromArray(S, e2, o2 + j)));
                    DoubleVector.fromArray(S, ionicIn, j).sub(i0).sub(i1).sub(i2).intoArray(c.ionicNeg, j);
                }
                return;
            }
            double dt = s.dt;
            double[] C = b.C;
            double[] current = s.current;
            for (int j = 0; j < upper; j += S.length()) {
                int i = from + j;
                DoubleVector v = DoubleVector.fromArray(S, V, i);
                DoubleVector g0 = DoubleVector.fromArray(S, x0, j);
                DoubleVector g1 = DoubleVector.fromArray(S, x1, j);
                DoubleVector g2 = DoubleVector.fromArray(S, x2, j);
                DoubleVector gSum = DoubleVector.fromArray(S, gIn, j).add(g0).add(g1).add(g2);
                DoubleVector i0 = g0.mul(v.sub(DoubleVector.fromArray(S, e0, o0 + j)));
                DoubleVector i1 = g1.mul(v.sub(DoubleVector.fromArray(S, e1, o1 + j)));
                DoubleVector i2 = g2.mul(v.sub(DoubleVector.fromArray(S, e2, o2 + j)));
                DoubleVector ionicNeg = DoubleVector.fromArray(S, ionicIn, j).sub(i0).sub(i1).sub(i2);
                DoubleVector invC = ONE.div(DoubleVector.fromArray(S, C, i));
                gSum.neg().mul(invC).mul(dt).intoArray(c.zV, j);
                ionicNeg.add(DoubleVector.fromArray(S, current, i)).mul(invC).intoArray(c.fV, j);
            }
            ScalarSteps.powers(p, b, from, upper, n, c);
            ScalarSteps.voltageArguments(p, b, s.current, dt, from, upper, n, c);
        }

        private double[] opened(int q) {
            return channel[q] >= 0 ? c.opened[channel[q]] : c.zeros;
        }

        private double[] reversal(NeuronBlock b, int q) {
            return channel[q] >= 0 ? b.E[channel[q]] : c.zeros;
        }
    }

    /** J and f of V from the sums, then the neurons after the last whole vector, scalar. */
    private record VoltageArguments(RatePlan p, Chunk c) implements Pass {
        @Override
        public void run(StepContext s, int from, int n) {
            NeuronBlock b = s.b;
            int upper = S.loopBound(n);
            double dt = s.dt;
            for (int j = 0; j < upper; j += S.length()) {
                int i = from + j;
                DoubleVector invC = ONE.div(DoubleVector.fromArray(S, b.C, i));
                DoubleVector.fromArray(S, c.gSum, j).neg().mul(invC).mul(dt).intoArray(c.zV, j);
                DoubleVector.fromArray(S, c.ionicNeg, j).add(DoubleVector.fromArray(S, s.current, i)).mul(invC)
                        .intoArray(c.fV, j);
            }
            ScalarSteps.powers(p, b, from, upper, n, c);
            ScalarSteps.voltageArguments(p, b, s.current, dt, from, upper, n, c);
        }
    }

    private static void fill(double[] out, double value, int upper) {
        DoubleVector v = DoubleVector.broadcast(S, value);
        for (int j = 0; j < upper; j += S.length()) {
            v.intoArray(out, j);
        }
    }

    /**
     * out[j] = g[from + j] x[from + j]^p for the whole vectors: a channel's conductance times its
     * first gate's power, formed as Kinetics.power forms it, the power chosen outside the loops.
     */
    private static void timesPower(double[] g, double[] x, int from, double[] out, int p, int upper) {
        switch (p) {
            case 1 -> {
                for (int j = 0; j < upper; j += S.length()) {
                    DoubleVector xv = DoubleVector.fromArray(S, x, from + j);
                    DoubleVector.fromArray(S, g, from + j).mul(xv).intoArray(out, j);
                }
            }
            case 2 -> {
                for (int j = 0; j < upper; j += S.length()) {
                    DoubleVector xv = DoubleVector.fromArray(S, x, from + j);
                    DoubleVector.fromArray(S, g, from + j).mul(xv.mul(xv)).intoArray(out, j);
                }
            }
            case 3 -> {
                for (int j = 0; j < upper; j += S.length()) {
                    DoubleVector xv = DoubleVector.fromArray(S, x, from + j);
                    DoubleVector.fromArray(S, g, from + j).mul(xv.mul(xv).mul(xv)).intoArray(out, j);
                }
            }
            case 4 -> {
                for (int j = 0; j < upper; j += S.length()) {
                    DoubleVector xv = DoubleVector.fromArray(S, x, from + j);
                    DoubleVector x2 = xv.mul(xv);
                    DoubleVector.fromArray(S, g, from + j).mul(x2.mul(x2)).intoArray(out, j);
                }
            }
            default -> {
                for (int j = 0; j < upper; j += S.length()) {
                    DoubleVector.fromArray(S, g, from + j).intoArray(out, j);
                }
                timesPower(x, from, out, p, upper);
            }
        }
    }

    /**
     * acc[j] = acc[j] x[from + j]^p for the whole vectors, powers formed as Kinetics.power forms
     * them. The power is chosen outside the loops: a branch inside, with vectors live across it,
     * made C2 box vectors in some runs.
     */
    private static void timesPower(double[] x, int from, double[] acc, int p, int upper) {
        switch (p) {
            case 1 -> {
                for (int j = 0; j < upper; j += S.length()) {
                    DoubleVector xv = DoubleVector.fromArray(S, x, from + j);
                    DoubleVector.fromArray(S, acc, j).mul(xv).intoArray(acc, j);
                }
            }
            case 2 -> {
                for (int j = 0; j < upper; j += S.length()) {
                    DoubleVector xv = DoubleVector.fromArray(S, x, from + j);
                    DoubleVector.fromArray(S, acc, j).mul(xv.mul(xv)).intoArray(acc, j);
                }
            }
            case 3 -> {
                for (int j = 0; j < upper; j += S.length()) {
                    DoubleVector xv = DoubleVector.fromArray(S, x, from + j);
                    DoubleVector.fromArray(S, acc, j).mul(xv.mul(xv).mul(xv)).intoArray(acc, j);
                }
            }
            case 4 -> {
                for (int j = 0; j < upper; j += S.length()) {
                    DoubleVector xv = DoubleVector.fromArray(S, x, from + j);
                    DoubleVector x2 = xv.mul(xv);
                    DoubleVector.fromArray(S, acc, j).mul(x2.mul(x2)).intoArray(acc, j);
                }
            }
            default -> {
                for (int j = 0; j < upper; j += S.length()) {
                    DoubleVector xv = DoubleVector.fromArray(S, x, from + j);
                    DoubleVector x2 = xv.mul(xv);
                    DoubleVector r = x2.mul(x2);
                    for (int q = 4; q < p; q++) {
                        r = r.mul(xv);
                    }
                    DoubleVector.fromArray(S, acc, j).mul(r).intoArray(acc, j);
                }
            }
        }
    }

    /** x + dt e f at neuron i, chunk index j. */
    private static void advance(double[] x, double[] e, double[] f, double dt, int i, int j) {
        DoubleVector.fromArray(S, x, i)
                .add(DoubleVector.fromArray(S, e, j).mul(dt).mul(DoubleVector.fromArray(S, f, j)))
                .intoArray(x, i);
    }

    /** alpha (1 - x) - beta x; 1 - x as -x + 1, the same IEEE result. */
    private static DoubleVector gateRate(DoubleVector alpha, DoubleVector beta, DoubleVector x) {
        return alpha.mul(x.neg().add(1.0)).sub(beta.mul(x));
    }

    // The lane forms of PlainExp's parts; see there for the method and its bounds.

    /** floor(u) for 0 <= u < 2^51 (other lanes are not used): round to nearest, then down. */
    private static DoubleVector floor(DoubleVector u) {
        DoubleVector r = u.add(TWO_52).sub(TWO_52);
        return r.blend(r.sub(1.0), r.compare(GT, u));
    }

    /** The long value of integral lanes in [0, 2^51]. */
    private static LongVector integer(DoubleVector k) {
        return k.add(TWO_52).reinterpretAsLongs().sub(TWO_52_BITS);
    }

    private static DoubleVector clamp(DoubleVector x) {
        return x.min(PlainExp.MAX_ARG).max(PlainExp.MIN_ARG);
    }

    private static DoubleVector reduce(DoubleVector x, DoubleVector kd) {
        return kd.fma(MINUS_LN2_LO, kd.fma(MINUS_LN2_HI, x));
    }

    private static DoubleVector twoToThe(DoubleVector t) {
        return t.reinterpretAsLongs().add(PlainExp.EXPONENT_OFFSET).lanewise(LSHL, 52).reinterpretAsDoubles();
    }

    // q is split so every helper here stays under C2's MaxInlineSize (35 bytes of bytecode): such
    // methods are inlined even at call sites C2 deems cold (a path first taken long after the JIT
    // compiled the pass, e.g. blocks larger than a vector after blocks of one neuron), and a
    // helper left out of line boxes the vectors it takes and returns, at a hundred times the cost.

    private static DoubleVector q(DoubleVector r) {
        return q3(r, q6(r, q9(r, q12(r))));
    }

    /** Horner from C12 down to C9. */
    private static DoubleVector q12(DoubleVector r) {
        DoubleVector p = r.fma(C12, C11);
        p = r.fma(p, C10);
        return r.fma(p, C9);
    }

    private static DoubleVector q9(DoubleVector r, DoubleVector p) {
        p = r.fma(p, C8);
        p = r.fma(p, C7);
        return r.fma(p, C6);
    }

    private static DoubleVector q6(DoubleVector r, DoubleVector p) {
        p = r.fma(p, C5);
        p = r.fma(p, C4);
        return r.fma(p, C3);
    }

    private static DoubleVector q3(DoubleVector r, DoubleVector p) {
        p = r.fma(p, C2);
        p = r.fma(p, C1);
        return r.fma(p, C0);
    }
}
