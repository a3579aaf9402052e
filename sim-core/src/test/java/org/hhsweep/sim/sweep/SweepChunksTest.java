package org.hhsweep.sim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.hhsweep.sim.integrate.Method;
import org.hhsweep.sim.config.ModelLibrary;
import org.hhsweep.sim.model.NeuronModel;
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
    void ruleGivesSeveralChunksPerCoreWithinTheWorkBounds() {
        // 400 runs x 1 neuron x 1 s at 0.01 ms (the sweep that used to be one chunk): 4 chunks per core
        assertEquals(new SweepChunks(400, 50), SweepChunks.of(400, 1, 100_000, 2));
        assertEquals(8, SweepChunks.of(400, 1, 100_000, 2).count());
        assertEquals(new SweepChunks(400, 100), SweepChunks.of(400, 1, 100_000, 1));
        // many cores: no chunk below 5e6 neuron-steps (50 runs of 1e5), so 8 chunks, not 256
        assertEquals(new SweepChunks(400, 50), SweepChunks.of(400, 1, 100_000, 64));
        // a large sweep: 5e7 neuron-steps per chunk at most (500 runs of 1e5), whatever the cores
        assertEquals(500, SweepChunks.of(20_000, 1, 100_000, 2).runsPerChunk());
        assertEquals(500, SweepChunks.of(20_000, 1, 100_000, 1).runsPerChunk());
        // tutorial: 1 run of 10 neurons x 10,000 steps is one chunk
        assertEquals(1, SweepChunks.of(1, 10, 10_000, 2).count());
        // a small sweep (24 runs of 2e4 neuron-steps, 4.8e5 in all) stays one chunk, however many cores
        assertEquals(1, SweepChunks.of(24, 5, 4_000, 2).count());
        assertEquals(1, SweepChunks.of(24, 5, 4_000, 64).count());
        // short runs: the neuron bound decides
        assertEquals(4096, SweepChunks.of(10_000, 1, 1_000, 2).runsPerChunk());
        // a run over both bounds is a chunk of its own
        assertEquals(1, SweepChunks.of(3, 10_000, 1_000_000, 2).runsPerChunk());
        assertEquals(3, SweepChunks.of(3, 10_000, 1_000_000, 2).count());
        // steps x neurons beyond a long do not overflow into a small chunk work
        assertEquals(1, SweepChunks.of(5, 1_000_000, Long.MAX_VALUE / 2, 2).runsPerChunk());
    }

    @Test
    void everyChunkStaysWithinTheBoundsForManySweepsAndCoreCounts() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 2000; trial++) {
            long runs = 1 + random.nextLong(1_000_000);
            int neurons = 1 + random.nextInt(10_000);
            long steps = 1 + random.nextLong(10_000_000);
            int cores = 1 + random.nextInt(512);
            SweepChunks chunks = SweepChunks.of(runs, neurons, steps, cores);
            long per = chunks.runsPerChunk();
            String what = runs + " runs x " + neurons + " neurons x " + steps + " steps on " + cores + " cores";
            if (per > 1) {
                assertTrue(per * neurons <= SweepChunks.MAX_NEURONS, what);
                assertTrue((double) per * neurons * steps <= SweepChunks.TARGET_NEURON_STEPS, what);
            }
            // with runs enough for 4 chunks per core, fewer than 2 per core only where a chunk of one
            // run fewer would fall below the work floor
            if (runs >= (long) SweepChunks.CHUNKS_PER_CORE * cores && chunks.count() < 2L * cores) {
                assertTrue((double) (per - 1) * neurons * steps < SweepChunks.MIN_NEURON_STEPS, what);
            }
        }
    }

    @Test
    void longestRunComesFromSweptDtAndDuration() {
        RunTemplate base = new RunTemplate(0.01, 100, Method.EXP_EULER_REFERENCE, Double.NaN, Double.NaN,
                ModelLibrary.hh(), -65, new StimulusSpec.Constant(5), 2, 0, List.of(), 0.01, false);
        SweepSpec plain = new SweepSpec("s", 1, base, List.of(), 0, List.of(), 3);
        assertEquals(10_000, SweepChunks.maxStepsPerRun(plain));
        SweepSpec swept = new SweepSpec("s", 1, base, List.of(
                new SweepSpec.GridAxis(RunTemplate.DT, new double[] {0.05, 0.005, 0.02}),
                new SweepSpec.GridAxis(RunTemplate.DURATION, new double[] {50, 300})), 0, List.of(), 1);
        assertEquals(60_000, SweepChunks.maxStepsPerRun(swept));
        assertEquals(SweepChunks.of(6, 2, 60_000, 3), SweepChunks.of(swept, 3));
    }

    @Test
    void chunkOutsideTheRangeIsRejected() {
        SweepChunks chunks = new SweepChunks(10, 4);
        assertEquals(3, chunks.count());
        assertThrows(IndexOutOfBoundsException.class, () -> chunks.firstRun(3));
        assertThrows(IndexOutOfBoundsException.class, () -> chunks.endRun(-1));
    }
}
