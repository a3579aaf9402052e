package org.hhsweep.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hhsweep.sim.integrate.Method;
import org.hhsweep.sim.config.ModelLibrary;
import org.hhsweep.sim.model.NeuronModel;
import org.hhsweep.sim.model.NeuronBlock;
import org.hhsweep.sim.record.DivergenceGuard;
import org.hhsweep.sim.stats.NeuronStatistics;
import org.hhsweep.sim.stimulus.StimulusSpec;
import org.junit.jupiter.api.Test;

/**
 * A neuron whose V becomes NaN, infinite or larger in magnitude than the bound is flagged at the
 * step where that first happened, found here independently from a float64 recording; its
 * statistics are null and its spike lists empty, and its neighbours are untouched.
 */
class DivergenceTest {

    private static NeuronSpec constant(double current, long index) {
        return NeuronSpec.of(ModelLibrary.hh(), new StimulusSpec.Constant(current), 5, index);
    }

    /** The first step whose new V fails |V| <= bound (NaN fails it), or -1. */
    private static long firstBadStep(StateHistory h, double bound) {
        for (int k = 0; k < h.v.length; k++) {
            if (!(Math.abs(h.v[k]) <= bound)) {
                return k;
            }
        }
        return -1;
    }

    private static void assertDiverged(BlockResult result, int i, long step) {
        NeuronStatistics s = result.statistics()[i];
        assertEquals(NeuronStatistics.DIVERGED, s.status(), "neuron " + i);
        assertTrue(s.diverged());
        assertEquals(step, s.divergedStep(), "neuron " + i + " diverged step");
        assertNull(s.spikeCount());
        assertNull(s.rateHz());
        assertNull(s.windowRateHz());
        assertNull(s.firstSpikeMs());
        assertNull(s.meanIsiMs());
        assertNull(s.cvIsi());
        assertNull(s.vMinMv());
        assertNull(s.vMaxMv());
        assertEquals(0, result.spikeTimes()[i].length);
        assertEquals(0, result.interpolatedTimes()[i].length);
    }

    /** Each healthy neuron must give exactly what it gives in a block of its own. */
    private static void assertLikeAlone(SimulationSettings settings, NeuronSpec[] block, BlockResult result, int i) {
        BlockResult alone = Simulator.simulate(settings, new NeuronSpec[] {block[i]});
        NeuronStatistics s = result.statistics()[i];
        assertEquals(NeuronStatistics.OK, s.status(), "neuron " + i);
        assertNull(s.divergedStep());
        assertEquals(alone.statistics()[0], s, "neuron " + i);
        assertArrayEquals(alone.spikeTimes()[0], result.spikeTimes()[i], "neuron " + i);
        assertArrayEquals(alone.interpolatedTimes()[0], result.interpolatedTimes()[i], "neuron " + i);
    }

    @Test
    void rk4BlowsUpThroughSpikesAtDt01WhileSubthresholdNeighboursGoOn() {
        SimulationSettings settings = SimulationSettings.of(0.1, 50.0, Method.RK4).withWindow(10.0, 40.0);
        NeuronSpec[] block = {constant(0, 0), constant(10, 1), constant(2, 2), constant(100, 3), constant(1, 4),
                NeuronSpec.of(ModelLibrary.hh(), new StimulusSpec.Uniform(1, 10, true), 5, 5),
                NeuronSpec.of(ModelLibrary.hh(), new StimulusSpec.Gaussian(0, 3, false), 5, 6)};
        int[] bad = {1, 3, 5};
        int[] healthy = {0, 2, 4, 6};
        BlockResult result = Simulator.simulate(settings, block);
        StateHistory[] h = Replay.run(settings, block, bad);
        for (int j = 0; j < bad.length; j++) {
            long step = firstBadStep(h[j], DivergenceGuard.DEFAULT_BOUND_MV);
            assertTrue(step >= 0, "neuron " + bad[j] + " should blow up");
            boolean nonFinite = false;
            for (double v : h[j].v) {
                nonFinite |= !Double.isFinite(v);
            }
            assertTrue(nonFinite, "a real blow-up: V reaches NaN or infinity");
            assertDiverged(result, bad[j], step);
        }
        for (int i : healthy) {
            assertLikeAlone(settings, block, result, i);
            assertTrue(Math.abs(result.statistics()[i].vMinMv()) < 100);
        }
    }

    @Test
    void finiteVoltageBeyondTheBoundIsFlaggedWhereItCrossesIt() {
        // -50 uA/cm^2 against gL = 0.03 mS/cm^2 drives V towards -1700 mV: finite, but no physiology
        SimulationSettings settings = SimulationSettings.of(0.01, 60.0, Method.EXP_EULER_REFERENCE);
        NeuronSpec[] block = {constant(10, 0), constant(-50, 1), constant(0, 2)};
        BlockResult result = Simulator.simulate(settings, block);
        StateHistory h = Replay.run(settings, block, 1)[0];
        long step = firstBadStep(h, DivergenceGuard.DEFAULT_BOUND_MV);
        assertTrue(step > 0, "V should pass -1000 mV");
        assertTrue(Double.isFinite(h.v[(int) step]) && h.v[(int) step] < -1000.0);
        assertTrue(h.v[(int) step - 1] >= -1000.0);
        assertDiverged(result, 1, step);
        assertLikeAlone(settings, block, result, 0);
        assertLikeAlone(settings, block, result, 2);
        assertTrue(result.statistics()[0].spikeCount() > 0);
    }

    @Test
    void theBoundComesFromTheSettings() {
        // With a 70 mV bound, a neuron at rest (-70.68 mV) counts as diverged at its first sample
        // below -70, while one held near -66 mV by 2 uA/cm^2 stays in bounds.
        SimulationSettings settings = new SimulationSettings(0.01, 30.0, Method.EXP_EULER_REFERENCE, Double.NaN, Double.NaN,
                List.of(), 1, true, 70.0);
        NeuronSpec[] block = {constant(2, 0), constant(0, 1)};
        BlockResult result = Simulator.simulate(settings, block);
        StateHistory h = Replay.run(settings, block, 1)[0];
        long step = firstBadStep(h, 70.0);
        assertTrue(step > 0 && h.v[(int) step] < -70.0 && h.v[(int) step - 1] >= -70.0);
        assertDiverged(result, 1, step);
        assertLikeAlone(settings, block, result, 0);
    }

    @Test
    void guardFlagsNanInfinityAndBeyondTheBoundAtTheFirstStepOnly() {
        NeuronBlock block = NeuronBlock.uniform(6, ModelLibrary.hh());
        DivergenceGuard guard = new DivergenceGuard(6, 1000.0);
        double[] none = new double[6];
        block.V[0] = Double.NaN;
        block.V[1] = Double.POSITIVE_INFINITY;
        block.V[2] = Double.NEGATIVE_INFINITY;
        block.V[3] = -1000.0001;
        block.V[4] = 1000.0;   // on the bound: still allowed
        block.V[5] = -1000.0;
        guard.afterStep(3, block, none, none);
        block.V[3] = 0.0;      // coming back does not clear the flag
        block.V[4] = 2000.0;
        guard.afterStep(7, block, none, none);
        guard.afterStep(8, block, none, none);
        long[] expected = {3, 3, 3, 3, 7, -1};
        for (int i = 0; i < 6; i++) {
            assertEquals(expected[i], guard.divergedAt(i), "neuron " + i);
            assertEquals(expected[i] >= 0, guard.diverged(i));
        }
        assertFalse(guard.diverged(5));
    }
}
