package org.hhsweep.sim.integrate;

import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.LSHL;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;
import org.hhsweep.sim.model.NeuronBlock;

/**
 * {@link ScalarPasses} on SIMD lanes through the JDK's incubating Vector API: the same operations
 * in the same order, so the same bits, for as many neurons at once as the CPU's widest vector holds
 * (8 with AVX-512). Needs {@code --add-modules jdk.incubator.vector} at run time; {@link FastKernels}
 * loads this class only then. The neurons after the last whole vector of a chunk go through the
 * scalar pass, which is why the two must agree to the bit (VectorPassesTest).
 *
 * <p>Each pass holds at most one exponential: C2 stops inlining once a method's graph is large
 * (NodeCountInliningCutoff, about two exponentials' worth of Vector API calls here), and a vector
 * operation that is not inlined allocates an object per call and runs a hundred times slower.
 */
final class VectorPasses implements Passes {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final ScalarPasses SCALAR = ScalarPasses.INSTANCE;

    private static final DoubleVector ONE = DoubleVector.broadcast(S, 1.0);
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

    /** Lanes per vector in this JVM. */
    static int lanes() {
        return S.length();
    }

    @Override
    public void rateArguments(double[] V, int from, int j0, int j1, Chunk c) {
        int upper = j0 + S.loopBound(j1 - j0);
        for (int j = j0; j < upper; j += S.length()) {
            DoubleVector v = DoubleVector.fromArray(S, V, from + j);
            v.add(40.0).neg().mul(0.1).intoArray(c.xm, j);
            v.add(65.0).neg().mul(1.0 / 18.0).intoArray(c.x18, j);
            v.add(65.0).neg().mul(0.0125).intoArray(c.x80, j);
            v.add(55.0).neg().mul(0.1).intoArray(c.xn, j);
        }
        SCALAR.rateArguments(V, from, upper, j1, c);
    }

    @Override
    public void exp(double[] x, double[] out, int j0, int j1) {
        int upper = j0 + S.loopBound(j1 - j0);
        for (int j = j0; j < upper; j += S.length()) {
            DoubleVector xc = clamp(DoubleVector.fromArray(S, x, j));
            DoubleVector t = xc.fma(PlainExp.INV_LN2, PlainExp.SHIFTER);
            DoubleVector kd = t.sub(PlainExp.SHIFTER);
            DoubleVector r = reduce(xc, kd);
            DoubleVector rq = r.mul(q(r));
            DoubleVector s = twoToThe(t);
            s.fma(rq, s).intoArray(out, j);
        }
        SCALAR.exp(x, out, upper, j1);
    }

    @Override
    public void inverseExprel(double[] x, double[] out, int j0, int j1) {
        int upper = j0 + S.loopBound(j1 - j0);
        for (int j = j0; j < upper; j += S.length()) {
            DoubleVector xv = DoubleVector.fromArray(S, x, j);
            DoubleVector xc = clamp(xv);
            DoubleVector t = xc.fma(PlainExp.INV_LN2, PlainExp.SHIFTER);
            DoubleVector kd = t.sub(PlainExp.SHIFTER);
            DoubleVector r = reduce(xc, kd);
            DoubleVector qr = q(r);
            DoubleVector s = twoToThe(t);
            VectorMask<Double> k0 = kd.compare(EQ, 0.0);
            DoubleVector num = xv.blend(1.0, k0);
            DoubleVector den = s.fma(r.mul(qr), s.sub(1.0)).blend(qr, k0);
            num.div(den).intoArray(out, j);
        }
        SCALAR.inverseExprel(x, out, upper, j1);
    }

