package org.hhsweep.sim.integrate;

import org.hhsweep.sim.model.NeuronBlock;

/**
 * Advances every neuron of a block by one step of dt ms, in place, under the given input currents
 * (uA/cm^2, held constant over the step). Implementations must not allocate in {@link #step}, and
 * must update each neuron from its own values alone, so a neuron's trajectory never depends on
 * which block it is in or where.
 */
public interface Integrator {
    void step(NeuronBlock block, double[] current, double dt);

    /** The name outputs record for this scheme ({@link Method#recordedName}). */
    String name();
}
