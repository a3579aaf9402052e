package org.hhsweep.sim.sensitivity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hhsweep.sim.config.ConfigLoader;
import org.hhsweep.sim.sweep.SweepSpec;
import org.junit.jupiter.api.Test;

/**
 * A grid point's outputs gathered by run index: a design run's output is the mean over its
 * replicates' neurons, null when any is; runs of other points and runs never given are refused.
 */
class PointOutputsTest {
    private static final SweepSpec SPEC = ConfigLoader.parse("""
            simulation: {duration: 20 ms}
            neurons: 3
            sweep:
              grid: {stimulus.amplitude: [5 uA/cm^2, 10 uA/cm^2, 15 uA/cm^2]}
              seeds: 2
              sensitivity: {samples: 4, params: {model.gNa: {uniform: [100 mS/cm^2, 140 mS/cm^2]}}, outputs: [rate_hz]}
            """, "outputs.yaml").spec();

    @Test
    void aDesignRunsOutputIsTheMeanOverItsReplicatesNeurons() {
        int design = SPEC.sensitivity().runs();
        assertEquals(4 * 3, design);
        assertEquals(2L * design, SPEC.runsPerPoint());
        long point = 1;
        PointOutputs outputs = new PointOutputs(SPEC, point);
        double[] expected = new double[design];
        // value of neuron n in run i: i + n / 10, so design run d (runs 2d and 2d + 1 of the point)
        // has the mean of (first + 2d + n / 10) and (first + 2d + 1 + n / 10)
        long first = SPEC.firstRun(point);
        for (long i = first; i < first + SPEC.runsPerPoint(); i++) {
            for (int n = 0; n < 3; n++) {
                outputs.add(i, i + n / 10.0);
            }
        }
        for (int d = 0; d < design; d++) {
            expected[d] = first + 2 * d + 0.5 + 0.1;
        }
        expected[5] = Double.NaN;
        outputs.add(first + 11, Double.NaN);   // design run 5's second replicate: one null neuron
        assertArrayEquals(expected, outputs.designOutputs(), 1e-9);
        SensitivityResult r = outputs.analyze();
        assertEquals(1, r.nullOutputs());
        // design run 5 is row 1's B (rows of k + 2 = 3 runs): that row is left out
        assertEquals(1, r.indices().get(0).leftOut());
        assertEquals(3, r.indices().get(0).used());
    }

    @Test
    void runsOfOtherPointsAndRunsNeverGivenAreRefused() {
        PointOutputs outputs = new PointOutputs(SPEC, 2);
        long first = SPEC.firstRun(2);
        assertThrows(IllegalArgumentException.class, () -> outputs.add(first - 1, 1.0));
        assertThrows(IllegalArgumentException.class, () -> outputs.add(first + SPEC.runsPerPoint(), 1.0));
        for (long i = first; i < first + SPEC.runsPerPoint() - 1; i++) {
            outputs.add(i, 1.0);
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, outputs::designOutputs);
        assertTrue(e.getMessage().contains("run " + (first + SPEC.runsPerPoint() - 1)), e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> new PointOutputs(SPEC, 3));
    }
}
