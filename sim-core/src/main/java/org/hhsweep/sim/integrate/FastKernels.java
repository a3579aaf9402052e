package org.hhsweep.sim.integrate;

/**
 * Picks the implementation of exp_euler_fast: the SIMD passes (VectorPasses) when the JVM has
 * the incubating Vector API ({@code --add-modules jdk.incubator.vector}), else the scalar
 * {@link FastExponentialEuler}. Both give the same bits, so the choice changes speed, not results.
 * {@code -Dhhsweep.vector=false} forces the scalar one.
 */
public final class FastKernels {
    static final String VECTOR_CLASS = "org.hhsweep.sim.integrate.VectorPasses";

    private static final boolean VECTOR = Boolean.parseBoolean(System.getProperty("hhsweep.vector", "true"))
            && vectorApiPresent();

    private FastKernels() {
    }

    /** Whether exp_euler_fast runs on SIMD lanes in this JVM. */
    public static boolean vectorized() {
        return VECTOR;
    }

    public static Integrator expEulerFast() {
        return VECTOR ? new FastExponentialEuler(vectorPasses()) : new FastExponentialEuler();
    }

    /** The SIMD passes, or an exception when this JVM lacks the Vector API. */
    static Passes vectorPasses() {
        try {
            return (Passes) Class.forName(VECTOR_CLASS).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + VECTOR_CLASS, e);
        }
    }

    private static boolean vectorApiPresent() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            vectorPasses();
            return true;
        } catch (LinkageError | IllegalStateException e) {
            return false;
        }
    }
}
