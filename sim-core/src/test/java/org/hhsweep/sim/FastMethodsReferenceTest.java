package org.hhsweep.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.stream.Stream;
import org.hhsweep.sim.integrate.ExponentialEuler;
import org.hhsweep.sim.integrate.Integrator;
import org.hhsweep.sim.integrate.Method;
import org.hhsweep.sim.config.ModelLibrary;
import org.hhsweep.sim.model.NeuronModel;
import org.hhsweep.sim.model.NeuronBlock;
import org.hhsweep.sim.random.RandomStreams;
import org.hhsweep.sim.stimulus.StimulusSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * exp_euler_fast and exp_euler_table against the reference integrator itself, step by step (their
 * spike counts, first spikes and peaks against shared/reference/hh-reference.json are checked in
 * ReferenceTest, beside exp_euler_reference's). exp_euler_fast (what a config's exp_euler runs) is
 * the same scheme with other roundings, so it must meet the reference's tolerances: spike counts
 * exact, first spike at the same step, first peak within 1e-6 mV. exp_euler_table interpolates the
 * gates' step in V, so it must keep the spike counts and stay within its documented voltage error.
 */
class FastMethodsReferenceTest {
    private static final double DT = 0.01;
    /** Largest |V - V_reference| over 1 s on the reference currents; measured 2.7e-10 mV. */
    private static final double FAST_MAX_DEVIATION_MV = 1e-8;
    /** The same for exp_euler_table; measured 6.9e-3 mV (docs/performance.md). */
    static final double TABLE_MAX_DEVIATION_MV = 0.02;

    static Stream<Arguments> deviations() {
        return Stream.of(Arguments.of(Method.EXP_EULER_FAST, FAST_MAX_DEVIATION_MV),
                Arguments.of(Method.EXP_EULER_TABLE, TABLE_MAX_DEVIATION_MV));
    }

    /** Side by side with the reference for 1 s on the reference currents: every V of the run. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("deviations")
    void voltageStaysCloseToTheReferenceIntegrator(Method method, double bound) {
        double[] currents = ReferenceData.root().findValues("I").stream().mapToDouble(JsonNode::asDouble).toArray();
        assertEquals(5, currents.length);
        NeuronBlock ref = NeuronBlock.uniform(currents.length, ModelLibrary.hh());
        NeuronBlock fast = NeuronBlock.uniform(currents.length, ModelLibrary.hh());
        Integrator reference = new ExponentialEuler();
        Integrator integrator = method.create();
        double worst = 0;
        for (long k = 0; k < TimeGrid.steps(1000.0, DT); k++) {
            reference.step(ref, currents, DT);
            integrator.step(fast, currents, DT);
            for (int i = 0; i < currents.length; i++) {
                worst = Math.max(worst, Math.abs(ref.V[i] - fast.V[i]));
            }
        }
        System.out.printf(Locale.ROOT, "%s: max |V - V_exp_euler_reference| over 1 s = %.3e mV%n", method.recordedName(), worst);
        assertTrue(worst <= bound, method.recordedName() + ": " + worst + " mV");
        assertTrue(worst > 0, "a different rounding must show somewhere, else the reference ran twice");
    }

    /** The tutorial's random input: 6 spikes for every neuron of every run, as with exp_euler_reference. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("deviations")
    void tutorialRandomInputGivesSixSpikes(Method method, double bound) {
        int runs = 100;
        NeuronSpec[] specs = new NeuronSpec[runs];
        for (int run = 0; run < runs; run++) {
            specs[run] = NeuronSpec.of(ModelLibrary.hh(), new StimulusSpec.Uniform(1.0, 10.0, true),
                    RandomStreams.runSeed(42, run), 0);
        }
        BlockResult fast = Simulator.simulate(SimulationSettings.of(DT, 100.0, method), specs);
        BlockResult reference = Simulator.simulate(SimulationSettings.of(DT, 100.0, Method.EXP_EULER_REFERENCE), specs);
        for (int run = 0; run < runs; run++) {
            assertEquals(6, fast.statistics()[run].spikeCount(), "run " + run);
            double[] t = fast.interpolatedTimes()[run];
            double[] r = reference.interpolatedTimes()[run];
            for (int k = 0; k < 6; k++) {
                assertEquals(r[k], t[k], method == Method.EXP_EULER_FAST ? 1e-9 : 1e-3, "run " + run + " spike " + k);
            }
        }
    }

    @Test
    void tableMethodHandlesVoltagesOutsideItsTable() {
        // a neuron held far below the table's range (-100 mV) by a strong negative current, and one
        // started above it (+60 mV): their gates are computed exactly, so they follow the reference
        double[] currents = {-300.0, 0.0};
        NeuronBlock ref = NeuronBlock.uniform(2, ModelLibrary.hh());
        NeuronBlock table = NeuronBlock.uniform(2, ModelLibrary.hh());
        ref.V[1] = table.V[1] = 80.0;
        Integrator reference = new ExponentialEuler();
        Integrator integrator = Method.EXP_EULER_TABLE.create();
        double lowest = 0;
        for (int k = 0; k < 5000; k++) {
            reference.step(ref, currents, DT);
            integrator.step(table, currents, DT);
            lowest = Math.min(lowest, table.V[0]);
            assertEquals(ref.V[0], table.V[0], 1e-8, "step " + k);
            assertEquals(ref.gate("n")[0], table.gate("n")[0], 1e-10, "step " + k);
        }
        assertTrue(lowest < -150, "the neuron should leave the table: lowest V " + lowest);
        assertEquals(ref.V[1], table.V[1], TABLE_MAX_DEVIATION_MV);
    }
}
