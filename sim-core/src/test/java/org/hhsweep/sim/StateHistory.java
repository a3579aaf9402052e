package org.hhsweep.sim;

import org.hhsweep.sim.model.NeuronBlock;
import org.hhsweep.sim.record.StepObserver;

/**
 * A full-resolution float64 recording of one neuron, written for the tests so they do not rely on
 * the TraceRecorder they check. Index k holds the values of step k: V, m, h, n after it (time
 * (k+1)*dt), V before it, and the current applied during it.
 */
public final class StateHistory implements StepObserver {
    private final int neuron;
    public final double[] vBefore;
    public final double[] v;
    public final double[] m;
    public final double[] h;
    public final double[] n;
    public final double[] current;

    public StateHistory(int neuron, long steps) {
        this.neuron = neuron;
        int length = Math.toIntExact(steps);
        vBefore = new double[length];
        v = new double[length];
        m = new double[length];
        h = new double[length];
        n = new double[length];
        current = new double[length];
    }

    @Override
    public void afterStep(long step, NeuronBlock block, double[] vBeforeStep, double[] applied) {
        int k = (int) step;
        vBefore[k] = vBeforeStep[neuron];
        v[k] = block.V[neuron];
        m[k] = block.gate("m")[neuron];
        h[k] = block.gate("h")[neuron];
        n[k] = block.gate("n")[neuron];
        current[k] = applied[neuron];
    }

    /** The state (V, m, h, n) at the end of the run. */
    public double[] finalState() {
        int last = v.length - 1;
        return new double[] {v[last], m[last], h[last], n[last]};
    }
}
