package org.hhsweep.sim.integrate;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The integration methods a config can name (simulation.method), each with the name outputs record
 * for it (the manifest's config and kernel, the sweep's last line) and the names a config may write.
 *
 * <p>The plain name {@code exp_euler} selects the fast kernel, the default: it gives the reference's
 * results within the reference's tolerances several times faster (docs/performance.md). Outputs
 * record the fast kernel as {@code exp_euler_fast}, never as {@code exp_euler}: until issue 11
 * {@code exp_euler} named the reference, so a manifest naming {@code exp_euler} was written then,
 * by the reference ({@link #formerName}).
 */
public enum Method {
    EXP_EULER_FAST(FastExponentialEuler.NAME, List.of("exp_euler", FastExponentialEuler.NAME), null,
            FastKernels::expEulerFast),
    EXP_EULER_REFERENCE(ExponentialEuler.NAME, List.of(ExponentialEuler.NAME), "exp_euler", ExponentialEuler::new),
    RK4(RungeKutta4.NAME, List.of(RungeKutta4.NAME), null, RungeKutta4::new),
    EXP_EULER_TABLE(TableExponentialEuler.NAME, List.of(TableExponentialEuler.NAME), null,
            FastKernels::expEulerTable);

    /** The method of a config that names none. */
    public static final Method DEFAULT = EXP_EULER_FAST;

    private final String recordedName;
    private final List<String> configNames;
    private final String formerName;
    private final Supplier<Integrator> factory;

    Method(String recordedName, List<String> configNames, String formerName, Supplier<Integrator> factory) {
        this.recordedName = recordedName;
        this.configNames = configNames;
        this.formerName = formerName;
        this.factory = factory;
    }

    /** The name outputs record for this method, which no other method ever had. */
    public String recordedName() {
        return recordedName;
    }

    /**
     * The name outputs written before issue 11 recorded for this method where it differs from
     * {@link #recordedName} (only the reference's: {@code exp_euler}), else null.
     */
    public String formerName() {
        return formerName;
    }

    public Integrator create() {
        return factory.get();
    }

    /** Every name a config may write, the default's first. */
    public static List<String> names() {
        return Arrays.stream(values()).flatMap(m -> m.configNames.stream()).toList();
    }

    /** The method a config's name selects. */
    public static Method fromName(String name) {
        for (Method m : values()) {
            if (m.configNames.contains(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown method '" + name + "', expected one of " + names());
    }

    /** The method an output recorded under its {@link #formerName}, or null when {@code recorded} is no former name. */
    public static Method fromFormerName(String recorded) {
        for (Method m : values()) {
            if (recorded.equals(m.formerName)) {
                return m;
            }
        }
        return null;
    }
}
