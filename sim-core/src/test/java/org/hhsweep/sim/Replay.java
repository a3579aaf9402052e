package org.hhsweep.sim;

import org.hhsweep.sim.model.NeuronBlock;
import org.hhsweep.sim.stimulus.Stimuli;
import org.hhsweep.sim.stimulus.StimulusSpec;

/**
 * Runs a block of neuron specs the way {@link Simulator} sets it up (same block, same stimulus
 * streams, same integrator) but with full float64 recording of chosen neurons, for what
 * Simulator does not return: the state and the applied current at every step.
 */
public final class Replay {
    private Replay() {
    }

    public static StateHistory[] run(SimulationSettings settings, NeuronSpec[] specs, int... neurons) {
        NeuronBlock block = new NeuronBlock(specs.length, specs[0].model());
        StimulusSpec[] stimuli = new StimulusSpec[specs.length];
        long[] keys = new long[specs.length];
        for (int i = 0; i < specs.length; i++) {
            block.set(i, specs[i].model(), specs[i].v0());
            stimuli[i] = specs[i].stimulus();
            keys[i] = Simulator.stimulusKey(specs[i]);
        }
        StateHistory[] histories = new StateHistory[neurons.length];
        for (int j = 0; j < neurons.length; j++) {
            histories[j] = new StateHistory(neurons[j], settings.steps());
        }
        BlockSimulation.run(block, settings.method().create(), Stimuli.forBlock(stimuli, keys, settings.dt()),
                settings.dt(), settings.steps(), histories);
        return histories;
    }
}
