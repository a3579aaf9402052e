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
        passes.add(new Exprel(c.zV, true));
        for (int k = 0; k < p.kinetics.gates; k++) {
            if (!p.kinetics.instantaneous[k]) {
                passes.add(new Exprel(c.z[k], true));
            }
        }
        passes.add(new Update(p, c));
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
        passes.add(new Exprel(c.zV, true));
        passes.add((x, from, n) -> ScalarSteps.tableGates(x.b, x.table, from, 0, n, c, false));
        passes.add(new AdvanceV(c));
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
     * exprel of x in place; the neurons after the last whole vector too when withTail. When every
     * argument of the chunk is below PlainExp.SMALL, as for the gates at small dt, exprel is the
     * polynomial alone (the same bits: there the reduction leaves x as it is), without the
     * division. The choice is made per chunk, in a loop of its own: a branch per vector, with
     * vectors live across it, made C2 box a vector per iteration in some runs.
     */
    private record Exprel(double[] x, boolean withTail) implements Pass {
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
            if (withTail) {
                ScalarSteps.exprel(x, x, upper, n);
            }
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

    private record Update(RatePlan p, Chunk c) implements Pass {
        @Override
        public void run(StepContext s, int from, int n) {
            NeuronBlock b = s.b;
            int upper = S.loopBound(n);
            for (int j = 0; j < upper; j += S.length()) {
                advance(b.V, c.zV, c.fV, s.dt, from + j, j);
            }
            for (int k = 0; k < p.kinetics.gates; k++) {
                if (!p.kinetics.instantaneous[k]) {
                    for (int j = 0; j < upper; j += S.length()) {
                        advance(b.gates[k], c.z[k], c.f[k], s.dt, from + j, j);
                    }
                }
            }
            ScalarSteps.update(p, b, s.dt, from, upper, n, c);
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

    private record AdvanceV(Chunk c) implements Pass {
        @Override
        public void run(StepContext s, int from, int n) {
            int upper = S.loopBound(n);
            for (int j = 0; j < upper; j += S.length()) {
                advance(s.b.V, c.zV, c.fV, s.dt, from + j, j);
            }
            ScalarSteps.advance(s.b.V, c.zV, c.fV, s.dt, from, upper, n);
        }
    }

    // shared

    /**
     * dt J and f(V) of V, as ScalarSteps.voltageArguments after ScalarSteps.powers, as small passes:
     * the gates' powers, then the channels in order, three at a time, each group adding its open
     * conductances and currents into the chunk's sums, the last group turning them into J and f. A
     * channel with more than two gates takes a pass of its own (and J and f one more). One pass for
     * all of it passed C2's inlining budget and boxed vectors; a pass per channel wrote and read the
     * sums once per channel.
     */
    private static List<Pass> voltagePasses(RatePlan p, Chunk c) {
        Kinetics k = p.kinetics;
        List<Pass> out = new ArrayList<>();
        out.add(new Powers(p, c));
        boolean first = true;
        boolean summed = false;
        for (int ch = 0; ch < k.channels; first = false) {
            if (gatesOf(k, ch) > 2) {
                out.add(new ManyGates(ch, k.firstGate[ch], k.firstGate[ch + 1], first, c));
                ch++;
                summed = false;
                continue;
            }
            int[] group = {-1, -1, -1};
            for (int n = 0; n < 3 && ch < k.channels && gatesOf(k, ch) <= 2; n++) {
                group[n] = ch++;
            }
            boolean last = ch == k.channels;
            out.add(new ThreeChannels(p, group, first, last, c));
            summed = last;
        }
        if (!summed) {
            out.add(new VoltageArguments(p, c));
        }
        return out;
    }

    private static int gatesOf(Kinetics k, int ch) {
        return k.firstGate[ch + 1] - k.firstGate[ch];
    }

    /** Each gate's value to its power, where the channel passes read it. */
    private record Powers(RatePlan p, Chunk c) implements Pass {
        @Override
        public void run(StepContext s, int from, int n) {
            Kinetics k = p.kinetics;
            int upper = S.loopBound(n);
            // a gate to the first power is read where it is: no copy
            for (int q = 0; q < k.gates; q++) {
                if (k.power[q] == 1) {
                    c.poweredSource[q] = s.b.gates[q];
                    c.poweredOffset[q] = from;
                } else {
                    power(s.b.gates[q], from, c.powered[q], k.power[q], upper);
                    c.poweredSource[q] = c.powered[q];
                    c.poweredOffset[q] = 0;
                }
            }
        }
    }

    /**
     * Up to three channels of at most two gates each, in order, into the chunk's sums. A missing
     * channel or gate reads a conductance of 0 or a gate of 1 from the chunk, which leave the sums'
     * bits as they are (g 1 1 = g, x + 0 = x, x - 0 = x), so one loop serves every such channel.
     * The open conductances g xa xb are written out in the loops: a helper for them is over C2's
     * MaxInlineSize, and where the loop is first compiled cold (a network's second group) it was
     * left out of line and boxed every vector. The last group computes J and f from the sums (as
     * VoltageArguments) instead of storing them, and then the neurons after the last whole vector.
     */
    private record ThreeChannels(RatePlan p, int[] channel, int[] gateA, int[] gateB, boolean first, boolean last,
                                 Chunk c) implements Pass {
        ThreeChannels(RatePlan p, int[] channel, boolean first, boolean last, Chunk c) {
            this(p, channel, gate(p.kinetics, channel, 0), gate(p.kinetics, channel, 1), first, last, c);
        }

        /** Gate number n of each channel, or -1. */
        private static int[] gate(Kinetics k, int[] channel, int n) {
            int[] out = new int[channel.length];
            for (int q = 0; q < channel.length; q++) {
                out[q] = channel[q] >= 0 && gatesOf(k, channel[q]) > n ? k.firstGate[channel[q]] + n : -1;
            }
            return out;
        }

        @Override
        public void run(StepContext s, int from, int n) {
            NeuronBlock b = s.b;
            double[] g0 = conductance(b, 0), g1 = conductance(b, 1), g2 = conductance(b, 2);
            double[] e0 = reversal(b, 0), e1 = reversal(b, 1), e2 = reversal(b, 2);
            int o0 = channel[0] >= 0 ? from : 0, o1 = channel[1] >= 0 ? from : 0, o2 = channel[2] >= 0 ? from : 0;
            double[] a0 = gateSource(gateA[0]), a1 = gateSource(gateA[1]), a2 = gateSource(gateA[2]);
            double[] b0 = gateSource(gateB[0]), b1 = gateSource(gateB[1]), b2 = gateSource(gateB[2]);
            int oa0 = gateOffset(gateA[0]), oa1 = gateOffset(gateA[1]), oa2 = gateOffset(gateA[2]);
            int ob0 = gateOffset(gateB[0]), ob1 = gateOffset(gateB[1]), ob2 = gateOffset(gateB[2]);
            // the first group's sums start from 0 + ..., as the scalar sums do
            double[] gIn = first ? c.zeros : c.gSum;
            double[] ionicIn = first ? c.zeros : c.ionicNeg;
            double[] V = b.V;
            int upper = S.loopBound(n);
            if (!last) {
                for (int j = 0; j < upper; j += S.length()) {
                    DoubleVector v = DoubleVector.fromArray(S, V, from + j);
                    DoubleVector x0 = DoubleVector.fromArray(S, g0, o0 + j).mul(DoubleVector.fromArray(S, a0, oa0 + j))
                            .mul(DoubleVector.fromArray(S, b0, ob0 + j));
                    DoubleVector x1 = DoubleVector.fromArray(S, g1, o1 + j).mul(DoubleVector.fromArray(S, a1, oa1 + j))
                            .mul(DoubleVector.fromArray(S, b1, ob1 + j));
                    DoubleVector x2 = DoubleVector.fromArray(S, g2, o2 + j).mul(DoubleVector.fromArray(S, a2, oa2 + j))
                            .mul(DoubleVector.fromArray(S, b2, ob2 + j));
                    DoubleVector.fromArray(S, gIn, j).add(x0).add(x1).add(x2).intoArray(c.gSum, j);
                    DoubleVector i0 = x0.mul(v.sub(DoubleVector.fromArray(S, e0, o0 + j)));
                    DoubleVector i1 = x1.mul(v.sub(DoubleVector.fromArray(S, e1, o1 + j)));
                    DoubleVector i2 = x2.mul(v.sub(DoubleVector.fromArray(S, e2, o2 + j)));
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
                DoubleVector x0 = DoubleVector.fromArray(S, g0, o0 + j).mul(DoubleVector.fromArray(S, a0, oa0 + j))
                        .mul(DoubleVector.fromArray(S, b0, ob0 + j));
                DoubleVector x1 = DoubleVector.fromArray(S, g1, o1 + j).mul(DoubleVector.fromArray(S, a1, oa1 + j))
                        .mul(DoubleVector.fromArray(S, b1, ob1 + j));
                DoubleVector x2 = DoubleVector.fromArray(S, g2, o2 + j).mul(DoubleVector.fromArray(S, a2, oa2 + j))
                        .mul(DoubleVector.fromArray(S, b2, ob2 + j));
                DoubleVector gSum = DoubleVector.fromArray(S, gIn, j).add(x0).add(x1).add(x2);
                DoubleVector i0 = x0.mul(v.sub(DoubleVector.fromArray(S, e0, o0 + j)));
                DoubleVector i1 = x1.mul(v.sub(DoubleVector.fromArray(S, e1, o1 + j)));
                DoubleVector i2 = x2.mul(v.sub(DoubleVector.fromArray(S, e2, o2 + j)));
                DoubleVector ionicNeg = DoubleVector.fromArray(S, ionicIn, j).sub(i0).sub(i1).sub(i2);
                DoubleVector invC = ONE.div(DoubleVector.fromArray(S, C, i));
                gSum.neg().mul(invC).mul(dt).intoArray(c.zV, j);
                ionicNeg.add(DoubleVector.fromArray(S, current, i)).mul(invC).intoArray(c.fV, j);
            }
            ScalarSteps.powers(p, b, from, upper, n, c);
            ScalarSteps.voltageArguments(p, b, s.current, dt, from, upper, n, c);
        }

        private double[] conductance(NeuronBlock b, int q) {
            return channel[q] >= 0 ? b.g[channel[q]] : c.zeros;
        }

        private double[] reversal(NeuronBlock b, int q) {
            return channel[q] >= 0 ? b.E[channel[q]] : c.zeros;
        }

        private double[] gateSource(int gate) {
            return gate >= 0 ? c.poweredSource[gate] : c.ones;
        }

        private int gateOffset(int gate) {
            return gate >= 0 ? c.poweredOffset[gate] : 0;
        }
    }

    private record ManyGates(int ch, int g0, int g1, boolean first, Chunk c) implements Pass {
        @Override
        public void run(StepContext s, int from, int n) {
            int upper = S.loopBound(n);
            double[] g = s.b.g[ch];
            for (int j = 0; j < upper; j += S.length()) {
                DoubleVector.fromArray(S, g, from + j).intoArray(c.open, j);
            }
            for (int q = g0; q < g1; q++) {
                double[] xq = c.poweredSource[q];
                int oq = c.poweredOffset[q];
                for (int j = 0; j < upper; j += S.length()) {
                    DoubleVector.fromArray(S, c.open, j).mul(DoubleVector.fromArray(S, xq, oq + j)).intoArray(c.open, j);
                }
            }
            double[] e = s.b.E[ch];
            if (first) {
                for (int j = 0; j < upper; j += S.length()) {
                    start(DoubleVector.fromArray(S, c.open, j), s.b.V, e, from + j, j, c);
                }
            } else {
                for (int j = 0; j < upper; j += S.length()) {
                    accumulate(DoubleVector.fromArray(S, c.open, j), s.b.V, e, from + j, j, c);
                }
            }
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

    /** The first channel's open conductance as the chunk's sums: 0 + open and 0 - current, as the scalar sums start. */
    private static void start(DoubleVector open, double[] V, double[] E, int i, int j, Chunk c) {
        ZERO.add(open).intoArray(c.gSum, j);
        DoubleVector drive = DoubleVector.fromArray(S, V, i).sub(DoubleVector.fromArray(S, E, i));
        ZERO.sub(open.mul(drive)).intoArray(c.ionicNeg, j);
    }

    /** A channel's open conductance into the chunk's sums at neuron i, chunk index j. */
    private static void accumulate(DoubleVector open, double[] V, double[] E, int i, int j, Chunk c) {
        DoubleVector.fromArray(S, c.gSum, j).add(open).intoArray(c.gSum, j);
        DoubleVector drive = DoubleVector.fromArray(S, V, i).sub(DoubleVector.fromArray(S, E, i));
        DoubleVector.fromArray(S, c.ionicNeg, j).sub(open.mul(drive)).intoArray(c.ionicNeg, j);
    }

    private static void fill(double[] out, double value, int upper) {
        DoubleVector v = DoubleVector.broadcast(S, value);
        for (int j = 0; j < upper; j += S.length()) {
            v.intoArray(out, j);
        }
    }

    /** out[j] = x[from + j]^p for the whole vectors, formed as Kinetics.power forms it (p > 1). */
    private static void power(double[] x, int from, double[] out, int p, int upper) {
        switch (p) {
            case 2 -> {
                for (int j = 0; j < upper; j += S.length()) {
                    DoubleVector xv = DoubleVector.fromArray(S, x, from + j);
                    xv.mul(xv).intoArray(out, j);
                }
            }
            case 3 -> {
                for (int j = 0; j < upper; j += S.length()) {
                    DoubleVector xv = DoubleVector.fromArray(S, x, from + j);
                    xv.mul(xv).mul(xv).intoArray(out, j);
                }
            }
            case 4 -> {
                for (int j = 0; j < upper; j += S.length()) {
                    DoubleVector xv = DoubleVector.fromArray(S, x, from + j);
                    DoubleVector x2 = xv.mul(xv);
                    x2.mul(x2).intoArray(out, j);
                }
            }
            default -> {
                fill(out, 1.0, upper);
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
