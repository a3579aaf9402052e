package org.hhsweep.sim.integrate;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/** The integration methods a config can name (simulation.method). */
public enum Method {
    EXP_EULER(ExponentialEuler.NAME, ExponentialEuler::new),
    RK4(RungeKutta4.NAME, RungeKutta4::new),
    EXP_EULER_FAST(FastExponentialEuler.NAME, FastKernels::expEulerFast),
    EXP_EULER_TABLE(TableExponentialEuler.NAME, FastKernels::expEulerTable);

    private final String configName;
    private final Supplier<Integrator> factory;

    Method(String configName, Supplier<Integrator> factory) {
        this.configName = configName;
        this.factory = factory;
    }

    public String configName() {
        return configName;
    }

    public Integrator create() {
        return factory.get();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Method::configName).toList();
    }

    public static Method fromName(String name) {
        for (Method m : values()) {
            if (m.configName.equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown method '" + name + "', expected one of " + names());
    }
}
