package org.hhsweep.sim.sensitivity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Morris' trajectories and the elementary-effect statistics, on functions whose effects are known. */
class MorrisTest {

    @Test
    void trajectoriesMoveOneParameterAtATimeOnTheGrid() {
        for (int levels : new int[] {2, 4, 6, 10}) {
            int k = 5;
            MorrisDesign design = new MorrisDesign(k, 200, levels, 77L);
            double delta = (levels / 2) / (double) (levels - 1);
            assertEquals(delta, design.delta(), 0.0);
            int[][] seen = new int[k][levels];
            for (int t = 0; t < design.trajectories(); t++) {
                boolean[] moved = new boolean[k];
                double[] previous = design.unitPoint(design.run(t, 0));
                for (int s = 0; s <= k; s++) {
                    double[] x = design.unitPoint(design.run(t, s));
                    for (int i = 0; i < k; i++) {
                        double level = x[i] * (levels - 1);
                        assertEquals(Math.rint(level), level, 1e-12, "on the grid");
                        seen[i][(int) Math.rint(level)]++;
                    }
                    if (s > 0) {
                        int changed = -1;
                        for (int i = 0; i < k; i++) {
                            if (x[i] != previous[i]) {
                                assertEquals(-1, changed, "one parameter moves per step");
                                changed = i;
                            }
                        }
                        assertTrue(changed >= 0, "a parameter moves at every step");
                        assertFalse(moved[changed], "each parameter moves once");
                        moved[changed] = true;
                        assertEquals(design.trajectory(t).moved(s), changed);
                        double step = x[changed] - previous[changed];
                        assertEquals(design.trajectory(t).up()[changed] ? delta : -delta, step, 1e-12);
                    }
                    previous = x;
                }
            }
            // every level of every parameter is visited about equally often (Morris' design: each
            // of the p levels has probability 1/p): 200 x 6 points per parameter, within 6 standard
            // deviations (a trajectory's k + 1 points share a pair of levels, so at most k + 1 times
            // the binomial variance)
            for (int i = 0; i < k; i++) {
                for (int l = 0; l < levels; l++) {
                    double expected = 200.0 * (k + 1) / levels;
                    assertEquals(expected, seen[i][l], 6 * Math.sqrt((k + 1) * expected),
                            "parameter " + i + ", level " + l + ": " + Arrays.toString(seen[i]));
                }
            }
        }
    }

    @Test
    void trajectoriesAreSeeded() {
        MorrisDesign a = new MorrisDesign(4, 10, 4, 1L);
        MorrisDesign b = new MorrisDesign(4, 10, 4, 1L);
        MorrisDesign c = new MorrisDesign(4, 10, 4, 2L);
        boolean differs = false;
        for (int d = 0; d < a.runs(); d++) {
            assertArrayEquals(a.unitPoint(d), b.unitPoint(d), 0.0);
            differs |= !Arrays.equals(a.unitPoint(d), c.unitPoint(d));
        }
        assertTrue(differs);
        assertThrows(IllegalArgumentException.class, () -> new MorrisDesign(4, 10, 5, 1L));
        assertThrows(IllegalArgumentException.class, () -> new MorrisDesign(4, 1, 4, 1L));
        assertThrows(IllegalArgumentException.class, () -> new MorrisDesign(4, 10, 0, 1L));
    }

    /**
     * For a linear function sum c_i x_i every elementary effect of x_i is c_i (high_i - low_i)
     * (effects are per unit-cube step), so mu_star is |c_i| (high_i - low_i) and sigma and the
     * interval are 0, up to rounding.
     */
    @Test
    void linearFunctionGivesItsCoefficientsTimesRanges() {
        double[] c = {3.0, -2.0, 0.5, 0.0};
        List<SensitivityParam> params = List.of(new SensitivityParam("a", 0, 1), new SensitivityParam("b", 10, 30),
                new SensitivityParam("c", -5, 5), new SensitivityParam("d", 100, 140));
        SensitivitySpec spec = AnalyticFunctions.morris(params, 12, 4, 3);
        double[] y = AnalyticFunctions.outputs(spec, x -> {
            double s = 0;
            for (int i = 0; i < c.length; i++) {
                s += c[i] * x[i];
            }
            return s;
        });
        SensitivityResult r = spec.analyze(y, 0);
        assertEquals(SensitivityMethod.MORRIS, r.method());
        for (int i = 0; i < c.length; i++) {
            SensitivityIndex index = r.indices().get(i);
            double expected = Math.abs(c[i]) * (params.get(i).high() - params.get(i).low());
            assertEquals(expected, index.value("mu_star"), 1e-9 * Math.max(1, expected), index.param());
            assertEquals(0, index.value("sigma"), 1e-9, index.param());
            assertEquals(0, index.value("mu_star_conf"), 1e-9, index.param());
            assertEquals(12, index.used());
            assertEquals(0, index.leftOut());
        }
    }

    /**
     * The g-function with a = (0, 1, 4.5, 9, 99): the smaller a_i the more x_i matters, and
     * mu_star ranks the parameters so (r = 50, p = 4; measured mu_star 2.4, 1.5, 0.54, 0.33, 0.03,
     * each gap several intervals wide).
     */
    @Test
    void muStarRanksTheGFunctionsParameters() {
        double[] a = {0, 1, 4.5, 9, 99};
        SensitivitySpec spec = AnalyticFunctions.morris(AnalyticFunctions.unitParams(a.length), 50, 4, 0);
        SensitivityResult r = spec.analyze(AnalyticFunctions.outputs(spec, x -> AnalyticFunctions.g(a, x)), 0);
        for (int i = 1; i < a.length; i++) {
            SensitivityIndex more = r.indices().get(i - 1);
            SensitivityIndex less = r.indices().get(i);
            assertTrue(more.value("mu_star") - more.value("mu_star_conf") > less.value("mu_star") + less.value("mu_star_conf"),
                    more.param() + " " + Arrays.toString(more.values()) + " vs " + less.param() + " " + Arrays.toString(less.values()));
            assertTrue(more.value("sigma") > 0);
        }
    }

    /** A null output leaves out the (at most two) effects that need it, each counted for its parameter. */
    @Test
    void nullOutputsLeaveOutTheirEffects() {
        List<SensitivityParam> params = AnalyticFunctions.unitParams(3);
        SensitivitySpec spec = AnalyticFunctions.morris(params, 10, 4, 8);
        MorrisDesign design = spec.morris();
        double[] y = AnalyticFunctions.outputs(spec, x -> 2 * x[0] + 5 * x[1] - x[2]);
        // trajectory 0's first point: the effect of its first move; trajectory 1's middle point:
        // the effects of its first and second moves
        y[design.run(0, 0)] = Double.NaN;
        y[design.run(1, 1)] = Double.NaN;
        int[] lost = new int[3];
        lost[design.trajectory(0).moved(1)]++;
        lost[design.trajectory(1).moved(1)]++;
        lost[design.trajectory(1).moved(2)]++;
        SensitivityResult r = spec.analyze(y, 0);
        assertEquals(2, r.nullOutputs());
        double[] coefficient = {2, 5, 1};
        for (int i = 0; i < 3; i++) {
            SensitivityIndex index = r.indices().get(i);
            assertEquals(lost[i], index.leftOut(), index.param());
            assertEquals(10 - lost[i], index.used(), index.param());
            assertEquals(coefficient[i], index.value("mu_star"), 1e-12);
        }
    }
}
