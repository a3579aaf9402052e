package org.hhsweep.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hhsweep.sim.config.ModelLibrary;
import org.hhsweep.sim.integrate.Method;
import org.hhsweep.sim.model.NeuronModel;
import org.hhsweep.sim.stimulus.StimulusSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The library models against Brian2 (Debian's python3-brian), run by bench/brian2_models.py into
 * src/test/resources/reference/brian2-library.json, whose provenance block says how: the same
 * model numbers, initial state (gates at steady state at V0) and constant currents, Brian2's
 * exponential_euler (rk4 for wang_buzsaki, whose instantaneous m Brian2's exponential Euler cannot
 * take), spikes as upward crossings of V_th. Every exact exponential-Euler method must give
 * Brian2's spike count and its spike steps; exp_euler_table at most one spike off; rk4 Brian2's
 * rk4 count.
 */
class Brian2LibraryTest {
    private static JsonNode root;

    static synchronized JsonNode root() throws IOException {
        if (root == null) {
            try (InputStream in = Brian2LibraryTest.class.getResourceAsStream("/reference/brian2-library.json")) {
                root = new ObjectMapper().readTree(in);
            }
        }
        return root;
    }

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : root().get("cases")) {
            String brianMethod = c.get("method").asText();
            List<String> ours = brianMethod.equals("rk4") ? List.of("rk4")
                    : List.of("exp_euler_reference", "exp_euler", "exp_euler_table");
            for (String method : ours) {
                out.add(Arguments.of(c.get("model").asText(), method, c.get("dt_ms").asDouble(),
                        c.get("current_uA_per_cm2").asDouble(), c));
            }
        }
        return out.stream();
    }

    @Test
    void theReferenceCoversTheRequiredModelsMethodsAndSteps() throws IOException {
        List<String> seen = new ArrayList<>();
        for (JsonNode c : root().get("cases")) {
            seen.add(c.get("model").asText() + "/" + c.get("method").asText() + "/" + c.get("dt_ms").asDouble());
        }
        for (String model : List.of("hh", "traub_miles")) {
            for (double dt : new double[] {0.01, 0.025}) {
                assertTrue(seen.contains(model + "/exponential_euler/" + dt), model + " at dt " + dt + " missing");
            }
        }
        assertFalse(root().at("/provenance").isMissingNode(), "the reference says how it was made");
    }

    @ParameterizedTest(name = "{0} {1} dt {2} I {3}")
    @MethodSource("cases")
    void spikeCountsAreBrian2s(String model, String method, double dt, double current, JsonNode c) {
        NeuronModel m = ModelLibrary.model(model);
        double duration = c.get("duration_ms").asDouble();
        double v0 = c.get("v0_mV").asDouble();
        SimulationSettings settings = SimulationSettings.of(dt, duration, Method.fromName(method));
        NeuronSpec spec = new NeuronSpec(m, v0, new StimulusSpec.Constant(current), 1, 0, false);
        BlockResult r = Simulator.simulate(settings, new NeuronSpec[] {spec});
        int brian = c.get("spike_count").asInt();
        int ours = r.statistics()[0].spikeCount();
        if (method.equals("exp_euler_table")) {
            assertTrue(Math.abs(ours - brian) <= 1, "table: " + ours + " spikes, Brian2 " + brian);
            return;
        }
        assertEquals(brian, ours, "spike count");
        if (!method.equals("rk4")) {
            double[] times = r.spikeTimes()[0];
            JsonNode expected = c.get("spike_times_ms");
            for (int k = 0; k < brian; k++) {
                assertEquals(expected.get(k).asDouble(), times[k], dt / 2, "spike " + k + " at the same step");
            }
        }
    }
}
