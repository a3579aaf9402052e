package org.hhsweep.sim;

import org.hhsweep.sim.integrate.Integrator;
import org.hhsweep.sim.model.NeuronBlock;
import org.hhsweep.sim.record.StepObserver;
import org.hhsweep.sim.stimulus.Stimulus;

/**
 * The step of a block: input, integrate, observe. This is the one place that fixes the order of a
 * step, which is what makes results bit-identical however neurons are grouped into blocks, and a
 * network's populations step through it too. Nothing in here allocates after construction.
 */
public final class BlockSimulation {
    private final NeuronBlock block;
    private final Integrator integrator;
    private final Stimulus stimulus;
    private final double dt;
    private final StepObserver[] observers;
    private final double[] current;
    private final double[] vBefore;

    public BlockSimulation(NeuronBlock block, Integrator integrator, Stimulus stimulus, double dt,
                           StepObserver... observers) {
        this.block = block;
        this.integrator = integrator;
        this.stimulus = stimulus;
        this.dt = dt;
        this.observers = observers.clone();
        this.current = new double[block.size];
        this.vBefore = new double[block.size];
    }

    /** Runs steps 0 .. steps-1 of a block on its own. */
    public static void run(NeuronBlock block, Integrator integrator, Stimulus stimulus, double dt, long steps,
                           StepObserver... observers) {
        BlockSimulation s = new BlockSimulation(block, integrator, stimulus, dt, observers);
        for (long k = 0; k < steps; k++) {
            s.step(k);
        }
    }

    /** Step k: the input of step k, every neuron advanced from its old values, then the observers. */
    public void step(long k) {
        stimulus.current(k, current);
        System.arraycopy(block.V, 0, vBefore, 0, block.size);
        integrator.step(block, current, dt);
        for (StepObserver observer : observers) {
            observer.afterStep(k, block, vBefore, current);
        }
    }
}