    @Override
    public void exprel(double[] x, double[] out, int j0, int j1) {
        int upper = j0 + S.loopBound(j1 - j0);
        for (int j = j0; j < upper; j += S.length()) {
            DoubleVector xv = DoubleVector.fromArray(S, x, j);
            DoubleVector xc = clamp(xv);
            DoubleVector t = xc.fma(PlainExp.INV_LN2, PlainExp.SHIFTER);
            DoubleVector kd = t.sub(PlainExp.SHIFTER);
            DoubleVector r = reduce(xc, kd);
            DoubleVector qr = q(r);
            VectorMask<Double> k0 = kd.compare(EQ, 0.0);
            if (k0.allTrue()) {
                qr.intoArray(out, j); // the common case at small dt: no division
            } else {
                DoubleVector s = twoToThe(t);
                s.fma(r.mul(qr), s.sub(1.0)).div(xv).blend(qr, k0).intoArray(out, j);
            }
        }
        SCALAR.exprel(x, out, upper, j1);
    }

    @Override
    public void stepArguments(NeuronBlock b, double[] current, double dt, int from, int j0, int j1, Chunk c) {
        int upper = j0 + S.loopBound(j1 - j0);
        for (int j = j0; j < upper; j += S.length()) {
            int i = from + j;
            DoubleVector m = DoubleVector.fromArray(S, b.m, i);
            DoubleVector h = DoubleVector.fromArray(S, b.h, i);
            DoubleVector n = DoubleVector.fromArray(S, b.n, i);

            DoubleVector am = DoubleVector.fromArray(S, c.am, j);
            DoubleVector bm = DoubleVector.fromArray(S, c.e18, j).mul(4.0);
            DoubleVector w = DoubleVector.fromArray(S, c.e80, j);
            DoubleVector w2 = w.mul(w);
            DoubleVector ah = w2.mul(w2).mul(0.07);
            DoubleVector bh = ONE.div(DoubleVector.fromArray(S, c.em, j).mul(ScalarPasses.E_HALF).add(1.0));
            DoubleVector an = DoubleVector.fromArray(S, c.an, j).mul(0.1);
            DoubleVector bn = w.mul(0.125);
            am.add(bm).mul(-dt).intoArray(c.zm, j);
            gateRate(am, bm, m).intoArray(c.fm, j);
            ah.add(bh).mul(-dt).intoArray(c.zh, j);
            gateRate(ah, bh, h).intoArray(c.fh, j);
            an.add(bn).mul(-dt).intoArray(c.zn, j);
            gateRate(an, bn, n).intoArray(c.fn, j);

            DoubleVector v = DoubleVector.fromArray(S, b.V, i);
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
        SCALAR.stepArguments(b, current, dt, from, upper, j1, c);
    }

    @Override
    public void update(NeuronBlock b, double dt, int from, int j0, int j1, Chunk c) {
        int upper = j0 + S.loopBound(j1 - j0);
        for (int j = j0; j < upper; j += S.length()) {
            int i = from + j;
            advance(b.V, c.zV, c.fV, dt, i, j);
            advance(b.m, c.zm, c.fm, dt, i, j);
            advance(b.h, c.zh, c.fh, dt, i, j);
            advance(b.n, c.zn, c.fn, dt, i, j);
        }
        SCALAR.update(b, dt, from, upper, j1, c);
    }

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

    private static DoubleVector clamp(DoubleVector x) {
        return x.min(PlainExp.MAX_ARG).max(PlainExp.MIN_ARG);
    }

    private static DoubleVector reduce(DoubleVector x, DoubleVector kd) {
        return kd.fma(MINUS_LN2_LO, kd.fma(MINUS_LN2_HI, x));
    }

    private static DoubleVector twoToThe(DoubleVector t) {
        return t.reinterpretAsLongs().add(PlainExp.EXPONENT_OFFSET).lanewise(LSHL, 52).reinterpretAsDoubles();
    }

    private static DoubleVector q(DoubleVector r) {
        DoubleVector p = r.fma(C12, C11);
        p = r.fma(p, C10);
        p = r.fma(p, C9);
        p = r.fma(p, C8);
        p = r.fma(p, C7);
        p = r.fma(p, C6);
        p = r.fma(p, C5);
        p = r.fma(p, C4);
        p = r.fma(p, C3);
        p = r.fma(p, C2);
        p = r.fma(p, C1);
        return r.fma(p, C0);
    }
}
