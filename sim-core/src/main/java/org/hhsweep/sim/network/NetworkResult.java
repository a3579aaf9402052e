package org.hhsweep.sim.network;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hhsweep.sim.BlockResult;

/**
 * What a network run yields: per population (in config order) its neurons' statistics and spike
 * times as a block of the single-neuron path gives them, its activity as a whole and, when asked
 * for, its rate over time; and the synapses each group got.
 */
public record NetworkResult(Map<String, BlockResult> populations, Map<String, Integer> synapses, long neurons,
                            List<PopulationSummary> summaries, List<PopulationRates> rates) {

    public NetworkResult {
        populations = Collections.unmodifiableMap(new LinkedHashMap<>(populations));
        synapses = Collections.unmodifiableMap(new LinkedHashMap<>(synapses));
        summaries = List.copyOf(summaries);
        rates = List.copyOf(rates);
    }

    public BlockResult population(String name) {
        return populations.get(name);
    }
}
