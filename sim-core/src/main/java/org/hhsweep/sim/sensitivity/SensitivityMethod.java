package org.hhsweep.sim.sensitivity;

import java.util.Arrays;
import java.util.List;

/**
 * How a sensitivity analysis samples its parameters and what it estimates; {@link #columns} are the
 * names of the estimates, in the order {@link SensitivityIndex#values()} gives them.
 */
public enum SensitivityMethod {
    /** Saltelli's sampling of a Sobol sequence; first-order (S1) and total (ST) indices. */
    SOBOL("sobol", List.of("S1", "S1_conf", "ST", "ST_conf")),
    /** Morris' one-at-a-time trajectories; statistics of the elementary effects. */
    MORRIS("morris", List.of("mu_star", "mu_star_conf", "sigma"));

    private final String configName;
    private final List<String> columns;

    SensitivityMethod(String configName, List<String> columns) {
        this.configName = configName;
        this.columns = columns;
    }

    public String configName() {
        return configName;
    }

    /** The estimates per output and parameter, named as the sensitivity table's columns. */
    public List<String> columns() {
        return columns;
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(SensitivityMethod::configName).toList();
    }

    /** @throws IllegalArgumentException for a name not in {@link #names()} */
    public static SensitivityMethod fromName(String name) {
        return Arrays.stream(values()).filter(m -> m.configName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown method '" + name + "', expected one of " + names()));
    }
}
