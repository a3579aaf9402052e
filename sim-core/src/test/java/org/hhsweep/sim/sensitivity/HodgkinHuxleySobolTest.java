package org.hhsweep.sim.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.LongStream;
import org.hhsweep.sim.BlockResult;
import org.hhsweep.sim.Simulator;
import org.hhsweep.sim.config.ConfigLoader;
import org.hhsweep.sim.sweep.BlockPlanner;
import org.hhsweep.sim.sweep.RunSpec;
import org.hhsweep.sim.sweep.SweepSpec;
import org.junit.jupiter.api.Test;

/**
 * Sobol indices of the HH model from a small Saltelli design, through the engine's design,
 * PointOutputs and estimators, against a brute-force estimate computed here independently: the
 * same model simulated on a fine midpoint grid over the three parameters' box, and the variances
 * of the definitions (S1_i = Var(E[Y | x_i]) / Var(Y), ST_i = E[Var(Y | x_~i)] / Var(Y)) taken over
 * the grid as quadratures.
 */
class HodgkinHuxleySobolTest {
    private static final String[] PATHS = {"model.gNa", "model.gK", "model.gL"};
    private static final double[] LOW = {100, 30, 0.1};
    private static final double[] HIGH = {140, 42, 0.5};
    private static final String UNIT = "mS/cm^2";
    private static final String OUTPUT = "first_spike_ms";
    /** A constant input every corner of the box fires with: no null output. */
    private static final String RUN = String.join("\n",
            "simulation: {duration: 20 ms, dt: 0.005 ms}",
            "neurons: 1",
            "stimulus: {type: constant, amplitude: 10 uA/cm^2}",
            "");
    /** Base samples of the small design: 256 x (3 + 2) = 1,280 runs. */
    private static final int SAMPLES = 256;
    /** Grid values per parameter of the brute-force estimate: 20^3 = 8,000 runs. */
    private static final int GRID = 20;
    /**
     * How far the small design's index may be from the brute-force one beyond its own bootstrap
     * half-width: the quadrature's error (the grid's S1 and ST moved by at most 0.0002 from 14 to
     * 20 values per axis, measured) and the output's step (first_spike_ms moves in whole steps of dt).
     */
    private static final double TOLERANCE = 0.01;
    /**
     * How far the small design's index may be from the brute-force one at all: measured at most
     * 0.0065 (S1 of gNa and gL; ST within 0.0011), where the half-widths are 0.036 to 0.098.
     */
    private static final double AGREEMENT = 0.02;

    @Test
    void aSmallSaltelliDesignAgreesWithABruteForceEstimateOnTheHhModel() {
        SweepSpec small = ConfigLoader.parse(RUN + String.join("\n",
                "seed: 11",
                "sweep:",
                "  sensitivity:",
                "    samples: " + SAMPLES,
                "    params: {" + params() + "}",
                "    outputs: [" + OUTPUT + "]",
                ""), "hh-sobol.yaml").spec();
        double[] y = outputs(small);
        PointOutputs point = new PointOutputs(small, 0);
        for (int i = 0; i < y.length; i++) {
            point.add(i, y[i]);
        }
        SensitivityResult design = point.analyze();
        assertEquals(0, design.nullOutputs(), "every run fires");

        double[][] brute = bruteForce();
        for (int a = 0; a < PATHS.length; a++) {
            SensitivityIndex index = design.index(PATHS[a]);
            assertEquals(SAMPLES, index.used());
            check(PATHS[a] + " S1", index.value("S1"), index.value("S1_conf"), brute[0][a]);
            check(PATHS[a] + " ST", index.value("ST"), index.value("ST_conf"), brute[1][a]);
        }
        // the brute force's own consistency: first-order shares add up to at most the whole, totals at least
        double s1 = brute[0][0] + brute[0][1] + brute[0][2];
        double st = brute[1][0] + brute[1][1] + brute[1][2];
        assertTrue(s1 <= 1 + 1e-9 && st >= 1 - 1e-9, "sum S1 " + s1 + ", sum ST " + st);
    }

    private static void check(String what, double estimate, double conf, double brute) {
        String message = String.format(Locale.ROOT, "%s: %.4f ± %.4f from %d base samples, %.4f by brute force", what,
                estimate, conf, SAMPLES, brute);
        assertTrue(Math.abs(estimate - brute) <= conf + TOLERANCE, message);
        assertTrue(Math.abs(estimate - brute) <= AGREEMENT, message);
    }

