package org.hhsweep.sim;

import java.util.List;
import org.hhsweep.sim.record.DivergenceGuard;
import org.hhsweep.sim.record.SpikeDetector;
import org.hhsweep.sim.record.Trace;
import org.hhsweep.sim.record.VoltageRange;
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

    /**
     * The result of a block after its last step, from its observers.
     *
     * @param durationMs the simulated time
     * @param windowMs   the analysis window's length, or NaN for none
     */
    public static BlockResult of(SpikeDetector spikes, VoltageRange range, DivergenceGuard guard, double durationMs,
                                 double windowMs, boolean keepSpikeTimes, List<Trace> traces) {
        int size = range.size();
        NeuronStatistics[] stats = new NeuronStatistics[size];
        double[][] times = keepSpikeTimes ? new double[size][] : null;
        double[][] interpolated = keepSpikeTimes ? new double[size][] : null;
        for (int i = 0; i < size; i++) {
            stats[i] = NeuronStatistics.of(i, spikes, range, guard, durationMs, windowMs);
            if (times != null) {
                boolean ok = !guard.diverged(i);
                times[i] = ok ? spikes.times(i) : new double[0];
                interpolated[i] = ok ? spikes.interpolatedTimes(i) : new double[0];
            }
        }
        return new BlockResult(stats, times, interpolated, traces);
    }
}
