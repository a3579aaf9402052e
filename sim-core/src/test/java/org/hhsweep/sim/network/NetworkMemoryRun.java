package org.hhsweep.sim.network;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.hhsweep.sim.SimulationSettings;
import org.hhsweep.sim.integrate.Method;

/**
 * Builds COBAHH scaled to N cells (80% E, 20% I, p 0.02 as in the benchmark, so N^2/50 synapses)
 * and runs it for a few steps in this JVM's heap, printing the heap in use afterwards; run under
 * -Xmx4g by bench/network-memory.sh to find the largest network one 4 GB executor holds.
 * Usage: NetworkMemoryRun N [STEPS]
 */
public final class NetworkMemoryRun {
    private NetworkMemoryRun() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        CobahhRatesTest.load();
        NetworkSpec spec = CobahhRatesTest.cobahh(0.03, 0.335, n * 4 / 5, n - n * 4 / 5);
        SimulationSettings settings = SimulationSettings.of(0.1, steps * 0.1, Method.EXP_EULER_FAST)
                .withSpikeTimes(false);
        NetworkSimulation network = new NetworkSimulation(spec, settings, 1L);
        for (int k = 0; k < steps; k++) {
            network.step(k);
        }
        System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long synapses = network.result().synapses().values().stream().mapToLong(Integer::longValue).sum();
        System.out.printf(Locale.ROOT, "{\"neurons\": %d, \"synapses\": %d, \"heap_used_bytes\": %d, "
                        + "\"footprint_estimate_bytes\": %d, \"max_heap_bytes\": %d}%n",
                n, synapses, used, NetworkFootprint.bytes(spec, settings, Double.NaN), Runtime.getRuntime().maxMemory());
    }
}
