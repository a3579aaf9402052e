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
import org.hhsweep.sim.model.NeuronBlock;

/**
 * {@link ScalarSteps} on SIMD lanes through the JDK's incubating Vector API: the same operations
 * in the same order, so the same bits, for as many neurons at once as the CPU's widest vector holds
 * (8 with AVX-512). Needs {@code --add-modules jdk.incubator.vector} at run time; {@link FastKernels}
 * loads this class only then. Neurons after the last whole vector of a chunk go through the scalar
 * loops, which is why the two must agree to the bit (VectorStepsTest). Each pass holds at most one
 * exponential (see {@link Pass} for why).
 */
final class VectorSteps implements KernelSteps {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private static final DoubleVector ONE = DoubleVector.broadcast(S, 1.0);
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
    public Pass[] fast(Chunk c) {
        return new Pass[] {
            new RateArguments(c),
            new InverseExprelAndExp(c.xm, c.am, c.em),
            new Exp(c.x18, c.e18),
            new Exp(c.x80, c.e80),
            new InverseExprel(c.xn, c.an),
            new StepArguments(c),
            new Exprel(c.zV, true),
            new Exprel(c.zm, true),
            new Exprel(c.zh, true),
            new Exprel(c.zn, true),
            new Update(c),
        };
    }

    /**
     * V's update on SIMD lanes; the gates' table look-ups stay scalar: eight-lane gathers (twelve
     * per eight neurons) cost more on the CPUs measured than the scalar loads they replace. The
     * neurons after the last whole vector go through ScalarSteps.tableStep entirely.
     */
    @Override
    public Pass[] table(Chunk c) {
        return new Pass[] {
            new VoltageArguments(c),
            new Exprel(c.zV, false),
            new TablePositions(c),
            (s, from, n) -> tableGates(s, from, S.loopBound(n), c),
            new AdvanceV(c),
            (s, from, n) -> ScalarSteps.tableStep(s.b, s.current, s.dt, s.table, from + S.loopBound(n),
                    n - S.loopBound(n), c.exact),
        };
    }

    // exp_euler_fast

    private record RateArguments(Chunk c) implements Pass {
        @Override
        public void run(StepContext s, int from, int n) {
            int upper = S.loopBound(n);
            for (int j = 0; j < upper; j += S.length()) {
                DoubleVector v = DoubleVector.fromArray(S, s.b.V, from + j);
                v.add(40.0).neg().mul(0.1).intoArray(c.xm, j);
                v.add(65.0).neg().mul(1.0 / 18.0).intoArray(c.x18, j);
                v.add(65.0).neg().mul(0.0125).intoArray(c.x80, j);
                v.add(55.0).neg().mul(0.1).intoArray(c.xn, j);
            }
            ScalarSteps.rateArguments(s.b.V, from, upper, n, c);
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

        private static boolean allSmall(double[] x, int upper) {
            boolean small = true;
            for (int j = 0; j < upper; j++) {
                small &= Math.abs(x[j]) < PlainExp.SMALL;
            }
            return small;
        }
    }

    private record StepArguments(Chunk c) implements Pass {
        @Override
        public void run(StepContext s, int from, int n) {
            NeuronBlock b = s.b;
            double dt = s.dt;
            int upper = S.loopBound(n);
            for (int j = 0; j < upper; j += S.length()) {
                int i = from + j;
                DoubleVector m = DoubleVector.fromArray(S, b.m, i);
                DoubleVector h = DoubleVector.fromArray(S, b.h, i);
                DoubleVector nn = DoubleVector.fromArray(S, b.n, i);

                DoubleVector am = DoubleVector.fromArray(S, c.am, j);
                DoubleVector bm = DoubleVector.fromArray(S, c.e18, j).mul(4.0);
                DoubleVector w = DoubleVector.fromArray(S, c.e80, j);
                DoubleVector w2 = w.mul(w);
                DoubleVector ah = w2.mul(w2).mul(0.07);
                DoubleVector bh = ONE.div(DoubleVector.fromArray(S, c.em, j).mul(ScalarSteps.E_HALF).add(1.0));
                DoubleVector an = DoubleVector.fromArray(S, c.an, j).mul(0.1);
                DoubleVector bn = w.mul(0.125);
                am.add(bm).mul(-dt).intoArray(c.zm, j);
                gateRate(am, bm, m).intoArray(c.fm, j);
                ah.add(bh).mul(-dt).intoArray(c.zh, j);
                gateRate(ah, bh, h).intoArray(c.fh, j);
                an.add(bn).mul(-dt).intoArray(c.zn, j);
                gateRate(an, bn, nn).intoArray(c.fn, j);
            }
            voltageArguments(b, s.current, dt, from, upper, c);
            ScalarSteps.stepArguments(b, s.current, dt, from, upper, n, c);
        }
    }

