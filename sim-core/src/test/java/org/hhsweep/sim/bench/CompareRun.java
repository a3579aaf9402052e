package org.hhsweep.sim.bench;

import java.util.Arrays;
import java.util.Locale;
import org.hhsweep.sim.BlockSimulation;
import org.hhsweep.sim.BlockResult;
import org.hhsweep.sim.NeuronSpec;
import org.hhsweep.sim.SimulationSettings;
import org.hhsweep.sim.Simulator;
import org.hhsweep.sim.integrate.FastKernels;
import org.hhsweep.sim.integrate.Method;
import org.hhsweep.sim.config.ModelLibrary;
import org.hhsweep.sim.model.NeuronModel;
import org.hhsweep.sim.model.NeuronBlock;
import org.hhsweep.sim.record.SpikeDetector;
import org.hhsweep.sim.stimulus.ConstantCurrent;
import org.hhsweep.sim.stimulus.StimulusSpec;
import org.hhsweep.sim.sweep.BlockPlanner;

/**
 * The work bench/brian2_hh.py gives Brian2, done by this project's kernel: N default neurons
 * under constant currents numpy.linspace(0, 20, N) uA/cm^2, the given duration and dt, in blocks
 * of {@link BlockPlanner#DEFAULT_MAX_NEURONS} on this thread. Two modes:
 * <ul>
 *   <li>kernel: what Brian2 does, the integrator stepping the block under its currents and a
 *       spike detector counting upward crossings of V_th ({@link BlockSimulation#run});</li>
 *   <li>pipeline: what a sweep task does, {@link Simulator#simulate} with everything a run
 *       records (spike times, statistics, divergence guard, voltage range).</li>
 * </ul>
 * The timed part is the simulation, JIT warm-up included. Prints one JSON object;
 * bench/brian2-compare.sh runs it beside Brian2.
 *
 * <p>Usage: CompareRun METHOD [NEURONS [DURATION_MS [DT_MS [kernel|pipeline [MODEL]]]]], MODEL a library
 * model (default hh).
 */
public final class CompareRun {
    private CompareRun() {
    }

    public static void main(String[] args) {
        Method method = Method.fromName(args[0]);
        int neurons = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        double durationMs = args.length > 2 ? Double.parseDouble(args[2]) : 1000.0;
        double dtMs = args.length > 3 ? Double.parseDouble(args[3]) : 0.01;
        boolean pipeline = args.length > 4 && args[4].equals("pipeline");
        String modelName = args.length > 5 ? args[5] : "hh";
        NeuronModel model = ModelLibrary.model(modelName);

        double[] currents = linspace(0.0, 20.0, neurons);
        SimulationSettings settings = SimulationSettings.of(dtMs, durationMs, method);
        int block = BlockPlanner.DEFAULT_MAX_NEURONS;
        int[] counts = new int[neurons];

        long start = System.nanoTime();
        for (int from = 0; from < neurons; from += block) {
            int size = Math.min(block, neurons - from);
            if (pipeline) {
                NeuronSpec[] specs = new NeuronSpec[size];
                for (int i = 0; i < size; i++) {
                    specs[i] = NeuronSpec.of(model, new StimulusSpec.Constant(currents[from + i]), 1, from + i);
                }
                BlockResult result = Simulator.simulate(settings, specs);
                for (int i = 0; i < size; i++) {
                    counts[from + i] = result.statistics()[i].spikeCount();
                }
            } else {
                NeuronBlock b = NeuronBlock.uniform(size, model);
                SpikeDetector spikes = new SpikeDetector(size, dtMs, 0, 0, false);
                BlockSimulation.run(b, method.create(), new ConstantCurrent(Arrays.copyOfRange(currents, from, from + size)),
                        dtMs, settings.steps(), spikes);
                for (int i = 0; i < size; i++) {
                    counts[from + i] = spikes.count(i);
                }
            }
        }
        double seconds = (System.nanoTime() - start) * 1e-9;

        long total = 0;
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < neurons; i++) {
            total += counts[i];
            list.append(i == 0 ? "" : ",").append(counts[i]);
        }
        long steps = settings.steps();
        System.out.printf(Locale.ROOT, "{\"simulator\": \"hhsweep %s%s%s\", \"model\": \"%s\", \"java\": \"%s\", \"neurons\": %d, \"steps\": %d,"
                        + " \"dt_ms\": %s, \"run_seconds\": [%.6f], \"neuron_steps_per_s\": [%.1f], \"spikes_total\": %d,"
                        + " \"spike_counts\": [%s]}%n",
                method.recordedName(), simd(method), pipeline ? ", pipeline" : ", kernel", modelName, System.getProperty("java.version"), neurons, steps, dtMs, seconds,
                neurons * (double) steps / seconds, total, list);
    }

    private static String simd(Method method) {
        boolean fast = method == Method.EXP_EULER_FAST || method == Method.EXP_EULER_TABLE;
        return fast ? (FastKernels.vectorized() ? " (SIMD)" : " (scalar)") : "";
    }

    /** numpy.linspace(lo, hi, n): lo + i * step, the last value exactly hi. */
    static double[] linspace(double lo, double hi, int n) {
        double[] x = new double[n];
        double step = (hi - lo) / (n - 1);
        for (int i = 0; i < n; i++) {
            x[i] = lo + i * step;
        }
        x[n - 1] = hi;
        return x;
    }
}
