package org.hhsweep.sim.integrate;

import org.hhsweep.sim.model.NeuronBlock;

/**
 * The reference's scheme ({@link ExponentialEuler}: x_new = x + dt exprel(dt J) f(x) for each
 * variable, every update from the old state) with cheaper exponentials: {@link PlainExp} instead of
 * the JDK's exp and expm1 (a JNI call into C on JDK 17), and exponentials shared between rates
 * where the model's numbers allow ({@link RatePlan}: for the tutorial's model, four exponentials
 * for six rates). At dt 0.01 ms the gates' exprel arguments are small and cost one polynomial.
 *
 * <p>A step runs as passes over chunks of neurons ({@link Pass}), built from the model's plan:
 * short loops with independent iterations keep the pipelines full where one long loop body per
 * neuron was bound by the latency of its chain of polynomials. On a JVM with the Vector API the
 * passes run on SIMD lanes ({@link FastKernels}) with the same bits. Each neuron still sees only
 * its own values.
 *
 * <p>Not bit-identical to the reference (other roundings), but within its tolerances; see
 * docs/performance.md for the measured deviation. The method a config's plain {@code exp_euler}
 * selects, recorded in outputs as exp_euler_fast ({@link Method}). Not thread-safe: one instance
 * per block simulation, like every integrator here.
 */
public final class FastExponentialEuler implements Integrator {
    public static final String NAME = "exp_euler_fast";

    private final KernelSteps steps;
    private StepContext context;
    private Pass[] passes;
    private Pass[] scalar;

    /** The scalar kernel, which runs on any JVM. */
    public FastExponentialEuler() {
        this(ScalarSteps.INSTANCE);
    }

    FastExponentialEuler(KernelSteps steps) {
        this.steps = steps;
    }

    @Override
    public void step(NeuronBlock b, double[] current, double dt) {
        if (context == null || !Kinetics.fits(context.plan.kinetics, b)) {
            context = new StepContext(new RatePlan(new Kinetics(b.kinetics)));
            passes = steps.fast(context);
            scalar = ScalarSteps.INSTANCE.fast(context);
        }
        KernelSteps.run(passes, scalar, steps.lanes(), context, b, current, dt);
    }

    @Override
    public String name() {
        return NAME;
    }
}
