package org.hhsweep.sim.sensitivity;

import java.util.List;

/**
 * The analysis of one output at one grid point: an index per parameter, in config order.
 *
 * @param nullOutputs design runs whose output was null (a statistic undefined in a run, or a
 *                    diverged neuron), none of which an estimate uses
 */
public record SensitivityResult(SensitivityMethod method, List<SensitivityIndex> indices, int designRuns,
                                int nullOutputs) {

    public SensitivityResult {
        indices = List.copyOf(indices);
    }

    /** The index of the parameter at {@code path}. */
    public SensitivityIndex index(String path) {
        return indices.stream().filter(i -> i.param().equals(path)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no parameter " + path));
    }
}
