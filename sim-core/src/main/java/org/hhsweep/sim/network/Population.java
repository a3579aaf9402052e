package org.hhsweep.sim.network;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hhsweep.sim.NeuronSpec;
import org.hhsweep.sim.model.NeuronModel;
import org.hhsweep.sim.stimulus.StimulusSpec;

/**
 * Neurons of one model in a network: how many, their model and input (each neuron its own, as
 * the top-level stimulus gives every neuron of a run), their initial values and a refractory
 * period. Synaptic conductances are not part of the model here: a network adds them.
 *
 * @param initial      initial values by variable: {@link #V} and {@code g_<synapse group>} for the
 *                     groups ending on this population; a variable left out starts at its default
 *                     (V at {@link NeuronSpec#DEFAULT_V0}, gates at their steady state, g at 0)
 * @param refractoryMs time after a spike in which no new spike counts (0: none); V is not clamped
 */
public record Population(String name, int size, NeuronModel model, StimulusSpec stimulus,
                         Map<String, InitialValue> initial, double refractoryMs) implements Serializable {

    /** The initial key of the membrane potential. */
    public static final String V = "V";
    /** The initial key of a synaptic conductance is this and the synapse group's name. */
    public static final String G_PREFIX = "g_";

    public Population {
        if (size <= 0) {
            throw new IllegalArgumentException("population " + name + " needs at least one neuron, got " + size);
        }
        if (!(refractoryMs >= 0) || !Double.isFinite(refractoryMs)) {
            throw new IllegalArgumentException("population " + name + "'s refractory period must be >= 0 ms, got "
                    + refractoryMs);
        }
        initial = Collections.unmodifiableMap(new LinkedHashMap<>(initial));
    }

    /** A population with no input, starting at the model's usual state, without refractory period. */
    public static Population of(String name, int size, NeuronModel model) {
        return new Population(name, size, model, new StimulusSpec.Constant(0.0), Map.of(), 0.0);
    }

    public Population withStimulus(StimulusSpec value) {
        return new Population(name, size, model, value, initial, refractoryMs);
    }

    public Population withInitial(String variable, InitialValue value) {
        Map<String, InitialValue> m = new LinkedHashMap<>(initial);
        m.put(variable, value);
        return new Population(name, size, model, stimulus, m, refractoryMs);
    }

    public Population withRefractory(double ms) {
        return new Population(name, size, model, stimulus, initial, ms);
    }

    public Population withSize(int value) {
        return new Population(name, value, model, stimulus, initial, refractoryMs);
    }

    public Population withModel(NeuronModel value) {
        return new Population(name, size, value, stimulus, initial, refractoryMs);
    }

    /** The initial value of V. */
    public InitialValue initialV() {
        return initial.getOrDefault(V, InitialValue.of(NeuronSpec.DEFAULT_V0));
    }

    /** The initial conductance of synapse group {@code group} ending here. */
    public InitialValue initialG(String group) {
        return initial.getOrDefault(G_PREFIX + group, InitialValue.of(0.0));
    }
}
