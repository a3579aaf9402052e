package org.hhsweep.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.hhsweep.sim.integrate.ExponentialEuler;
import org.hhsweep.sim.integrate.Method;
import org.hhsweep.sim.config.ModelLibrary;
import org.hhsweep.sim.model.NeuronModel;
import org.hhsweep.sim.model.NeuronBlock;
import org.hhsweep.sim.record.StepObserver;
import org.hhsweep.sim.stats.NeuronStatistics;
import org.hhsweep.sim.stimulus.ConstantCurrent;
import org.hhsweep.sim.stimulus.StimulusSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reproduces shared/reference/hh-reference.json with the reference integrator (exp_euler_reference) and the fast methods. */
class ReferenceTest {
    private static final double DT = 0.01;

    @Test
    void parametersAreTheReferences() {
        JsonNode p = ReferenceData.root().get("parameters");
        NeuronModel d = ModelLibrary.hh();
        assertEquals(p.get("ENa").asDouble(), d.get("ENa"));
        assertEquals(p.get("gNa").asDouble(), d.get("gNa"));
        assertEquals(p.get("EK").asDouble(), d.get("EK"));
        assertEquals(p.get("gK").asDouble(), d.get("gK"));
        assertEquals(p.get("EL").asDouble(), d.get("EL"));
        assertEquals(p.get("gL").asDouble(), d.get("gL"));
        assertEquals(p.get("C").asDouble(), d.C());
        assertEquals(p.get("V_th").asDouble(), d.Vth());
    }

    @Test
    void initialStateIsSteadyStateAtMinus65() {
        JsonNode ref = ReferenceData.root().at("/rest/initial");
        NeuronBlock b = NeuronBlock.uniform(1, ModelLibrary.hh());
        assertEquals(ref.get("V").asDouble(), b.V[0], 0.0);
        assertEquals(ref.get("m").asDouble(), b.gate("m")[0], 1e-15);
        assertEquals(ref.get("h").asDouble(), b.gate("h")[0], 1e-15);
        assertEquals(ref.get("n").asDouble(), b.gate("n")[0], 1e-15);
    }

    @Test
    void restAfter100msAtZeroCurrent() {
        JsonNode ref = ReferenceData.root().at("/rest/after_100ms_at_I0_dt0.01");
        NeuronBlock b = NeuronBlock.uniform(1, ModelLibrary.hh());
        BlockSimulation.run(b, new ExponentialEuler(), new ConstantCurrent(new double[] {0.0}), DT,
                TimeGrid.steps(100.0, DT));
        assertEquals(ref.get("V").asDouble(), b.V[0], 1e-9);
        assertEquals(ref.get("m").asDouble(), b.gate("m")[0], 1e-12);
        assertEquals(ref.get("h").asDouble(), b.gate("h")[0], 1e-12);
        assertEquals(ref.get("n").asDouble(), b.gate("n")[0], 1e-12);
    }

    /**
     * Every method that claims the reference's results: exp_euler_reference and exp_euler_fast (the
     * same scheme, other roundings) to the reference's own tolerances, exp_euler_table (gates
     * interpolated in V) with its documented voltage error for the first peak.
     */
    static Stream<Arguments> constantCurrents() {
        JsonNode table = ReferenceData.root().get("constant_current_1000ms_dt0.01");
        return Stream.of(Arguments.of(Method.EXP_EULER_REFERENCE, 1e-6), Arguments.of(Method.EXP_EULER_FAST, 1e-6),
                        Arguments.of(Method.EXP_EULER_TABLE, FastMethodsReferenceTest.TABLE_MAX_DEVIATION_MV))
                .flatMap(m -> IntStream.range(0, table.size()).mapToObj(i -> Arguments.of(m.get()[0], m.get()[1],
                        table.get(i).get("I").asDouble(), table.get(i))));
    }

    @ParameterizedTest(name = "{0} at I = {2} uA/cm^2")
    @MethodSource("constantCurrents")
    void constantCurrentTable(Method method, double peakTolerance, double current, JsonNode ref) {
        SimulationSettings settings = SimulationSettings.of(DT, 1000.0, method).withWindow(500.0, 1000.0);
        NeuronSpec spec = NeuronSpec.of(ModelLibrary.hh(), new StimulusSpec.Constant(current), 1, 0);
        NeuronStatistics s = Simulator.simulate(settings, new NeuronSpec[] {spec}).statistics()[0];

        assertEquals(ref.get("spike_count").asInt(), s.spikeCount());
        assertEquals(ref.get("spikes_in_500_1000ms").asInt() / 0.5, s.windowRateHz(), 1e-9);
        if (ref.get("first_spike_ms").isNull()) {
            assertNull(s.firstSpikeMs());
        } else {
            // The reference records (k+1) dt of its crossing step k, in float64 as we do: the same
            // step exactly, and the same time up to the rounding of that product.
            double expected = ref.get("first_spike_ms").asDouble();
            assertEquals(Math.round(expected / DT), Math.round(s.firstSpikeMs() / DT), "first spike's step");
            assertEquals(expected, s.firstSpikeMs(), Math.ulp(expected), "first spike's time");
            assertEquals(ref.get("first_spike_peak_mV").asDouble(), firstSpikePeak(method, current), peakTolerance);
        }
    }

    /** The largest V sample of the first spike: from its crossing up to V falling below threshold. */
    private static double firstSpikePeak(Method method, double current) {
        NeuronBlock b = NeuronBlock.uniform(1, ModelLibrary.hh());
        double[] peak = {Double.NEGATIVE_INFINITY};
        boolean[] state = {false, false}; // in first spike, first spike over
        StepObserver peakWatcher = (step, block, vBefore, I) -> {
            double v = block.V[0];
            if (state[1]) {
                return;
            }
            if (!state[0] && vBefore[0] < block.Vth[0] && v >= block.Vth[0]) {
                state[0] = true;
            }
            if (state[0]) {
                if (v < block.Vth[0]) {
                    state[1] = true;
                } else {
                    peak[0] = Math.max(peak[0], v);
                }
            }
        };
        BlockSimulation.run(b, method.create(), new ConstantCurrent(new double[] {current}), DT,
                TimeGrid.steps(1000.0, DT), peakWatcher);
        assertTrue(state[0], "no spike");
        return peak[0];
    }
}
