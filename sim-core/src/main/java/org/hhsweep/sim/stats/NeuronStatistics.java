package org.hhsweep.sim.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hhsweep.sim.record.DivergenceGuard;
import org.hhsweep.sim.record.SpikeDetector;
import org.hhsweep.sim.record.VoltageRange;

/**
 * The per-neuron summary of a run. Boxed fields are null where a statistic is undefined (no spike,
 * too few intervals) and all statistics are null for a diverged neuron.
 *
 * @param spikeCount     spikes in the whole run
 * @param rateHz         spikeCount over the run's duration, in Hz
 * @param windowRateHz   spikes in the analysis window over its length, in Hz (null without a window)
 * @param firstSpikeMs   end of the first crossing step, in ms
 * @param meanIsiMs      mean inter-spike interval (needs 2 spikes)
 * @param cvIsi          standard deviation (population) over mean of the ISIs (needs 3 spikes)
 * @param vMinMv         lowest V reached, initial state included
 * @param vMaxMv         highest V reached
 * @param status         {@link #OK} or {@link #DIVERGED}
 * @param divergedStep   the step where the neuron diverged, or null
 */
public record NeuronStatistics(Integer spikeCount, Double rateHz, Double windowRateHz, Double firstSpikeMs,
                               Double meanIsiMs, Double cvIsi, Double vMinMv, Double vMaxMv,
                               String status, Long divergedStep) {

    public static final String OK = "ok";
    public static final String DIVERGED = "diverged";

    private static final Map<String, Function<NeuronStatistics, Number>> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("spike_count", NeuronStatistics::spikeCount);
        BY_NAME.put("rate_hz", NeuronStatistics::rateHz);
        BY_NAME.put("window_rate_hz", NeuronStatistics::windowRateHz);
        BY_NAME.put("first_spike_ms", NeuronStatistics::firstSpikeMs);
        BY_NAME.put("mean_isi_ms", NeuronStatistics::meanIsiMs);
        BY_NAME.put("cv_isi", NeuronStatistics::cvIsi);
        BY_NAME.put("v_min_mV", NeuronStatistics::vMinMv);
        BY_NAME.put("v_max_mV", NeuronStatistics::vMaxMv);
    }

    /**
     * The statistics by name, as the summaries table names its columns: the one list that search
     * criteria and sensitivity outputs are checked against.
     */
    public static final List<String> NAMES = List.copyOf(BY_NAME.keySet());

    /**
     * The statistic called {@code name} (one of {@link #NAMES}), or null where it is undefined.
     *
     * @throws IllegalArgumentException for a name not in {@link #NAMES}
     */
    public Number value(String name) {
        Function<NeuronStatistics, Number> read = BY_NAME.get(name);
        if (read == null) {
            throw new IllegalArgumentException("unknown statistic '" + name + "', expected one of " + NAMES);
        }
        return read.apply(this);
    }

    public boolean diverged() {
        return DIVERGED.equals(status);
    }

    /**
     * @param durationMs    the run's duration
     * @param windowMs      the analysis window's length, or NaN for none
     */
    public static NeuronStatistics of(int i, SpikeDetector spikes, VoltageRange range, DivergenceGuard guard,
                                      double durationMs, double windowMs) {
        if (guard.diverged(i)) {
            return new NeuronStatistics(null, null, null, null, null, null, null, null, DIVERGED, guard.divergedAt(i));
        }
        int count = spikes.count(i);
        Double first = count > 0 ? spikes.firstSpike(i) : null;
        Double meanIsi = null;
        Double cv = null;
        if (count >= 2) {
            double mean = spikes.meanIsi(i);
            meanIsi = mean;
            if (count >= 3) {
                cv = Math.sqrt(spikes.isiVariance(i)) / mean;
            }
        }
        Double windowRate = Double.isNaN(windowMs) ? null : spikes.windowCount(i) / (windowMs / 1000.0);
        return new NeuronStatistics(count, count / (durationMs / 1000.0), windowRate, first, meanIsi, cv,
                range.min(i), range.max(i), OK, null);
    }
}
