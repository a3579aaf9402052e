package org.hhsweep.sim.stimulus;

import org.hhsweep.sim.random.RandomStreams;

/**
 * Gaussian white noise: a fresh value from N(mean, sigma^2) every step. Its effect on the neuron
 * shrinks as dt shrinks (the per-step values average out); use {@link OrnsteinUhlenbeckCurrent} for
 * noise whose effect does not depend on dt.
 */
public final class GaussianNoiseCurrent implements Stimulus {
    private final double[] mean;
    private final double[] sigma;
    private final long[] key;

    public GaussianNoiseCurrent(double[] mean, double[] sigma, long[] key) {
        this.mean = mean.clone();
        this.sigma = sigma.clone();
        this.key = key.clone();
    }

    @Override
    public void current(long step, double[] out) {
        for (int i = 0; i < mean.length; i++) {
            out[i] = mean[i] + sigma[i] * RandomStreams.gaussian(key[i], step);
        }
    }
}
