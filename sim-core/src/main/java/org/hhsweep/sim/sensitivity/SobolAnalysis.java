package org.hhsweep.sim.sensitivity;

import java.util.ArrayList;
import java.util.List;

/**
 * S1 and ST with their bootstrap intervals from one grid point's outputs of a Saltelli design.
 *
 * <p>A null output (NaN here) leaves out its whole row: A_j, B_j and every AB_i,j. Every estimator
 * term pairs values of one row, so the rows that remain are a smaller sample of the same kind and
 * the estimates stay those of Saltelli's estimators over them; the rows left out are counted in
 * every index ({@link SensitivityIndex#leftOut()}). They are not a random subset when nulls cluster
 * in a region of the parameters (no spike below some gNa), so then the indices describe the output
 * where it is defined, and many rows left out say so.
 */
final class SobolAnalysis {
    private SobolAnalysis() {
    }

    /**
     * @param y   the outputs by design run, as many as the design has runs ({@link SobolDesign}), NaN where null
     * @param key the bootstrap's random stream
     */
    static List<SensitivityIndex> indices(SobolDesign design, List<String> paths, double[] y, long key) {
        int k = design.params();
        List<Integer> kept = new ArrayList<>();
        for (int j = 0; j < design.samples(); j++) {
            boolean complete = true;
            for (int m = 0; m < k + 2 && complete; m++) {
                complete = !Double.isNaN(y[design.run(j, m)]);
            }
            if (complete) {
                kept.add(j);
            }
        }
        int n = kept.size();
        double[] a = new double[n];
        double[] b = new double[n];
        double[][] ab = new double[k][n];
        for (int r = 0; r < n; r++) {
            int j = kept.get(r);
            a[r] = y[design.run(j, 0)];
            b[r] = y[design.run(j, k + 1)];
            for (int i = 0; i < k; i++) {
                ab[i][r] = y[design.run(j, i + 1)];
            }
        }
        SobolIndices.Estimate estimate = SobolIndices.estimate(a, b, ab);
        double[][] s1 = new double[k][Bootstrap.RESAMPLES];
        double[][] st = new double[k][Bootstrap.RESAMPLES];
        if (n >= 2) {
            for (int r = 0; r < Bootstrap.RESAMPLES; r++) {
                SobolIndices.Estimate e = SobolIndices.estimate(a, b, ab, Bootstrap.resample(n, key, r));
                for (int i = 0; i < k; i++) {
                    s1[i][r] = e.s1()[i];
                    st[i][r] = e.st()[i];
                }
            }
        }
        List<SensitivityIndex> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            double[] values = {estimate.s1()[i], n >= 2 ? Bootstrap.halfWidth(s1[i]) : Double.NaN,
                    estimate.st()[i], n >= 2 ? Bootstrap.halfWidth(st[i]) : Double.NaN};
            out.add(new SensitivityIndex(paths.get(i), SensitivityMethod.SOBOL, values, n, design.samples() - n));
        }
        return out;
    }
}
