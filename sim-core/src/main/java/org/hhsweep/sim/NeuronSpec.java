package org.hhsweep.sim;

import org.hhsweep.sim.model.NeuronModel;
import org.hhsweep.sim.stimulus.StimulusSpec;

/**
 * One neuron to simulate: its model, initial V, input, where its random numbers come from
 * (its run's seed and its index within the run) and whether its traces are recorded.
 */
public record NeuronSpec(NeuronModel model, double v0, StimulusSpec stimulus,
                         long runSeed, long neuronIndex, boolean traced) {

    public static final double DEFAULT_V0 = -65.0;

    public static NeuronSpec of(NeuronModel model, StimulusSpec stimulus, long runSeed, long neuronIndex) {
        return new NeuronSpec(model, DEFAULT_V0, stimulus, runSeed, neuronIndex, false);
    }

    public NeuronSpec traced(boolean traced) {
        return new NeuronSpec(model, v0, stimulus, runSeed, neuronIndex, traced);
    }
}
