package org.hhsweep.sim.integrate;

import org.hhsweep.sim.model.NeuronBlock;

/**
 * The reference's scheme ({@link ExponentialEuler}: x_new = x + dt exprel(dt J) f(x) for each
 * variable, every update from the old state) with cheaper exponentials: {@link PlainExp} instead of
 * StrictMath's expm1 (a JNI call into C on JDK 17), and exponentials shared between rates:
 * e^{-(V+35)/10} of h_beta is e^{-(V+40)/10} (needed for m_alpha anyway) times e^{1/2}, and
 * e^{-(V+65)/20} of h_alpha is the fourth power of e^{-(V+65)/80} of n_beta. Four exponentials
 * per neuron-step for the six rates and four exprel for the updates, against the reference's ten
 * library calls; at dt 0.01 ms the gates' exprel arguments are small and cost one polynomial.
 *
 * <p>A step runs as passes over chunks of neurons ({@link Pass}): short loops with independent
 * iterations keep the pipelines full where one long loop body per neuron was bound by the latency
 * of its chain of polynomials. On a JVM with the Vector API the passes run on SIMD lanes
 * ({@link FastKernels}) with the same bits. Each neuron still sees only its own values.
 *
 * <p>Not bit-identical to the reference (other roundings), but within its tolerances; see
 * docs/performance.md for the measured deviation. The method a config's plain {@code exp_euler}
 * selects, recorded in outputs as exp_euler_fast ({@link Method}). Not thread-safe: one instance per
 * block simulation, like every integrator here.
 */
public final class FastExponentialEuler implements Integrator {
    public static final String NAME = "exp_euler_fast";

    private final StepContext context = new StepContext();
    private final Pass[] passes;
    private final Pass[] scalar;
    private final int lanes;

    /** The scalar kernel, which runs on any JVM. */
    public FastExponentialEuler() {
        this(ScalarSteps.INSTANCE);
    }

    FastExponentialEuler(KernelSteps steps) {
        this.passes = steps.fast(context.c);
        this.scalar = ScalarSteps.INSTANCE.fast(context.c);
        this.lanes = steps.lanes();
    }

    @Override
    public void step(NeuronBlock b, double[] current, double dt) {
        KernelSteps.run(passes, scalar, lanes, context, b, current, dt);
    }

    @Override
    public String name() {
        return NAME;
    }
}
