package org.hhsweep.sim.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.hhsweep.sim.stats.NeuronStatistics;
import org.junit.jupiter.api.Test;

/** The loss against values worked by hand. */
class FitLossTest {
    /** Three amplitudes; no first spike observed at the first. */
    private static final Target TARGET = new Target("t.csv", List.of("stimulus.amplitude"),
            List.of("rate_hz", "first_spike_ms"), new double[][] {{2}, {5}, {10}},
            new Double[][] {{0.0, null}, {50.0, 12.0}, {70.0, 4.0}});
    private static final FitLoss LOSS = new FitLoss(TARGET,
            List.of(new LossTerm("rate_hz", 1), new LossTerm("first_spike_ms", 0.5)));

    @Test
    void scalesAreTheObservedSpreads() {
        // rate: mean 40, squared deviations 1600 + 100 + 900 = 2600 over 3 rows
        assertEquals(Math.sqrt(2600.0 / 3), LOSS.scale(0), 1e-12);
        // first spike: 12 and 4 (the empty cell left out), mean 8, sd 4
        assertEquals(4.0, LOSS.scale(1), 0.0);
    }

    @Test
    void aCandidateScoresItsWeightedNormalisedSquaredErrors() {
        Double[][] predicted = {{10.0, 5.0}, {50.0, null}, {70.0, 6.0}};
        FitLoss.Evaluation e = LOSS.evaluate(predicted);
        // rate: only row 1 is off, by 10: (10^2 / (2600/3)) / 3 rows = 100/2600 = 1/26
        // first spike: row 1 skipped (not observed), row 2 missed (4), row 3 ((6-4)/4)^2 = 0.25: (4 + 0.25) / 2
        assertArrayEquals(new double[] {1.0 / 26, 2.125}, e.errors(), 1e-15);
        assertArrayEquals(new int[] {0, 1}, e.missed());
        assertEquals(1.0 / 26 + 0.5 * 2.125, e.loss(), 1e-15);
    }

    @Test
    void predictingTheObservedMeanEverywhereScoresOneAndTheTargetItselfZero() {
        FitLoss.Evaluation mean = LOSS.evaluate(new Double[][] {{40.0, 8.0}, {40.0, 8.0}, {40.0, 8.0}});
        assertArrayEquals(new double[] {1, 1}, mean.errors(), 1e-12);
        assertEquals(1.5, mean.loss(), 1e-12);
        FitLoss.Evaluation exact = LOSS.evaluate(new Double[][] {{0.0, 99.0}, {50.0, 12.0}, {70.0, 4.0}});
        assertEquals(0.0, exact.loss(), 0.0);
        FitLoss.Evaluation silent = LOSS.evaluate(new Double[][] {{0.0, null}, {0.0, null}, {0.0, null}});
        // a run that never spikes: rate (0, 50^2, 70^2)/(2600/3)/3 = 7400/2600; every first spike missed
        assertArrayEquals(new double[] {7400.0 / 2600, FitLoss.MISSED_PENALTY}, silent.errors(), 1e-12);
        assertArrayEquals(new int[] {0, 2}, silent.missed());
    }

    @Test
    void aSpreadOfNothingFallsBackToTheValueThenToOne() {
        Target t = new Target("t.csv", List.of("stimulus.amplitude"), List.of("rate_hz", "v_min_mV", "spike_count", "cv_isi"),
                new double[][] {{1}, {2}}, new Double[][] {{null, -65.0, 0.0, 0.5}, {30.0, -65.0, 0.0, null}});
        FitLoss l = new FitLoss(t, List.of(new LossTerm("rate_hz", 1), new LossTerm("v_min_mV", 1),
                new LossTerm("spike_count", 1), new LossTerm("cv_isi", 1)));
        assertEquals(30.0, l.scale(0), 0.0);    // one observed value
        assertEquals(65.0, l.scale(1), 0.0);    // all equal: |value|
        assertEquals(1.0, l.scale(2), 0.0);     // all 0
        assertEquals(0.5, l.scale(3), 0.0);
        FitLoss.Evaluation e = l.evaluate(new Double[][] {{1.0, -60.0, 2.0, 0.25}, {45.0, -78.0, 0.0, 1.0}});
        assertArrayEquals(new double[] {0.25, (1.0 / 169 + 0.04) / 2, 2.0, 0.25}, e.errors(), 1e-15);
    }

    @Test
    void aRowsPredictionIsTheMeanOfItsNeuronsThatHaveOne() {
        assertEquals(2.0, FitLoss.prediction(Arrays.asList(1, null, 3)));
        assertEquals(2.5, FitLoss.prediction(List.of(2.5)));
        assertNull(FitLoss.prediction(Arrays.asList(null, null)));
        assertNull(FitLoss.prediction(List.of()));
        NeuronStatistics spiking = new NeuronStatistics(3, 30.0, null, 12.0, 20.0, 0.1, -70.0, 40.0, NeuronStatistics.OK, null);
        NeuronStatistics faster = new NeuronStatistics(5, 50.0, null, 8.0, 15.0, 0.1, -70.0, 40.0, NeuronStatistics.OK, null);
        NeuronStatistics silent = new NeuronStatistics(0, 0.0, null, null, null, null, -65.0, -60.0, NeuronStatistics.OK, null);
        assertArrayEquals(new Double[] {80.0 / 3, 10.0}, LOSS.predict(List.of(spiking, faster, silent)));
        assertArrayEquals(new Double[] {0.0, null}, LOSS.predict(List.of(silent)));
    }

    @Test
    void mismatchedInputsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> LOSS.evaluate(new Double[][] {{1.0, 1.0}}));
        assertThrows(IllegalArgumentException.class, () -> LOSS.evaluate(new Double[][] {{1.0}, {1.0}, {1.0}}));
        assertThrows(IllegalArgumentException.class, () -> new FitLoss(TARGET, List.of(new LossTerm("cv_isi", 1))));
        Target unobserved = new Target("t.csv", List.of(), List.of("first_spike_ms"), new double[][] {{}},
                new Double[][] {{null}});
        assertThrows(IllegalArgumentException.class,
                () -> new FitLoss(unobserved, List.of(new LossTerm("first_spike_ms", 1))));
    }
}
