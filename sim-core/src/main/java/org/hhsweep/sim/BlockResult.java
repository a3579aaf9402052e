package org.hhsweep.sim;

import java.util.List;
import org.hhsweep.sim.record.Trace;
import org.hhsweep.sim.stats.NeuronStatistics;

/**
 * What a simulated block yields, indexed by the neuron's position in the block.
 *
 * @param statistics        per-neuron summary
 * @param spikeTimes        per-neuron spike times (end of crossing step, ms), or null when not kept;
 *                          empty for a diverged neuron
 * @param interpolatedTimes per-neuron interpolated crossing times (ms), likewise
 * @param traces            recorded traces of the neurons marked as traced
 */
public record BlockResult(NeuronStatistics[] statistics, double[][] spikeTimes, double[][] interpolatedTimes,
                          List<Trace> traces) {
}
