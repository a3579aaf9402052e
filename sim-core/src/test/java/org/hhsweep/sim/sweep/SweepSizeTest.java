package org.hhsweep.sim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hhsweep.sim.integrate.Method;
import org.hhsweep.sim.config.ModelLibrary;
import org.hhsweep.sim.model.NeuronModel;
import org.hhsweep.sim.record.TraceVariable;
import org.hhsweep.sim.stimulus.StimulusSpec;
import org.junit.jupiter.api.Test;

class SweepSizeTest {
    private static final RunTemplate BASE = new RunTemplate(0.01, 100, Method.EXP_EULER_REFERENCE, Double.NaN, Double.NaN,
            ModelLibrary.hh(), -65, new StimulusSpec.Constant(5), 10, 2,
            List.of(TraceVariable.V, TraceVariable.M, TraceVariable.I), 0.1, true);

    @Test
    void countsByHand() {
        // dt 0.01 and 0.02 over 100 ms: 10,000 and 5,000 steps; 2 replicates each
        SweepSpec spec = new SweepSpec("s", 3, BASE,
                List.of(new SweepSpec.GridAxis(RunTemplate.DT, new double[] {0.01, 0.02})), 0, List.of(), 2);
        SweepSize size = SweepSize.of(spec);
        assertTrue(size.exact());
        assertEquals(4, size.runs());
        assertEquals(40, size.neurons());
        assertEquals(2 * 10 * 10_000 + 2 * 10 * 5_000, size.neuronSteps());
        // 2 traced neurons x 3 variables per run; sampled every 0.1 ms: 1,000 samples at either dt
        assertEquals(4 * 6, size.traceRows());
        assertEquals(4 * 6 * 1_000, size.traceSamples());
    }

    @Test
    void largeSweepsAreExtrapolatedFromASample() {
        SweepSpec spec = new SweepSpec("s", 3, BASE,
                List.of(new SweepSpec.GridAxis(RunTemplate.DURATION, new double[] {50, 150})), 0, List.of(), 100_000);
        SweepSize size = SweepSize.of(spec);
        assertFalse(size.exact());
        assertEquals(200_000, size.runs());
        long exact = 100_000L * 10 * (5_000 + 15_000);
        assertEquals(exact, size.neuronSteps(), exact * 1e-3);
    }

    private static RunTemplate untraced(double dt, double duration, int neurons) {
        return new RunTemplate(dt, duration, Method.DEFAULT, Double.NaN, Double.NaN, ModelLibrary.hh(), -65,
                new StimulusSpec.Constant(5), neurons, 0, List.of(), dt, true);
    }

    @Test
    void exactCountsAreExactBeyondWhatADoubleHolds() {
        // three runs of 2^52 + 1 steps: 3 * 2^52 + 3 is odd and above 2^53, so no double holds it
        long steps = (1L << 52) + 1;
        SweepSpec spec = new SweepSpec("s", 1, untraced(1.0, steps, 1), List.of(), 0, List.of(), 3);
        SweepSize size = SweepSize.of(spec);
        assertTrue(size.exact());
        assertEquals(3 * steps, size.neuronSteps());
        assertFalse(size.saturated());
    }

    @Test
    void aCountBeyondALongSaturatesAndIsNotExact() {
        // two runs of 10 neurons x 5e17 steps: 1e19 neuron-steps, more than a long holds
        assertSaturated(new SweepSpec("s", 1, untraced(1.0, 5e17, 10), List.of(), 0, List.of(), 2));
        // the same over 200,000 runs, scaled up from a sample
        assertSaturated(new SweepSpec("s", 1, untraced(1.0, 5e17, 10), List.of(), 0, List.of(), 200_000));
        // one run whose step count itself is beyond a long (dt 1e-320 ms over 100 ms, as a config
        // could once ask)
        assertSaturated(new SweepSpec("s", 1, untraced(1e-320, 100, 1), List.of(), 0, List.of(), 1));
    }

    private static void assertSaturated(SweepSpec spec) {
        SweepSize size = SweepSize.of(spec);
        assertEquals(SweepSize.SATURATED, size.neuronSteps());
        assertTrue(size.saturated());
        assertFalse(size.exact());
    }
}
