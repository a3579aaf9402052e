package org.hhsweep.sim.sensitivity;

import java.util.ArrayList;
import java.util.List;

/**
 * Test functions with known Sobol indices, worked from their formulas here (not by the code under
 * test): Ishigami and Homma 1990 and Sobol's g-function (Saltelli et al. 2010, section 4).
 */
final class AnalyticFunctions {
    private AnalyticFunctions() {
    }

    static final double ISHIGAMI_A = 7;
    static final double ISHIGAMI_B = 0.1;

    /** sin x1 + a sin^2 x2 + b x3^4 sin x1 on [-pi, pi]^3. */
    static double ishigami(double[] x) {
        return Math.sin(x[0]) + ISHIGAMI_A * Math.pow(Math.sin(x[1]), 2)
                + ISHIGAMI_B * Math.pow(x[2], 4) * Math.sin(x[0]);
    }

    static List<SensitivityParam> ishigamiParams() {
        return List.of(new SensitivityParam("x1", -Math.PI, Math.PI), new SensitivityParam("x2", -Math.PI, Math.PI),
                new SensitivityParam("x3", -Math.PI, Math.PI));
    }

    /**
     * The partial variances: V1 = (1 + b pi^4 / 5)^2 / 2, V2 = a^2 / 8, V3 = 0, V13 = b^2 pi^8 (1/18 - 1/50);
     * S1 = (0.314, 0.442, 0), ST = (0.558, 0.442, 0.244).
     */
    static double[][] ishigamiIndices() {
        double a = ISHIGAMI_A;
        double b = ISHIGAMI_B;
        double pi4 = Math.pow(Math.PI, 4);
        double pi8 = Math.pow(Math.PI, 8);
        double v1 = 0.5 * Math.pow(1 + b * pi4 / 5, 2);
        double v2 = a * a / 8;
        double v13 = b * b * pi8 * (1.0 / 18 - 1.0 / 50);
        double v = v1 + v2 + v13;
        return new double[][] {{v1 / v, v2 / v, 0}, {(v1 + v13) / v, v2 / v, v13 / v}};
    }

    /** prod_i (|4 x_i - 2| + a_i) / (1 + a_i) on [0, 1]^k. */
    static double g(double[] a, double[] x) {
        double p = 1;
        for (int i = 0; i < a.length; i++) {
            p *= (Math.abs(4 * x[i] - 2) + a[i]) / (1 + a[i]);
        }
        return p;
    }

    static List<SensitivityParam> unitParams(int k) {
        List<SensitivityParam> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            out.add(new SensitivityParam("x" + (i + 1), 0, 1));
        }
        return out;
    }

    /** V_i = 1 / (3 (1 + a_i)^2), V = prod (1 + V_i) - 1; S1_i = V_i / V, ST_i = V_i prod_(j != i) (1 + V_j) / V. */
    static double[][] gIndices(double[] a) {
        int k = a.length;
        double[] vi = new double[k];
        double prod = 1;
        for (int i = 0; i < k; i++) {
            vi[i] = 1.0 / (3 * (1 + a[i]) * (1 + a[i]));
            prod *= 1 + vi[i];
        }
        double v = prod - 1;
        double[][] out = new double[2][k];
        for (int i = 0; i < k; i++) {
            out[0][i] = vi[i] / v;
            out[1][i] = vi[i] * prod / (1 + vi[i]) / v;
        }
        return out;
    }

    /** f at every design run of a spec. */
    static double[] outputs(SensitivitySpec spec, java.util.function.ToDoubleFunction<double[]> f) {
        double[] y = new double[spec.runs()];
        for (int d = 0; d < y.length; d++) {
            y[d] = f.applyAsDouble(spec.values(d));
        }
        return y;
    }

    static SensitivitySpec sobol(List<SensitivityParam> params, int samples, long seed) {
        return new SensitivitySpec(SensitivityMethod.SOBOL, samples, 0, params, List.of("rate_hz"), seed);
    }

    static SensitivitySpec morris(List<SensitivityParam> params, int trajectories, int levels, long seed) {
        return new SensitivitySpec(SensitivityMethod.MORRIS, trajectories, levels, params, List.of("rate_hz"), seed);
    }
}
