package org.hhsweep.spark;

import org.hhsweep.sim.config.ConfigLoader;
import org.hhsweep.sim.config.SweepConfig;
import org.hhsweep.sim.sweep.RunTemplate;
import org.hhsweep.sim.sweep.SweepSpec;

/**
 * Small network sweeps for the Spark tests: two populations of Traub-Miles cells (E 40 with noisy
 * input, I 20 driven by E), three synapse groups at p 0.1, 150 ms at dt 0.025 ms.
 */
public final class NetworkSweeps {
    /** Rate bins of the population_rates table in these tests. */
    public static final double RATES_BIN_MS = 10;

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
                "");
    }

    /** Three seed replicates of the network, population rates in bins of {@link #RATES_BIN_MS}. */
    public static SweepConfig replicates(int seeds) {
        return withRates(ConfigLoader.parse(yaml("net-small", "sweep: {seeds: " + seeds + "}"), "net-small.yaml"));
    }

    /** The config with population rates recorded in bins of {@link #RATES_BIN_MS}. */
    public static SweepConfig withRates(SweepConfig c) {
        SweepSpec s = c.spec();
        RunTemplate base = s.base().withNetwork(s.base().network(), RATES_BIN_MS);
        SweepSpec spec = new SweepSpec(s.name(), s.seed(), base, s.grid(), s.samples(), s.random(), s.seeds(),
                s.search());
        return new SweepConfig(spec, c.output(), c.resolved(), c.hash(), c.execution(), c.network());
    }
}
