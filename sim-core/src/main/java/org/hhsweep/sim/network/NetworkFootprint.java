package org.hhsweep.sim.network;

import java.util.Locale;
import org.hhsweep.sim.SimulationSettings;
import org.hhsweep.sim.model.NeuronModel;

/**
 * An estimate of the peak heap one network run takes, for planning (how many runs a worker holds
 * at once) and for refusing a run that cannot fit before building it. It counts the arrays whose
 * size grows with the network; fixed-size objects are one constant per population.
 *
 * <p>The formula, in bytes, summed over populations p (N neurons, G gates, c channels counting one
 * per incoming synapse group) and synapse groups s:
 * <ul>
 *   <li>state, per neuron: 8 (V + G gates + c g + c E + C + V_th + input current + V before)
 *       = 8 (5 + G + 2c);</li>
 *   <li>recording, per neuron: spike detector 60, divergence guard 8, voltage range 16, the
 *       population recorder's sums 24, the stimulus (key, spec and state) 32, and the per-neuron
 *       statistics of the result 200 (boxed fields);</li>
 *   <li>spike times, when kept: the detector's two growing arrays (at most twice the spikes) and
 *       the result's two copies, 8 x 2 x (2 n + n) with n = {@link #ASSUMED_RATE_HZ} x duration
 *       spikes per neuron (at least 8 slots each), plus 4 array headers of 16;</li>
 *   <li>connectivity, per group: 4 (S + 1 + m) for its rows, where m is the expected synapse count
 *       ({@link ConnectRule#expectedSynapses}) plus {@link #SYNAPSE_SIGMAS} standard deviations of a
 *       binomial count (sqrt(m)), the size the rows are drawn into; plus 4m once, for the largest
 *       {@code indegree} group, the column array it is drawn into before it becomes rows;</li>
 *   <li>the ring buffer of each group: 4 S (delay steps + 1);</li>
 *   <li>rate bins, per population: 16 per bin (the count and the rate) when rates are recorded;</li>
 *   <li>{@link #PER_POPULATION} per population for the integrator's chunks and tables.</li>
 * </ul>
 * A population's spike-time estimate assumes no neuron fires above {@link #ASSUMED_RATE_HZ}: a
 * network firing faster than that on average takes more.
 */
public final class NetworkFootprint {
    /** The mean rate the spike-time estimate assumes, a cap few networks reach. */
    public static final double ASSUMED_RATE_HZ = 100.0;
    /** Standard deviations of a drawn synapse count above its mean that the estimate (and Connectivity's rows) allow for. */
    public static final double SYNAPSE_SIGMAS = 6.0;
    /** The integrator's chunk scratch and gate tables and other fixed-size objects of a population. */
    public static final long PER_POPULATION = 1L << 20;
    static final long DETECTOR_BYTES = 60;
    static final long GUARD_BYTES = 8;
    static final long RANGE_BYTES = 16;
    static final long RECORDER_BYTES = 24;
    static final long STIMULUS_BYTES = 32;
    static final long STATISTICS_BYTES = 200;
    static final long ARRAY_HEADER = 16;

    private NetworkFootprint() {
    }

    /** The estimated peak heap bytes of simulating one run of spec with these settings (see the class). */
    public static long bytes(NetworkSpec spec, SimulationSettings settings, double ratesBinMs) {
        double total = 0;
        double dt = settings.dt();
        long steps = settings.steps();
        for (Population p : spec.populations()) {
            double n = p.size();
            NeuronModel model = p.model();
            int channels = model.channels().size() + spec.incoming(p.name()).size();
            int gates = model.gates().size();
            total += 8.0 * n * (5 + gates + 2 * channels);
            total += n * (DETECTOR_BYTES + GUARD_BYTES + RANGE_BYTES + RECORDER_BYTES + STIMULUS_BYTES
                    + STATISTICS_BYTES);
            if (settings.keepSpikeTimes()) {
                double spikes = ASSUMED_RATE_HZ * settings.simulatedMs() / 1000.0;
                total += n * (8.0 * 2 * (Math.max(8, 2 * spikes) + spikes) + 4 * ARRAY_HEADER);
            }
            if (!Double.isNaN(ratesBinMs)) {
                long binSteps = Math.max(1, Math.round(ratesBinMs / dt));
                total += 16.0 * ((steps + binSteps - 1) / binSteps);
            }
            total += PER_POPULATION;
        }
        double largest = 0;
        for (SynapseGroup s : spec.synapses()) {
            Population from = spec.population(s.from());
            Population to = spec.population(s.to());
            double m = s.connect().expectedSynapses(from.size(), to.size(), from == to);
            m += SYNAPSE_SIGMAS * Math.sqrt(m);
            if (s.connect() instanceof ConnectRule.InDegree) {
                largest = Math.max(largest, m);
            }
            total += 4.0 * (from.size() + 1 + m);
            long delay = Math.max(0, s.delaySteps(dt));
            total += 4.0 * from.size() * (delay + 1);
        }
        total += 4.0 * largest;
        return total >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) Math.ceil(total);
    }

    /** Bytes for a message: "1.5 GiB", "320 MiB", "12 KiB", "512 B". */
    public static String describe(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        if (u == 0) {
            return bytes + " B";
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : "%.3g %s", v, units[u]);
    }
}
