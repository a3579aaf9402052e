package org.hhsweep.sim.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import org.hhsweep.sim.BlockSimulation;
import org.hhsweep.sim.integrate.Integrator;
import org.hhsweep.sim.integrate.Method;
import org.hhsweep.sim.config.ModelLibrary;
import org.hhsweep.sim.model.NeuronModel;
import org.hhsweep.sim.model.NeuronBlock;
import org.hhsweep.sim.record.SpikeDetector;
import org.hhsweep.sim.stimulus.ConstantCurrent;
import org.hhsweep.sim.sweep.BlockPlanner;

/**
 * {@link CompareRun}'s kernel mode (or the integrator alone) repeated in one JVM and timed by the
 * stepping thread's CPU time, for comparing two builds on a machine other processes load: wall
 * time then measures the load, CPU time much less so. The first repetition includes the JIT's
 * warm-up; later ones are the steady state. bench/cpu-time-run.sh runs it.
 *
 * <p>Usage: CpuTimeRun METHOD [NEURONS [STEPS [REPEATS [kernel|integrator]]]]
 */
public final class CpuTimeRun {
    private CpuTimeRun() {
    }

    public static void main(String[] args) {
        Method method = Method.fromName(args[0]);
        int neurons = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        long steps = args.length > 2 ? Long.parseLong(args[2]) : 20_000;
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 6;
        boolean integratorOnly = args.length > 4 && args[4].equals("integrator");
        double dt = 0.01;
        double[] currents = CompareRun.linspace(0.0, 20.0, neurons);
        int block = BlockPlanner.DEFAULT_MAX_NEURONS;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int r = 0; r < repeats; r++) {
            long spikes = 0;
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            for (int from = 0; from < neurons; from += block) {
                int size = Math.min(block, neurons - from);
                NeuronBlock b = NeuronBlock.uniform(size, ModelLibrary.hh());
                double[] current = Arrays.copyOfRange(currents, from, from + size);
                Integrator integrator = method.create();
                if (integratorOnly) {
                    for (long k = 0; k < steps; k++) {
                        integrator.step(b, current, dt);
                    }
                } else {
                    SpikeDetector detector = new SpikeDetector(size, dt, 0, 0, false);
                    BlockSimulation.run(b, integrator, new ConstantCurrent(current), dt, steps, detector);
                    for (int i = 0; i < size; i++) {
                        spikes += detector.count(i);
                    }
                }
            }
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) * 1e-9;
            double wallSeconds = (System.nanoTime() - wall) * 1e-9;
            double work = neurons * (double) steps;
            System.out.printf(Locale.ROOT, "%s %s repeat %d: %.1f M neuron-steps per CPU second, %.1f per wall second, %d spikes%n",
                    method.recordedName(), integratorOnly ? "integrator" : "kernel", r, work / cpuSeconds * 1e-6,
                    work / wallSeconds * 1e-6, spikes);
        }
    }
}
