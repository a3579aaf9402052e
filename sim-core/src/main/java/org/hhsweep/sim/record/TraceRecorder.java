package org.hhsweep.sim.record;

import java.util.ArrayList;
import java.util.List;
import org.hhsweep.sim.model.NeuronBlock;

/**
 * Records chosen variables of chosen neurons every {@code every} steps as float32. Buffers are
 * sized once from the number of samples, so memory is what is recorded and nothing more.
 */
public final class TraceRecorder implements StepObserver {
    private final int[] neurons;
    private final TraceVariable[] variables;
    private final int every;
    private final double dt;
    private final float[][] buffers;   // [neuron slot * variables + variable]
    private int samples;

    public TraceRecorder(int[] neurons, List<TraceVariable> variables, int every, long steps, double dt) {
        if (every <= 0) {
            throw new IllegalArgumentException("trace interval must be at least one step, got " + every);
        }
        this.neurons = neurons.clone();
        this.variables = variables.toArray(TraceVariable[]::new);
        this.every = every;
        this.dt = dt;
        int length = Math.toIntExact(steps / every);
        this.buffers = new float[neurons.length * this.variables.length][length];
    }

    @Override
    public void afterStep(long step, NeuronBlock block, double[] vBefore, double[] current) {
        if ((step + 1) % every != 0) {
            return;
        }
        int j = samples++;
        int b = 0;
        for (int neuron : neurons) {
            for (TraceVariable variable : variables) {
                buffers[b++][j] = (float) variable.source(block, current)[neuron];
            }
        }
    }

    public List<Trace> traces() {
        List<Trace> out = new ArrayList<>(buffers.length);
        int b = 0;
        for (int neuron : neurons) {
            for (TraceVariable variable : variables) {
                out.add(new Trace(neuron, variable, every * dt, every * dt, buffers[b++]));
            }
        }
        return out;
    }
}
