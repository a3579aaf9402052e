package org.hhsweep.sim.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hhsweep.sim.BlockResult;
import org.hhsweep.sim.NeuronSpec;
import org.hhsweep.sim.Replay;
import org.hhsweep.sim.SimulationSettings;
import org.hhsweep.sim.Simulator;
import org.hhsweep.sim.StateHistory;
import org.hhsweep.sim.integrate.Method;
import org.hhsweep.sim.config.ModelLibrary;
import org.hhsweep.sim.model.NeuronModel;
import org.hhsweep.sim.random.RandomStreams;
import org.hhsweep.sim.stimulus.StimulusSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decimated float32 traces against an independent float64 recording of every step: sample j of a
 * trace taken every k steps is the state after step (j+1)k - 1, at time (j+1)k dt.
 */
class TraceRecorderTest {
    private static final double DT = 0.01;
    private static final double LOW = 1.0;
    private static final double HIGH = 15.0;
    private static final long RUN_SEED = RandomStreams.runSeed(3, 9);

    private static NeuronSpec[] neurons() {
        NeuronSpec[] n = new NeuronSpec[3];
        for (int i = 0; i < n.length; i++) {
            n[i] = NeuronSpec.of(ModelLibrary.hh(), new StimulusSpec.Uniform(LOW, HIGH, false), RUN_SEED, i)
                    .traced(i != 1);
        }
        return n;
    }

    @ParameterizedTest(name = "every {0} steps")
    @ValueSource(ints = {1, 7, 10, 1000})
    void samplesAreTheStatesAtMultiplesOfTheInterval(int every) {
        SimulationSettings settings = SimulationSettings.of(DT, 10.0, Method.EXP_EULER_REFERENCE)
                .withTraces(List.of(TraceVariable.values()), every);
        long steps = settings.steps();
        NeuronSpec[] neurons = neurons();
        BlockResult result = Simulator.simulate(settings, neurons);
        StateHistory[] full = Replay.run(settings, neurons, 0, 2);

        assertEquals(2 * TraceVariable.values().length, result.traces().size(), "V, m, h, n, I of neurons 0 and 2");
        for (Trace trace : result.traces()) {
            assertTrue(trace.neuron() == 0 || trace.neuron() == 2, "neuron 1 is not traced");
            StateHistory h = full[trace.neuron() == 0 ? 0 : 1];
            float[] values = trace.values();
            assertEquals(steps / every, values.length, "one sample per full interval and no more");
            assertEquals(every * DT, trace.t0Ms(), 1e-12);
            assertEquals(every * DT, trace.dtMs(), 1e-12);
            for (int j = 0; j < values.length; j++) {
                int step = (j + 1) * every - 1;
                // the sample's time is the end of that step
                assertEquals((step + 1) * DT, trace.t0Ms() + j * trace.dtMs(), 1e-9);
                double expected = switch (trace.variable()) {
                    case V -> h.v[step];
                    case M -> h.m[step];
                    case H -> h.h[step];
                    case N -> h.n[step];
                    case I -> LOW + (HIGH - LOW) * RandomStreams.uniform(
                            RandomStreams.streamKey(RUN_SEED, trace.neuron(), RandomStreams.Purpose.STIMULUS), step);
                };
                assertEquals((float) expected, values[j], 0.0f,
                        trace.variable() + " of neuron " + trace.neuron() + " sample " + j);
            }
        }
    }

    @Test
    void iTraceIsTheCurrentAppliedDuringTheStep() {
        SimulationSettings settings = SimulationSettings.of(DT, 5.0, Method.RK4).withTraces(List.of(TraceVariable.I), 1);
        NeuronSpec pulse = NeuronSpec.of(ModelLibrary.hh(), new StimulusSpec.Pulse(1.0, 2.0, 4.5, 0.0), 0, 0)
                .traced(true);
        Trace trace = Simulator.simulate(settings, new NeuronSpec[] {pulse}).traces().get(0);
        // sample j ends at (j+1) dt; the pulse covers steps 100..299, i.e. samples 100..299
        for (int j = 0; j < trace.values().length; j++) {
            assertEquals(j >= 100 && j < 300 ? 4.5f : 0.0f, trace.values()[j], 0.0f, "sample " + j);
        }
    }

    @Test
    void nothingIsRecordedWithoutTracedNeuronsOrVariables() {
        SimulationSettings withVariables = SimulationSettings.of(DT, 1.0, Method.EXP_EULER_REFERENCE)
                .withTraces(List.of(TraceVariable.V), 1);
        NeuronSpec untraced = NeuronSpec.of(ModelLibrary.hh(), new StimulusSpec.Constant(1.0), 0, 0);
        assertTrue(Simulator.simulate(withVariables, new NeuronSpec[] {untraced}).traces().isEmpty());
        SimulationSettings noVariables = SimulationSettings.of(DT, 1.0, Method.EXP_EULER_REFERENCE);
        assertTrue(Simulator.simulate(noVariables, new NeuronSpec[] {untraced.traced(true)}).traces().isEmpty());
    }

    @Test
    void intervalMustBeAtLeastOneStep() {
        assertThrows(IllegalArgumentException.class,
                () -> new TraceRecorder(new int[] {0}, List.of(TraceVariable.V), 0, 100, DT));
        assertThrows(IllegalArgumentException.class,
                () -> SimulationSettings.of(DT, 1.0, Method.EXP_EULER_REFERENCE).withTraces(List.of(TraceVariable.V), 0));
    }

    @Test
    void labelsRoundTrip() {
        assertEquals(List.of("V", "m", "h", "n", "I"), TraceVariable.labels());
        for (TraceVariable v : TraceVariable.values()) {
            assertEquals(v, TraceVariable.fromLabel(v.label()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TraceVariable.fromLabel("v"));
        assertTrue(e.getMessage().contains("'v'"), e.getMessage());
    }
}
