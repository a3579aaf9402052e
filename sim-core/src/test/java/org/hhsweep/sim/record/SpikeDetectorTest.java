package org.hhsweep.sim.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.hhsweep.sim.config.ModelLibrary;
import org.hhsweep.sim.model.NeuronModel;
import org.hhsweep.sim.model.NeuronBlock;
import org.junit.jupiter.api.Test;

/**
 * The detector counts exactly the upward crossings V_before &lt; V_th &lt;= V_after, whatever the
 * block size (its scan tests groups of neurons first) and for awkward values: V exactly at the
 * threshold, NaN, infinities, signed zeros, thresholds of 0 and of either sign.
 */
class SpikeDetectorTest {
    private static final double[] AWKWARD = {
        20.0, Math.nextUp(20.0), Math.nextDown(20.0), 0.0, -0.0, -20.0, 1e300, -1e300,
        Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -65.0, 40.0,
    };

    @Test
    void countsExactlyTheUpwardCrossingsForAnyBlockSize() {
        SplittableRandom random = new SplittableRandom(6);
        for (int size : new int[] {1, 7, 63, 64, 65, 130, 1024}) {
            NeuronBlock block = NeuronBlock.uniform(size, ModelLibrary.hh());
            for (int i = 0; i < size; i++) {
                block.Vth[i] = random.nextInt(4) == 0 ? pick(random) : 20.0;
            }
            SpikeDetector detector = new SpikeDetector(size, 0.01, 0, 1000, true);
            int[] expected = new int[size];
            double[] vBefore = new double[size];
            for (long step = 0; step < 300; step++) {
                for (int i = 0; i < size; i++) {
                    vBefore[i] = pick(random);
                    block.V[i] = pick(random);
                    if (vBefore[i] < block.Vth[i] && block.V[i] >= block.Vth[i]) {
                        expected[i]++;
                    }
                }
                detector.afterStep(step, block, vBefore, null);
            }
            for (int i = 0; i < size; i++) {
                assertEquals(expected[i], detector.count(i), "size " + size + ", neuron " + i);
            }
        }
    }

    @Test
    void aSingleCrossingAmongQuietNeuronsIsFoundInEveryPosition() {
        int size = 200;
        NeuronBlock block = NeuronBlock.uniform(size, ModelLibrary.hh());
        double[] vBefore = new double[size];
        for (int at = 0; at < size; at++) {
            SpikeDetector detector = new SpikeDetector(size, 0.01, 0, 10, true);
            java.util.Arrays.fill(vBefore, -65.0);
            java.util.Arrays.fill(block.V, -64.0);
            vBefore[at] = 19.0;
            block.V[at] = 20.0; // exactly at the threshold counts
            detector.afterStep(4, block, vBefore, null);
            for (int i = 0; i < size; i++) {
                assertEquals(i == at ? 1 : 0, detector.count(i));
            }
            assertArrayEquals(new double[] {0.05}, detector.times(at), 1e-15);
            assertArrayEquals(new double[] {0.05}, detector.interpolatedTimes(at), 1e-15);
            assertEquals(1, detector.windowCount(at));
        }
    }

    private static double pick(SplittableRandom random) {
        return random.nextInt(3) == 0 ? AWKWARD[random.nextInt(AWKWARD.length)] : random.nextDouble(-80.0, 50.0);
    }

    /** With r refractory steps a crossing counts only r or more steps after the last spike; fired lists each step's spikers. */
    @Test
    void refractoryStepsAndTheFiredList() {
        NeuronBlock block = NeuronBlock.uniform(2, ModelLibrary.hh());
        SpikeDetector detector = new SpikeDetector(2, 0.1, 0, 0, true, 3);
        double[] vBefore = new double[2];
        int[] firedAt = new int[12];
        for (int k = 0; k < 12; k++) {
            // neuron 0 crosses every step, neuron 1 never
            vBefore[0] = 0.0;
            block.V[0] = 30.0;
            vBefore[1] = 0.0;
            block.V[1] = 0.0;
            detector.afterStep(k, block, vBefore, new double[2]);
            firedAt[k] = detector.firedCount();
            if (detector.firedCount() == 1) {
                assertEquals(0, detector.fired(0));
            }
        }
        assertArrayEquals(new int[] {1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0}, firedAt);
        assertEquals(4, detector.count(0));
        assertEquals(0, detector.count(1));
        assertArrayEquals(new double[] {0.1, 0.4, 0.7, 1.0}, detector.times(0), 1e-12);
    }

    /**
     * Brian2's refractory rule: V above V_th when the period ends is a spike even without a
     * crossing in that step, so a crossing held back by the period counts late; V that stays below
     * after the period does not.
     */
    @Test
    void aCrossingHeldBackCountsWhenThePeriodEndsIfVIsStillAbove() {
        NeuronBlock block = NeuronBlock.uniform(2, ModelLibrary.hh());
        SpikeDetector detector = new SpikeDetector(2, 0.1, 0, 0, true, 3);
        // neuron 0: crosses at step 0, falls, crosses again at step 1 (refractory) and stays above;
        // neuron 1: crosses at step 0, crosses again at step 1 (refractory), below from step 2 on
        double[][] v0 = {{0, 30}, {10, 30}, {30, 30}, {30, 30}, {30, 5}};
        double[][] v1 = {{0, 30}, {10, 30}, {30, 5}, {5, 5}, {5, 5}};
        int[] firedAt = new int[5];
        for (int k = 0; k < 5; k++) {
            double[] vBefore = {v0[k][0], v1[k][0]};
            block.V[0] = v0[k][1];
            block.V[1] = v1[k][1];
            detector.afterStep(k, block, vBefore, new double[2]);
            firedAt[k] = detector.firedCount();
        }
        assertArrayEquals(new int[] {2, 0, 0, 1, 0}, firedAt);
        assertArrayEquals(new double[] {0.1, 0.4}, detector.times(0), 1e-12);
        assertArrayEquals(new double[] {0.1}, detector.times(1), 1e-12);
        assertEquals(0.4, detector.interpolatedTimes(0)[1], 1e-12, "above all step: the step's end");
    }
}
