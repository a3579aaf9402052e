package org.hhsweep.sim.record;

import org.hhsweep.sim.model.NeuronBlock;

/** The lowest and highest V each neuron reaches, the initial state included. */
public final class VoltageRange implements StepObserver {
    private final double[] min;
    private final double[] max;

    public VoltageRange(NeuronBlock block) {
        min = block.V.clone();
        max = block.V.clone();
    }

    @Override
    public void afterStep(long step, NeuronBlock block, double[] vBefore, double[] current) {
        double[] v = block.V;
        for (int i = 0; i < min.length; i++) {
            double x = v[i];
            min[i] = Math.min(min[i], x);
            max[i] = Math.max(max[i], x);
        }
    }

    /** The neurons watched. */
    public int size() {
        return min.length;
    }

    public double min(int i) {
        return min[i];
    }

    public double max(int i) {
        return max[i];
    }
}
