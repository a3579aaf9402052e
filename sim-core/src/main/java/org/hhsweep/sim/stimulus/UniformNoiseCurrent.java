package org.hhsweep.sim.stimulus;

import org.hhsweep.sim.random.RandomStreams;

/**
 * The tutorial's input: a fresh value uniform in [low, high) every step. Neurons given the same
 * stream key (the run-wide shared stream) receive the same values.
 */
public final class UniformNoiseCurrent implements Stimulus {
    private final double[] low;
    private final double[] width;
    private final long[] key;

    public UniformNoiseCurrent(double[] low, double[] high, long[] key) {
        int n = low.length;
        this.low = low.clone();
        this.width = new double[n];
        this.key = key.clone();
        for (int i = 0; i < n; i++) {
            width[i] = high[i] - low[i];
        }
    }

    @Override
    public void current(long step, double[] out) {
        for (int i = 0; i < low.length; i++) {
            out[i] = low[i] + width[i] * RandomStreams.uniform(key[i], step);
        }
    }
}
