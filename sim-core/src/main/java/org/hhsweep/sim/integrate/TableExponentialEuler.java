package org.hhsweep.sim.integrate;

import org.hhsweep.sim.model.NeuronBlock;

/**
 * Exponential Euler with the gates' step looked up in a fine table of V ({@link GateTable}), as
 * NEURON's hh mechanism does with a coarse one: the rate functions and their exponentials are
 * computed once per table node instead of every step. The table is built per model and dt, when a
 * block of that model first steps. V's own update is computed as in exp_euler_fast (its factor
 * depends on the gates, not on V alone). Neurons whose V is outside the table get the same step
 * computed exactly, so any V is handled.
 *
 * <p>An approximation of exp_euler: linear interpolation between nodes {@link #DV} mV apart. The
 * spike counts of the reference table are unchanged and the voltage error is documented in
 * docs/performance.md (FastMethodsReferenceTest bounds it). Like exp_euler_fast it runs on SIMD
 * lanes when the JVM has the Vector API ({@link FastKernels}), with the same bits.
 */
public final class TableExponentialEuler implements Integrator {
    public static final String NAME = "exp_euler_table";
    static final double V_MIN = -100.0;
    static final double V_MAX = 60.0;
    static final double DV = 1.0 / 128;

    private final KernelSteps steps;
    private final double dv;
    private StepContext context;
    private Pass[] passes;
    private Pass[] scalar;

    /** The scalar kernel, which runs on any JVM. */
    public TableExponentialEuler() {
        this(ScalarSteps.INSTANCE, DV);
    }

    TableExponentialEuler(KernelSteps steps, double dv) {
        this.steps = steps;
        this.dv = dv;
    }

    @Override
    public void step(NeuronBlock b, double[] current, double dt) {
        if (context == null || !Kinetics.fits(context.plan.kinetics, b)) {
            context = new StepContext(new RatePlan(new Kinetics(b.kinetics)));
            passes = steps.table(context);
            scalar = ScalarSteps.INSTANCE.table(context);
        }
        GateTable t = context.table;
        if (t == null || t.dt != dt) {
            context.table = GateTable.forStep(context.plan, dt, V_MIN, V_MAX, dv);
        }
        KernelSteps.run(passes, scalar, steps.lanes(), context, b, current, dt);
    }

    @Override
    public String name() {
        return NAME;
    }
}
