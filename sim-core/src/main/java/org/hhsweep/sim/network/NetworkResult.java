package org.hhsweep.sim.network;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hhsweep.sim.BlockResult;

/**
 * What a network run yields: per population (in config order) its neurons' statistics and spike
 * times as a block of the single-neuron path gives them, and the synapses each group got.
 */
public record NetworkResult(Map<String, BlockResult> populations, Map<String, Integer> synapses, long neurons) {

    public NetworkResult {
        populations = Collections.unmodifiableMap(new LinkedHashMap<>(populations));
        synapses = Collections.unmodifiableMap(new LinkedHashMap<>(synapses));
    }

    public BlockResult population(String name) {
        return populations.get(name);
    }
}
