package org.hhsweep.sim.integrate;

/**
 * Picks the implementation of exp_euler_fast and exp_euler_table: SIMD passes (VectorSteps) when
 * the JVM has the incubating Vector API ({@code --add-modules jdk.incubator.vector}), else the
 * scalar ones. Both give the same bits, so the choice changes speed, not results.
 * {@code -Dhhsweep.vector=false} forces the scalar ones.
 */
public final class FastKernels {
    static final String VECTOR_CLASS = "org.hhsweep.sim.integrate.VectorSteps";

    private static final KernelSteps STEPS = choose();

    private FastKernels() {
    }

    /** Whether the fast methods run on SIMD lanes in this JVM. */
    public static boolean vectorized() {
        return STEPS != ScalarSteps.INSTANCE;
    }

    public static Integrator expEulerFast() {
        return new FastExponentialEuler(STEPS);
    }

    public static Integrator expEulerTable() {
        return new TableExponentialEuler(STEPS, TableExponentialEuler.DV);
    }

    /** The SIMD passes, or an exception when this JVM lacks the Vector API. */
    static KernelSteps vectorSteps() {
        try {
            return (KernelSteps) Class.forName(VECTOR_CLASS).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + VECTOR_CLASS, e);
        }
    }

    private static KernelSteps choose() {
        if (!Boolean.parseBoolean(System.getProperty("hhsweep.vector", "true"))
                || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return ScalarSteps.INSTANCE;
        }
        try {
            return vectorSteps();
        } catch (LinkageError | IllegalStateException e) {
            return ScalarSteps.INSTANCE;
        }
    }
}
