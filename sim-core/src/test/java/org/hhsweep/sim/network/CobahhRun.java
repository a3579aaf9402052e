package org.hhsweep.sim.network;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.hhsweep.sim.SimulationSettings;
import org.hhsweep.sim.integrate.Method;

/**
 * COBAHH (CobahhRatesTest's network, Brian2's example) timed on one thread, for
 * bench/cobahh-compare.sh: each repeat builds the network (connectivity included) and runs it,
 * counting spikes and computing the populations' summaries, without keeping spike times.
 * Prints one JSON object. Usage: CobahhRun [METHOD [REPEATS [DURATION_MS [SEED]]]]
 */
public final class CobahhRun {
    private CobahhRun() {
    }

    public static void main(String[] args) throws Exception {
        Method method = Method.fromName(args.length > 0 ? args[0] : "exp_euler_fast");
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        double duration = args.length > 2 ? Double.parseDouble(args[2]) : 1000.0;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;
        CobahhRatesTest.load();
        NetworkSpec spec = CobahhRatesTest.cobahh(0.03, 0.335);
        // spike counts, not times, as Brian2's timed run (SpikeMonitor(record=False))
        SimulationSettings settings = SimulationSettings.of(0.1, duration, method).withSpikeTimes(false);
        StringBuilder seconds = new StringBuilder();
        long spikes = 0;
        double rateE = 0, rateI = 0;
        var threads = ManagementFactory.getThreadMXBean();
        StringBuilder cpu = new StringBuilder();
        for (int r = 0; r < repeats; r++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            NetworkResult result = NetworkSimulation.run(spec, settings, seed);
            double s = (System.nanoTime() - t0) * 1e-9;
            seconds.append(r == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", s));
            cpu.append(r == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f",
                    (threads.getCurrentThreadCpuTime() - c0) * 1e-9));
            rateE = CobahhRatesTest.meanRate(result, "E");
            rateI = CobahhRatesTest.meanRate(result, "I");
            spikes = Math.round(rateE * 3200 * duration / 1000 + rateI * 800 * duration / 1000);
        }
        System.out.printf(Locale.ROOT, "{\"simulator\": \"hhsweep\", \"method\": \"%s\", \"run_seconds\": [%s], "
                        + "\"cpu_seconds\": [%s], \"spikes_total\": %d, \"rate_E_Hz\": %.3f, \"rate_I_Hz\": %.3f}%n",
                method.recordedName(), seconds, cpu, spikes, rateE, rateI);
    }
}
