package org.hhsweep.sim;

import org.hhsweep.sim.integrate.Integrator;
import org.hhsweep.sim.model.NeuronBlock;
import org.hhsweep.sim.record.StepObserver;
import org.hhsweep.sim.stimulus.Stimulus;

/**
 * The step loop: input, integrate, observe. This is the one place that fixes the order of a step,
 * which is what makes results bit-identical however neurons are grouped into blocks. Nothing in
 * here allocates.
 */
public final class BlockSimulation {
    private BlockSimulation() {
    }

    public static void run(NeuronBlock block, Integrator integrator, Stimulus stimulus, double dt, long steps,
                           StepObserver... observers) {
        double[] current = new double[block.size];
        double[] vBefore = new double[block.size];
        for (long k = 0; k < steps; k++) {
            stimulus.current(k, current);
            System.arraycopy(block.V, 0, vBefore, 0, block.size);
            integrator.step(block, current, dt);
            for (StepObserver observer : observers) {
                observer.afterStep(k, block, vBefore, current);
            }
        }
    }
}
