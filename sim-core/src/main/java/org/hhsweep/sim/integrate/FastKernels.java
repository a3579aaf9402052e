package org.hhsweep.sim.integrate;

/**
 * Picks the implementation of exp_euler_fast and exp_euler_table: SIMD passes (VectorSteps) when
 * the JVM has the incubating Vector API ({@code --add-modules jdk.incubator.vector}), else the
 * scalar ones. Both give the same bits, so the choice changes speed, not results.
 * {@code -Dhhsweep.vector=false} forces the scalar ones.
 */
public final class FastKernels {
    static final String VECTOR_CLASS = "org.hhsweep.sim.integrate.VectorSteps";
    /** The system property that turns the SIMD passes off when "false". */
    public static final String PROPERTY = "hhsweep.vector";
    static final String MODULE = "jdk.incubator.vector";

    /** Which passes, and why the scalar ones when it is them. */
    record Choice(KernelSteps steps, String scalarReason) {
    }

    private static final Choice CHOICE = choose();
    private static final KernelSteps STEPS = CHOICE.steps();

    private FastKernels() {
    }

    /** Whether the fast methods run on SIMD lanes in this JVM. */
    public static boolean vectorized() {
        return STEPS != ScalarSteps.INSTANCE;
    }

    /**
     * Why the fast methods run on scalar code in this JVM, for a user to act on: the property that
     * turned SIMD off, the missing module, or the error that kept the SIMD passes from loading;
     * null when they run on SIMD lanes.
     */
    public static String scalarReason() {
        return CHOICE.scalarReason();
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

    private static Choice choose() {
        return choose(System.getProperty(PROPERTY, "true"), ModuleLayer.boot().findModule(MODULE).isPresent());
    }

    /** The choice for a value of the property and the module's presence; the SIMD passes are tried last. */
    static Choice choose(String property, boolean module) {
        if (!Boolean.parseBoolean(property)) {
            return new Choice(ScalarSteps.INSTANCE, "-D" + PROPERTY + "=" + property);
        }
        if (!module) {
            return new Choice(ScalarSteps.INSTANCE, "no Vector API (java --add-modules " + MODULE + ")");
        }
        try {
            return new Choice(vectorSteps(), null);
        } catch (LinkageError | IllegalStateException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return new Choice(ScalarSteps.INSTANCE, "the Vector API did not load (" + cause + ")");
        }
    }
}
