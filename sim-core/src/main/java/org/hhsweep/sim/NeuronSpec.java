package org.hhsweep.sim;

import org.hhsweep.sim.model.HHParameters;
import org.hhsweep.sim.stimulus.StimulusSpec;

/**
 * One neuron to simulate: its parameters, initial V, input, where its random numbers come from
 * (its run's seed and its index within the run) and whether its traces are recorded.
 */
public record NeuronSpec(HHParameters parameters, double v0, StimulusSpec stimulus,
                         long runSeed, long neuronIndex, boolean traced) {

    public static final double DEFAULT_V0 = -65.0;

    public static NeuronSpec of(HHParameters parameters, StimulusSpec stimulus, long runSeed, long neuronIndex) {
        return new NeuronSpec(parameters, DEFAULT_V0, stimulus, runSeed, neuronIndex, false);
    }

    public NeuronSpec traced(boolean traced) {
        return new NeuronSpec(parameters, v0, stimulus, runSeed, neuronIndex, traced);
    }
}
