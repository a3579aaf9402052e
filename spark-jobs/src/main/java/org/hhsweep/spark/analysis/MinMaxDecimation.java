package org.hhsweep.spark.analysis;

/**
 * Thins a long evenly sampled series for drawing: per bucket of consecutive samples it keeps the
 * lowest and the highest (in time order), so a 1 ms spike in a 100,000-sample trace still reaches
 * its peak on an 800-pixel-wide plot, while the chart gets a few thousand points.
 */
final class MinMaxDecimation {
    private MinMaxDecimation() {
    }

    /** {x[], y[]} of samples values[i] at t0 + i * dt, at most 2 * buckets points. */
    static double[][] of(double t0, double dt, float[] values, int buckets) {
        int n = values.length;
        if (n <= 2 * buckets) {
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = t0 + i * dt;
                y[i] = values[i];
            }
            return new double[][] {x, y};
        }
        double[] x = new double[2 * buckets];
        double[] y = new double[2 * buckets];
        int k = 0;
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) n * b / buckets);
            int to = (int) ((long) n * (b + 1) / buckets);
            int lo = from;
            int hi = from;
            for (int i = from + 1; i < to; i++) {
                if (values[i] < values[lo]) {
                    lo = i;
                }
                if (values[i] > values[hi]) {
                    hi = i;
                }
            }
            int first = Math.min(lo, hi);
            int second = Math.max(lo, hi);
            x[k] = t0 + first * dt;
            y[k++] = values[first];
            x[k] = t0 + second * dt;
            y[k++] = values[second];
        }
        return new double[][] {x, y};
    }
}
