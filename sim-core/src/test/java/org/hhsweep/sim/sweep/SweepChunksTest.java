package org.hhsweep.sim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import org.hhsweep.sim.integrate.Method;
import org.hhsweep.sim.model.HHParameters;
import org.hhsweep.sim.stimulus.StimulusSpec;
import org.junit.jupiter.api.Test;

class SweepChunksTest {

    @Test
    void chunksTileTheRunRangeInOrderWithoutGapsOrOverlap() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            long runs = 1 + random.nextLong(100_000);
            long per = 1 + random.nextLong(5_000);
            SweepChunks chunks = new SweepChunks(runs, per);
            long expected = 0;
            for (long c = 0; c < chunks.count(); c++) {
                assertEquals(expected, chunks.firstRun(c));
                long end = chunks.endRun(c);
                assertEquals(c < chunks.count() - 1 ? per : runs - expected, end - expected);
                expected = end;
            }
            assertEquals(runs, expected);
        }
    }

    @Test
    void ruleBoundsNeuronsAndNeuronSteps() {
        // tutorial: 1 run of 10 neurons x 10,000 steps
        assertEquals(new SweepChunks(1, 409), SweepChunks.of(1, 10, 10_000));
        // 1-neuron runs of 1 s at 0.01 ms: 5e7 / 1e5 = 500 runs, under the 4096-neuron bound
        assertEquals(500, SweepChunks.of(10_000, 1, 100_000).runsPerChunk());
        // short runs: the neuron bound decides
        assertEquals(4096, SweepChunks.of(10_000, 1, 1_000).runsPerChunk());
        // a run over both bounds is a chunk of its own
        assertEquals(1, SweepChunks.of(3, 10_000, 1_000_000).runsPerChunk());
        assertEquals(3, SweepChunks.of(3, 10_000, 1_000_000).count());
    }

    @Test
    void longestRunComesFromSweptDtAndDuration() {
        RunTemplate base = new RunTemplate(0.01, 100, Method.EXP_EULER_REFERENCE, Double.NaN, Double.NaN,
                HHParameters.DEFAULTS, -65, new StimulusSpec.Constant(5), 2, 0, List.of(), 0.01, false);
        SweepSpec plain = new SweepSpec("s", 1, base, List.of(), 0, List.of(), 3);
        assertEquals(10_000, SweepChunks.maxStepsPerRun(plain));
        SweepSpec swept = new SweepSpec("s", 1, base, List.of(
                new SweepSpec.GridAxis(RunTemplate.DT, new double[] {0.05, 0.005, 0.02}),
                new SweepSpec.GridAxis(RunTemplate.DURATION, new double[] {50, 300})), 0, List.of(), 1);
        assertEquals(60_000, SweepChunks.maxStepsPerRun(swept));
        assertEquals(SweepChunks.of(6, 2, 60_000), SweepChunks.of(swept));
    }

    @Test
    void chunkOutsideTheRangeIsRejected() {
        SweepChunks chunks = new SweepChunks(10, 4);
        assertEquals(3, chunks.count());
        assertThrows(IndexOutOfBoundsException.class, () -> chunks.firstRun(3));
        assertThrows(IndexOutOfBoundsException.class, () -> chunks.endRun(-1));
    }
}
