package org.hhsweep.sim.stimulus;

import org.hhsweep.sim.random.RandomStreams;

/**
 * Ornstein-Uhlenbeck noise, x' = (mean - x)/tau + noise, with stationary standard deviation sigma.
 * Uses the exact discrete update x_{k+1} = mean + (x_k - mean) a + sigma sqrt(1 - a^2) g_k with
 * a = exp(-dt/tau), so its statistics are the same at any dt. x_0 = mean.
 */
public final class OrnsteinUhlenbeckCurrent implements Stimulus {
    private final double[] mean;
    private final double[] decay;
    private final double[] kick;
    private final long[] key;
    private final double[] x;
    private long nextStep;

    public OrnsteinUhlenbeckCurrent(double[] mean, double[] sigma, double[] tau, long[] key, double dt) {
        int n = mean.length;
        this.mean = mean.clone();
        this.decay = new double[n];
        this.kick = new double[n];
        this.key = key.clone();
        this.x = mean.clone();
        for (int i = 0; i < n; i++) {
            decay[i] = Math.exp(-dt / tau[i]);
            kick[i] = sigma[i] * Math.sqrt(-Math.expm1(-2.0 * dt / tau[i]));
        }
    }

    @Override
    public void current(long step, double[] out) {
        if (step != nextStep) {
            throw new IllegalStateException("Ornstein-Uhlenbeck noise must be stepped in order: expected step "
                    + nextStep + ", got " + step);
        }
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            out[i] = xi;
            x[i] = mean[i] + (xi - mean[i]) * decay[i] + kick[i] * RandomStreams.gaussian(key[i], step);
        }
        nextStep = step + 1;
    }
}
