package org.hhsweep.sim.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hhsweep.sim.BlockResult;
import org.hhsweep.sim.NeuronSpec;
import org.hhsweep.sim.Replay;
import org.hhsweep.sim.SimulationSettings;
import org.hhsweep.sim.Simulator;
import org.hhsweep.sim.StateHistory;
import org.hhsweep.sim.integrate.Method;
import org.hhsweep.sim.config.ModelLibrary;
import org.hhsweep.sim.model.NeuronModel;
import org.hhsweep.sim.stimulus.StimulusSpec;
import org.junit.jupiter.api.Test;

/**
 * Quantised traces against the float64 simulation recorded at every step: the error of q * step is
 * at most step/2 beyond the float32 rounding of the sample, and never grows along the trace.
 */
class TraceQuantizationTest {
    private static final double DT = 0.01;

    @Test
    void dequantisedSpikingTraceIsWithinHalfAStepOfTheFloat64Simulation() {
        SimulationSettings settings = SimulationSettings.of(DT, 50.0, Method.EXP_EULER_REFERENCE)
                .withTraces(List.of(TraceVariable.V, TraceVariable.M), 1);
        NeuronSpec[] neurons = {NeuronSpec.of(ModelLibrary.hh(), new StimulusSpec.Constant(10.0), 0, 0).traced(true)};
        BlockResult result = Simulator.simulate(settings, neurons);
        StateHistory full = Replay.run(settings, neurons, 0)[0];
        double vStep = 0.001;
        double mStep = 1e-5;
        double worstV = 0;
        double worstVAgainstFloat = 0;
        for (Trace trace : result.traces()) {
            boolean isV = trace.variable() == TraceVariable.V;
            double step = isV ? vStep : mStep;
            double[] exact = isV ? full.v : full.m;
            int[] q = TraceQuantization.quantize(trace.values(), step);
            for (int j = 0; j < q.length; j++) {
                double dequantised = q[j] * step;
                // the sample went through float32 first: half an ulp of float at |x| is at most 2^-24 |x|
                double floatRounding = Math.abs(exact[j]) * 0x1p-24;
                double error = Math.abs(exact[j] - dequantised);
                assertTrue(error <= step / 2 + floatRounding + 1e-12,
                        trace.variable() + " sample " + j + ": " + exact[j] + " vs " + dequantised);
                assertTrue(Math.abs(trace.values()[j] - dequantised) <= step / 2 * (1 + 1e-9),
                        "within half a step of the stored float32 sample " + j);
                if (isV) {
                    worstV = Math.max(worstV, error);
                    worstVAgainstFloat = Math.max(worstVAgainstFloat, Math.abs(trace.values()[j] - dequantised));
                }
            }
        }
        // the bound is reached, not just respected: rounding to 1 uV really does cost up to 0.5 uV
        assertTrue(worstVAgainstFloat > 0.45 * vStep, "worst V error " + worstVAgainstFloat);
        assertTrue(worstV < 0.5 * vStep + 100 * 0x1p-24, "worst V error against float64 " + worstV);
        float[] v = result.traces().get(0).values();
        float vMax = Float.NEGATIVE_INFINITY;
        for (float x : v) {
            vMax = Math.max(vMax, x);
        }
        assertTrue(vMax > 20, "the trace spikes (max " + vMax + " mV)");
    }

    @Test
    void roundsHalfUpAndMarksWhatNoIntHolds() {
        float[] values = {-65.0f, 0.0015f, -0.0015f, 2.5e-4f, Float.NaN, 3e6f, -3e6f};
        int[] q = TraceQuantization.quantize(values, 0.001);
        // -65 mV is 65000 steps of 1 uV; float32 0.0015 is 0.00150000001303..., so 1.50000001 steps
        // exactly (the double 0.001 being 0.001000000000000000021): nearest 2, and -2 for -0.0015
        assertEquals(-65000, q[0]);
        assertEquals(2, q[1]);
        assertEquals(-2, q[2]);
        assertEquals(0, q[3], "a quarter step rounds to 0");
        assertEquals(TraceQuantization.NOT_REPRESENTABLE, q[4], "NaN");
        assertEquals(TraceQuantization.NOT_REPRESENTABLE, q[5], "3e9 steps is beyond an int");
        assertEquals(TraceQuantization.NOT_REPRESENTABLE, q[6]);
        assertArrayEquals(new int[] {4, -4}, TraceQuantization.quantize(new float[] {0.5f, -0.5f}, 0.125));
        assertArrayEquals(new int[] {1, 0}, TraceQuantization.quantize(new float[] {0.5f, -0.5f}, 1.0),
                "halves round up, as Math.round");
    }

    /**
     * Against exact arithmetic (BigDecimal, no rounding), not the code's double division: every
     * code is an integer within half a step of the float32 sample (and one ulp of it: the quotient
     * is rounded once, which at a near tie may pick the other integer, 5e-14 mV too far at 1200 mV
     * in 1e-6 mV steps), over samples and steps of every magnitude the config allows, up to the edge
     * of what an int holds.
     */
    @Test
    void everyCodeIsWithinHalfAStepOfTheSampleInExactArithmetic() {
        SplittableRandom random = new SplittableRandom(11);
        double[] steps = {1e-6, 1e-4, 0.001, 0.0137, 0.1, 1, 10, 1e-9, 3e-7, 1e-5};
        BigDecimal half = new BigDecimal("0.5");
        for (double step : steps) {
            float[] values = new float[2000];
            for (int j = 0; j < values.length; j++) {
                // magnitudes up to just below 2^31 steps, spread over every decade
                double magnitude = Math.pow(10, random.nextDouble(-3, Math.log10(0x1p31 * step) - 1e-3));
                values[j] = (float) (random.nextBoolean() ? magnitude : -magnitude);
            }
            int[] q = TraceQuantization.quantize(values, step);
            for (int j = 0; j < values.length; j++) {
                BigDecimal exact = new BigDecimal(values[j]).divide(new BigDecimal(step), MathContext.DECIMAL128);
                BigDecimal off = exact.subtract(BigDecimal.valueOf(q[j])).abs();
                // half a step, plus the rounding of the quotient at a near tie: one ulp of the sample
                BigDecimal bound = half.add(new BigDecimal(Math.ulp((double) values[j]))
                        .divide(new BigDecimal(step), MathContext.DECIMAL128));
                assertTrue(off.compareTo(bound) <= 0,
                        "step " + step + ": " + values[j] + " is " + exact + " steps, code " + q[j]);
            }
        }
    }

    @Test
    void stepsArePositiveAndPerVariable() {
        TraceQuantization q = TraceQuantization.of(Map.of(TraceVariable.V, 0.001, TraceVariable.N, 1e-5));
        assertTrue(q.active());
        assertEquals(0.001, q.step(TraceVariable.V), 0.0);
        assertEquals(1e-5, q.step(TraceVariable.N), 0.0);
        assertFalse(q.has(TraceVariable.M));
        assertThrows(IllegalStateException.class, () -> q.step(TraceVariable.M));
        assertFalse(TraceQuantization.NONE.active());
        assertEquals(TraceQuantization.NONE, TraceQuantization.of(Map.of()));
        assertThrows(IllegalArgumentException.class, () -> TraceQuantization.of(Map.of(TraceVariable.V, 0.0)));
        assertThrows(IllegalArgumentException.class, () -> TraceQuantization.of(Map.of(TraceVariable.V, -1.0)));
        assertThrows(IllegalArgumentException.class,
                () -> TraceQuantization.of(Map.of(TraceVariable.V, Double.POSITIVE_INFINITY)));
    }
}
