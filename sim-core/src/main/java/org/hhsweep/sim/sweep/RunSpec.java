package org.hhsweep.sim.sweep;

import org.hhsweep.sim.NeuronSpec;

/**
 * One run of a sweep: its stable id (its index in the expansion), its seed, which seed replicate it
 * is, the values of the swept scalars (aligned with {@link SweepSpec#sweptPaths()}), and the
 * resolved template.
 */
public record RunSpec(long runId, long seed, int replicate, double[] sweptValues, RunTemplate template) {

    /** The neurons of this run; neuron i draws from stream (seed, i). */
    public NeuronSpec[] neurons() {
        NeuronSpec[] out = new NeuronSpec[template.neurons()];
        for (int i = 0; i < out.length; i++) {
            out[i] = neuron(i);
        }
        return out;
    }

    /** Neuron i of this run alone, so a block can take a slice of a large run. */
    public NeuronSpec neuron(int i) {
        return new NeuronSpec(template.model(), template.v0(), template.stimulus(), seed, i,
                i < template.tracedNeurons());
    }
}
