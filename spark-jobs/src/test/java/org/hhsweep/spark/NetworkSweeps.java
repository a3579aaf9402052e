package org.hhsweep.spark;

import org.hhsweep.sim.config.ConfigLoader;
import org.hhsweep.sim.config.SweepConfig;

/**
 * Small network sweeps for the Spark tests, through the real config loader: two populations of
 * Traub-Miles cells (E 40 with noisy input, I 20 driven by E), three synapse groups at p 0.1,
 * 150 ms at dt 0.025 ms, population rates in 10 ms bins, swept over the E to I weight.
 */
public final class NetworkSweeps {
    /** The swept path and its column. */
    public static final String WEIGHT = "network.synapses.EI.weight";
    public static final String WEIGHT_COLUMN = "network_synapses_EI_weight";

    private NetworkSweeps() {
    }

    /** The YAML of a network sweep named name with the given sweep section (e.g. "sweep: {seeds: 3}"). */
    public static String yaml(String name, String sweep) {
        return String.join("\n",
                "name: " + name,
                "seed: 3",
                "simulation: {duration: 150 ms, dt: 0.025 ms}",
                "network:",
                "  populations:",
                "    E: {size: 40, model: {base: traub_miles}, refractory: 2 ms,",
                "        stimulus: {type: gaussian, mean: 2 uA/cm^2, sigma: 2 uA/cm^2, shared: false},",
                "        initial: {V: {normal: [-65 mV, 5 mV]}}}",
                "    I: {size: 20, model: {base: traub_miles}, initial: {V: {uniform: [-70 mV, -60 mV]}}}",
                "  synapses:",
                "    EE: {from: E, to: E, connect: {p: 0.1}, weight: 0.05 mS/cm^2, tau: 5 ms, E: 0 mV}",
                "    EI: {from: E, to: I, connect: {p: 0.1}, weight: 0.1 mS/cm^2, tau: 5 ms, E: 0 mV}",
                "    IE: {from: I, to: E, connect: {p: 0.1}, weight: 0.2 mS/cm^2, tau: 10 ms, E: -80 mV}",
                sweep,
                "record: {spikes: true, rates: {bin: 10 ms}}",
                "");
    }

    /** The E to I weight over the given values (mS/cm^2, as written), seed replicates of each. */
    public static String weights(String name, String values, int seeds) {
        return yaml(name, "sweep: {grid: {" + WEIGHT + ": [" + values + "]}, seeds: " + seeds + "}");
    }

    /** Three weights (0.05, 0.1, 0.2 mS/cm^2), one seed: 3 runs. */
    public static SweepConfig threeWeights() {
        return ConfigLoader.parse(weights("net-small", "0.05 mS/cm^2, 0.1 mS/cm^2, 0.2 mS/cm^2", 1), "net-small.yaml");
    }

    /** The first of those runs alone. */
    public static SweepConfig firstWeightAlone() {
        return ConfigLoader.parse(weights("net-small", "0.05 mS/cm^2", 1), "net-small.yaml");
    }
}