    private record Update(Chunk c) implements Pass {
        @Override
        public void run(StepContext s, int from, int n) {
            NeuronBlock b = s.b;
            int upper = S.loopBound(n);
            for (int j = 0; j < upper; j += S.length()) {
                int i = from + j;
                advance(b.V, c.zV, c.fV, s.dt, i, j);
                advance(b.m, c.zm, c.fm, s.dt, i, j);
                advance(b.h, c.zh, c.fh, s.dt, i, j);
                advance(b.n, c.zn, c.fn, s.dt, i, j);
            }
            ScalarSteps.update(b, s.dt, from, upper, n, c);
        }
    }

    // exp_euler_table (whole vectors only; the last pass steps the rest with the scalar code)

    private record VoltageArguments(Chunk c) implements Pass {
        @Override
        public void run(StepContext s, int from, int n) {
            voltageArguments(s.b, s.current, s.dt, from, S.loopBound(n), c);
        }
    }

    /**
     * Each neuron's place in the gate table, V's position u = (V - vMin)/dv split into the record
     * index STRIDE floor(u) and the fraction u - floor(u) (the same bits as ScalarSteps'
     * (int) u and u - (int) u for 0 <= u < last), and whether every neuron of the chunk is inside
     * the table. The scalar look-up that follows is then loads and arithmetic only.
     */
    private record TablePositions(Chunk c) implements Pass {
        @Override
        public void run(StepContext s, int from, int n) {
            GateTable t = s.table;
            boolean inside = true;
            for (int j = 0, upper = S.loopBound(n); j < upper; j += S.length()) {
                DoubleVector u = DoubleVector.fromArray(S, s.b.V, from + j).sub(t.vMin).mul(t.invDv);
                DoubleVector k = floor(u);
                u.sub(k).intoArray(c.frac, j);
                integer(k.mul(GateTable.STRIDE)).intoArray(c.record, j);
                inside &= u.compare(GE, 0.0).and(u.compare(LT, t.last)).allTrue();
            }
            c.inside = inside;
        }
    }

    /** The gates of whole vectors' neurons: from the positions when all are inside the table. */
    private static void tableGates(StepContext s, int from, int n, Chunk c) {
        if (c.inside) {
            ScalarSteps.interpolate(s.b, s.table.nodes, from, n, c.record, c.frac);
        } else {
            ScalarSteps.tableGates(s.b, s.table, from, n, c.exact);
        }
    }

    private record AdvanceV(Chunk c) implements Pass {
        @Override
        public void run(StepContext s, int from, int n) {
            for (int j = 0, upper = S.loopBound(n); j < upper; j += S.length()) {
                advance(s.b.V, c.zV, c.fV, s.dt, from + j, j);
            }
        }
    }

    // shared

    /** dt J and f(V) of V from the old state, for neurons [from, from + upper). */
    private static void voltageArguments(NeuronBlock b, double[] current, double dt, int from, int upper, Chunk c) {
        for (int j = 0; j < upper; j += S.length()) {
            int i = from + j;
            DoubleVector v = DoubleVector.fromArray(S, b.V, i);
            DoubleVector m = DoubleVector.fromArray(S, b.m, i);
            DoubleVector h = DoubleVector.fromArray(S, b.h, i);
            DoubleVector n = DoubleVector.fromArray(S, b.n, i);
            DoubleVector gNaOpen = DoubleVector.fromArray(S, b.gNa, i).mul(m.mul(m).mul(m)).mul(h);
            DoubleVector n2 = n.mul(n);
            DoubleVector gKOpen = DoubleVector.fromArray(S, b.gK, i).mul(n2.mul(n2));
            DoubleVector gL = DoubleVector.fromArray(S, b.gL, i);
            DoubleVector invC = ONE.div(DoubleVector.fromArray(S, b.C, i));
            gNaOpen.add(gKOpen).add(gL).neg().mul(invC).mul(dt).intoArray(c.zV, j);
            gNaOpen.mul(v.sub(DoubleVector.fromArray(S, b.ENa, i))).neg()
                    .sub(gKOpen.mul(v.sub(DoubleVector.fromArray(S, b.EK, i))))
                    .sub(gL.mul(v.sub(DoubleVector.fromArray(S, b.EL, i))))
                    .add(DoubleVector.fromArray(S, current, i))
                    .mul(invC)
                    .intoArray(c.fV, j);
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
