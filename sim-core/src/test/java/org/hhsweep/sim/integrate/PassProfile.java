package org.hhsweep.sim.integrate;

import java.util.Arrays;
import org.hhsweep.sim.config.ModelLibrary;
import org.hhsweep.sim.model.NeuronBlock;

/** Time spent per pass of the fast and table kernels (SIMD), for finding where a step's time goes. Not a test. */
public final class PassProfile {
    public static void main(String[] args) {
        String model = args.length > 0 ? args[0] : "hh";
        for (String kernel : new String[] {"fast", "table"}) {
            NeuronBlock b = NeuronBlock.uniform(4096, ModelLibrary.model(model));
            double[] current = new double[4096];
            // the Brian2 comparison's currents, 0..20 uA/cm^2: neurons spread over the gate table as there
            Arrays.setAll(current, q -> 20.0 * q / (current.length - 1));
            StepContext s = new StepContext(new RatePlan(new Kinetics(b.kinetics)));
            KernelSteps steps = FastKernels.vectorSteps();
            Pass[] passes = kernel.equals("fast") ? steps.fast(s) : steps.table(s);
            s.table = GateTable.forStep(s.plan, 0.01, TableExponentialEuler.V_MIN, TableExponentialEuler.V_MAX,
                    TableExponentialEuler.DV);
            s.b = b;
            s.current = current;
            s.dt = 0.01;
            long[] ns = new long[passes.length];
            for (int round = 0; round < 2; round++) {
                Arrays.fill(ns, 0);
                int stepsRun = 3000;
                for (int k = 0; k < stepsRun; k++) {
                    for (int from = 0; from < b.size; from += Chunk.SIZE) {
                        for (int p = 0; p < passes.length; p++) {
                            long t0 = System.nanoTime();
                            passes[p].run(s, from, Chunk.SIZE);
                            ns[p] += System.nanoTime() - t0;
                        }
                    }
                }
                double total = Arrays.stream(ns).sum();
                System.out.printf("%s %s: %.2f ns/neuron-step%n", model, kernel, total / (stepsRun * 4096.0));
                for (int p = 0; p < passes.length; p++) {
                    System.out.printf("  %2d %-40s %.2f%n", p, passes[p].getClass().getSimpleName(), ns[p] / (stepsRun * 4096.0));
                }
            }
        }
    }
}
