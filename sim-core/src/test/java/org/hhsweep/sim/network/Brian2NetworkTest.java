package org.hhsweep.sim.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hhsweep.sim.SimulationSettings;
import org.hhsweep.sim.config.ModelLibrary;
import org.hhsweep.sim.integrate.Method;
import org.hhsweep.sim.stats.NeuronStatistics;
import org.hhsweep.sim.stimulus.StimulusSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two hh cells A -> B (one_to_one) against Brian2: A driven by a constant current, B by A's
 * synapse alone, for various currents, weights, time constants, reversals, delays and steps.
 * Brian2 integrates the same exponential Euler with the same step order (state update, threshold,
 * synaptic propagation), so the spike counts of A and B must be Brian2's exactly.
 *
 * <p>PENDING: the reference file {@value #RESOURCE} is being produced by another engineer; until
 * the lead merges it this test is skipped (an assumption, not a pass). Its schema, as agreed:
 * {@code {"pairs": [{current_uA_cm2, weight_mS_cm2, tau_ms, E_mV, delay_ms, dt_ms, duration_ms,
 * spikes_A, spikes_B}, ...]}}; the COBAHH rates it also holds are not checked here yet (their
 * fields were not fixed when this was written).
 */
class Brian2NetworkTest {
    static final String RESOURCE = "/org/hhsweep/sim/network/brian2-network.json";

    static Stream<Arguments> pairs() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (InputStream in = Brian2NetworkTest.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                // one case that skips, so the missing file shows in the report rather than vanishing
                return Stream.of(Arguments.of("reference file missing", null));
            }
            for (JsonNode c : new ObjectMapper().readTree(in).get("pairs")) {
                out.add(Arguments.of("I " + c.get("current_uA_cm2").asDouble() + " w " + c.get("weight_mS_cm2").asDouble()
                        + " tau " + c.get("tau_ms").asDouble() + " E " + c.get("E_mV").asDouble() + " delay "
                        + c.get("delay_ms").asDouble() + " dt " + c.get("dt_ms").asDouble(), c));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void spikeCountsOfAAndBAreBrian2s(String name, JsonNode c) {
        assumeTrue(c != null, "PENDING: " + RESOURCE + " is not in this tree yet");
        Population a = Population.of("A", 1, ModelLibrary.hh())
                .withStimulus(new StimulusSpec.Constant(c.get("current_uA_cm2").asDouble()));
        Population b = Population.of("B", 1, ModelLibrary.hh());
        SynapseGroup ab = new SynapseGroup("AB", "A", "B", new ConnectRule.OneToOne(),
                c.get("weight_mS_cm2").asDouble(), c.get("tau_ms").asDouble(), c.get("E_mV").asDouble(),
                c.get("delay_ms").asDouble());
        NetworkSpec spec = new NetworkSpec(List.of(a, b), List.of(ab));
        SimulationSettings settings = SimulationSettings.of(c.get("dt_ms").asDouble(), c.get("duration_ms").asDouble(),
                Method.EXP_EULER_REFERENCE);
        NetworkResult r = NetworkSimulation.run(spec, settings, 0L);
        NeuronStatistics sa = r.population("A").statistics()[0];
        NeuronStatistics sb = r.population("B").statistics()[0];
        assertEquals(c.get("spikes_A").asInt(), sa.spikeCount(), "A");
        assertEquals(c.get("spikes_B").asInt(), sb.spikeCount(), "B");
    }
}
