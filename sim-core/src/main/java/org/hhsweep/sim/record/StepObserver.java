package org.hhsweep.sim.record;

import org.hhsweep.sim.model.NeuronBlock;

/**
 * Sees the block after every step, like a step handler of an ODE solver or a monitor in Brian2.
 * Must not allocate per step (amortised growth of a spike buffer is the one exception).
 */
public interface StepObserver {
    /**
     * @param step    the step just taken (0-based); the block now holds the state at (step+1)*dt
     * @param block   the block after the step
     * @param vBefore V of every neuron before the step
     * @param current the input current applied during the step
     */
    void afterStep(long step, NeuronBlock block, double[] vBefore, double[] current);
}
