package org.hhsweep.sim.sensitivity;

import org.hhsweep.sim.random.RandomStreams;

/**
 * The confidence intervals of sensitivity estimates, as SALib computes them: the estimate is
 * recomputed on {@link #RESAMPLES} resamples (drawn with replacement) of its rows or effects, and
 * the interval's half-width is z(0.975) times the standard deviation (over n - 1) of those
 * recomputed values: estimate +- half-width is a normal-approximation 95% interval. Resamples are
 * drawn from a stream key, so the same outputs give the same intervals.
 */
public final class Bootstrap {
    public static final int RESAMPLES = 1000;
    /** The standard normal's 97.5% quantile. */
    public static final double Z95 = 1.959963984540054;

    private Bootstrap() {
    }

    /** Resample b of n items: n indices in [0, n), with replacement. */
    public static int[] resample(int n, long key, int b) {
        int[] out = new int[n];
        long base = (long) b * n;
        for (int j = 0; j < n; j++) {
            out[j] = (int) (RandomStreams.uniform(key, base + j) * n);
        }
        return out;
    }

    /** Z95 times the standard deviation of the finite values; NaN with fewer than two. */
    public static double halfWidth(double[] estimates) {
        int n = 0;
        double mean = 0;
        for (double e : estimates) {
            if (Double.isFinite(e)) {
                n++;
                mean += e;
            }
        }
        if (n < 2) {
            return Double.NaN;
        }
        mean /= n;
        double ss = 0;
        for (double e : estimates) {
            if (Double.isFinite(e)) {
                ss += (e - mean) * (e - mean);
            }
        }
        return Z95 * Math.sqrt(ss / (n - 1));
    }
}
