package org.hhsweep.sim.integrate;

import org.hhsweep.sim.model.NeuronBlock;

/**
 * The reference's scheme ({@link ExponentialEuler}: x_new = x + dt exprel(dt J) f(x) for each
 * variable, every update from the old state) with cheaper exponentials: {@link PlainExp} instead of
 * StrictMath's expm1 (a JNI call into C on JDK 17), and exponentials shared between rates:
 * e^{-(V+35)/10} of h_beta is e^{-(V+40)/10} (needed for m_alpha anyway) times e^{1/2}, and
 * e^{-(V+65)/20} of h_alpha is the fourth power of e^{-(V+65)/80} of n_beta. Five exponentials
 * per neuron-step for the rates and four exprel for the updates, against the reference's ten
 * library calls; at dt 0.01 ms most exprel arguments are small and cost one polynomial.
 *
 * <p>A step runs as a few passes over chunks of {@link Chunk#SIZE} neurons (see {@link Passes}):
 * short loops with independent iterations keep the CPU's pipelines full where one long loop body
 * per neuron was bound by the latency of its chain of polynomials, and they are what the Vector
 * API kernel needs to stay within C2's inlining budget. Each neuron still sees only its own values.
 *
 * <p>Not bit-identical to the reference (other roundings), but within its tolerances; see
 * docs/performance.md for the measured deviation. Scalar and SIMD passes give the same bits.
 * Not thread-safe: one instance per block simulation, like every integrator here.
 */
public final class FastExponentialEuler implements Integrator {
    public static final String NAME = "exp_euler_fast";

    private final Passes passes;
    private final Chunk c = new Chunk();

    /** The scalar kernel, which runs on any JVM. */
    public FastExponentialEuler() {
        this(ScalarPasses.INSTANCE);
    }

    FastExponentialEuler(Passes passes) {
        this.passes = passes;
    }

    @Override
    public void step(NeuronBlock b, double[] current, double dt) {
        for (int from = 0; from < b.size; from += Chunk.SIZE) {
            int n = Math.min(Chunk.SIZE, b.size - from);
            passes.rateArguments(b.V, from, 0, n, c);
            passes.inverseExprel(c.xm, c.am, 0, n);
            passes.exp(c.xm, c.em, 0, n);
            passes.exp(c.x18, c.e18, 0, n);
            passes.exp(c.x80, c.e80, 0, n);
            passes.inverseExprel(c.xn, c.an, 0, n);
            passes.stepArguments(b, current, dt, from, 0, n, c);
            passes.exprel(c.zV, c.zV, 0, n);
            passes.exprel(c.zm, c.zm, 0, n);
            passes.exprel(c.zh, c.zh, 0, n);
            passes.exprel(c.zn, c.zn, 0, n);
            passes.update(b, dt, from, 0, n, c);
        }
    }

    @Override
    public String name() {
        return NAME;
    }
}