    private static String params() {
        List<String> p = new ArrayList<>();
        for (int a = 0; a < PATHS.length; a++) {
            p.add(PATHS[a] + ": {uniform: [" + LOW[a] + " " + UNIT + ", " + HIGH[a] + " " + UNIT + "]}");
        }
        return String.join(", ", p);
    }

    /**
     * S1 (row 0) and ST (row 1) of every parameter as quadratures over a midpoint grid of the box:
     * f[i][j][l] the output at the grid's values, V its variance over the grid, S1_a the variance
     * of the means over the other two axes at each value of axis a, ST_a the mean over the other
     * two axes' values of the variance along axis a, both over V.
     */
    private static double[][] bruteForce() {
        StringBuilder grid = new StringBuilder();
        for (int a = 0; a < PATHS.length; a++) {
            List<String> values = new ArrayList<>();
            for (int j = 0; j < GRID; j++) {
                values.add(value(a, j) + " " + UNIT);
            }
            grid.append(a == 0 ? "" : ", ").append(PATHS[a]).append(": [").append(String.join(", ", values)).append("]");
        }
        SweepSpec spec = ConfigLoader.parse(RUN + "sweep:\n  grid: {" + grid + "}\n", "hh-grid.yaml").spec();
        double[] y = outputs(spec);
        double[][][] f = new double[GRID][GRID][GRID];
        for (int r = 0; r < y.length; r++) {
            double[] v = spec.run(r).sweptValues();
            f[index(0, v[0])][index(1, v[1])][index(2, v[2])] = y[r];
        }
        double mean = 0;
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                for (int l = 0; l < GRID; l++) {
                    assertTrue(!Double.isNaN(f[i][j][l]), "every grid run fires");
                    mean += f[i][j][l];
                }
            }
        }
        mean /= (double) GRID * GRID * GRID;
        double variance = 0;
        double[][] conditionalMean = new double[PATHS.length][GRID];
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                for (int l = 0; l < GRID; l++) {
                    double d = f[i][j][l] - mean;
                    variance += d * d;
                    conditionalMean[0][i] += f[i][j][l] / (GRID * GRID);
                    conditionalMean[1][j] += f[i][j][l] / (GRID * GRID);
                    conditionalMean[2][l] += f[i][j][l] / (GRID * GRID);
                }
            }
        }
        variance /= (double) GRID * GRID * GRID;
        double[][] out = new double[2][PATHS.length];
        for (int a = 0; a < PATHS.length; a++) {
            double v = 0;
            for (double m : conditionalMean[a]) {
                v += (m - mean) * (m - mean);
            }
            out[0][a] = v / GRID / variance;
        }
        for (int a = 0; a < PATHS.length; a++) {
            double total = 0;
            for (int p = 0; p < GRID; p++) {
                for (int q = 0; q < GRID; q++) {
                    double[] line = new double[GRID];
                    for (int t = 0; t < GRID; t++) {
                        line[t] = a == 0 ? f[t][p][q] : a == 1 ? f[p][t][q] : f[p][q][t];
                    }
                    total += populationVariance(line);
                }
            }
            out[1][a] = total / (GRID * GRID) / variance;
        }
        return out;
    }

    private static double populationVariance(double[] x) {
        double m = 0;
        for (double v : x) {
            m += v / x.length;
        }
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return s / x.length;
    }

    /** The midpoint of cell j of parameter a's range cut in GRID cells. */
    private static double value(int a, int j) {
        return LOW[a] + (j + 0.5) * (HIGH[a] - LOW[a]) / GRID;
    }

    private static int index(int a, double v) {
        return (int) Math.round((v - LOW[a]) / (HIGH[a] - LOW[a]) * GRID - 0.5);
    }

    /** Every run's output (one neuron a run), NaN where null. */
    private static double[] outputs(SweepSpec spec) {
        List<RunSpec> runs = LongStream.range(0, spec.runCount()).mapToObj(spec::run).toList();
        double[] y = new double[runs.size()];
        for (BlockPlanner.Block block : BlockPlanner.plan(runs)) {
            BlockResult result = Simulator.simulate(block.settings(), block.neurons(runs));
            for (int p = 0; p < block.size(); p++) {
                Number v = result.statistics()[p].value(OUTPUT);
                y[block.run(p)] = v == null ? Double.NaN : v.doubleValue();
            }
        }
        return y;
    }
}
