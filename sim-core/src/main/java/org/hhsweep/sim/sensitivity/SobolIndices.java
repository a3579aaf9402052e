package org.hhsweep.sim.sensitivity;

/**
 * First-order and total Sobol indices from the outputs of Saltelli's matrices, row by row:
 * f(A)_j, f(B)_j and f(AB_i)_j for the rows j picked (all of them, or a bootstrap resample, where
 * a row may be picked several times).
 *
 * <ul>
 *   <li>S1_i = mean_j f(B)_j (f(AB_i)_j - f(A)_j) / V: Saltelli et al. 2010, table 2 (b);</li>
 *   <li>ST_i = mean_j (f(A)_j - f(AB_i)_j)^2 / (2 V): Jansen 1999 (Saltelli et al. 2010, table 2 (f));</li>
 * </ul>
 * V is the variance (over n, not n - 1) of the f(A) and f(B) values of the rows picked, as SALib
 * computes it. f(B) is centred on the mean of those values first: the S1 estimator is not
 * invariant to a constant added to f unless it is (its error grows with the output's mean), and
 * centring makes it so, as SALib's normalisation of the outputs does. Both indices are NaN when V
 * is 0 (every output equal: no variance to apportion) or fewer than 2 rows are given.
 */
public final class SobolIndices {
    private SobolIndices() {
    }

    /** S1 and ST by parameter, and the variance V they divide. */
    public record Estimate(double[] s1, double[] st, double variance) {
    }

    /** The indices over every row. */
    public static Estimate estimate(double[] a, double[] b, double[][] ab) {
        int[] rows = new int[a.length];
        for (int j = 0; j < rows.length; j++) {
            rows[j] = j;
        }
        return estimate(a, b, ab, rows);
    }

    /**
     * @param a    f(A) by row
     * @param b    f(B) by row
     * @param ab   f(AB_i) by parameter i, then row
     * @param rows the rows to use, repeats allowed
     */
    public static Estimate estimate(double[] a, double[] b, double[][] ab, int[] rows) {
        int k = ab.length;
        int n = rows.length;
        double[] s1 = new double[k];
        double[] st = new double[k];
        double mean = 0;
        for (int j : rows) {
            mean += a[j] + b[j];
        }
        mean /= 2.0 * n;
        double variance = 0;
        for (int j : rows) {
            variance += (a[j] - mean) * (a[j] - mean) + (b[j] - mean) * (b[j] - mean);
        }
        variance /= 2.0 * n;
        if (n < 2 || !(variance > 0)) {
            java.util.Arrays.fill(s1, Double.NaN);
            java.util.Arrays.fill(st, Double.NaN);
            return new Estimate(s1, st, n < 2 ? Double.NaN : variance);
        }
        for (int i = 0; i < k; i++) {
            double first = 0;
            double total = 0;
            double[] abi = ab[i];
            for (int j : rows) {
                double d = abi[j] - a[j];
                first += (b[j] - mean) * d;
                total += d * d;
            }
            s1[i] = first / n / variance;
            st[i] = total / (2.0 * n) / variance;
        }
        return new Estimate(s1, st, variance);
    }
}
