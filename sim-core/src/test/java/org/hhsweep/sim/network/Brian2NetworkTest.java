package org.hhsweep.sim.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * synapse alone, for various currents, weights, delays (0 and 1 ms) and steps (0.01 and
 * 0.025 ms). Brian2 integrates the same exponential Euler with the same step order (state update,
 * threshold, synaptic propagation), so for both exact methods (the reference and the fast kernel)
 * the spike counts of A and B must be Brian2's exactly, and B's first spike times the same steps.
 *
 * <p>Reference data: {@value #RESOURCE}, section {@code pair}, written by
 * {@code bench/brian2_network.py pair --write} with Brian2 2.5.1 (Debian python3-brian); its
 * {@code provenance} holds the command, versions and date. Cases marked {@code stable: false} sit
 * where a 1% change of current or weight changes B's count; they are checked like the others.
 */
class Brian2NetworkTest {
    static final String RESOURCE = "/org/hhsweep/sim/network/brian2-network.json";

    static Stream<Arguments> pairs() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (InputStream in = Brian2NetworkTest.class.getResourceAsStream(RESOURCE)) {
            JsonNode pair = new ObjectMapper().readTree(in).get("pair");
            for (JsonNode c : pair.get("cases")) {
                for (Method method : List.of(Method.EXP_EULER_REFERENCE, Method.EXP_EULER_FAST)) {
                    out.add(Arguments.of(method.recordedName() + " I " + c.get("current_uA_cm2").asDouble() + " w "
                            + c.get("weight_mS_cm2").asDouble() + " delay " + c.get("delay_ms").asDouble() + " dt "
                            + c.get("dt_ms").asDouble(), method, c));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void spikeCountsOfAAndBAreBrian2s(String name, Method method, JsonNode c) {
        Population a = Population.of("A", 1, ModelLibrary.hh())
                .withStimulus(new StimulusSpec.Constant(c.get("current_uA_cm2").asDouble()));
        Population b = Population.of("B", 1, ModelLibrary.hh());
        SynapseGroup ab = new SynapseGroup("AB", "A", "B", new ConnectRule.OneToOne(),
                c.get("weight_mS_cm2").asDouble(), c.get("tau_ms").asDouble(), c.get("E_mV").asDouble(),
                c.get("delay_ms").asDouble());
        NetworkSpec spec = new NetworkSpec(List.of(a, b), List.of(ab));
        double dt = c.get("dt_ms").asDouble();
        SimulationSettings settings = SimulationSettings.of(dt, c.get("duration_ms").asDouble(), method);
        NetworkResult r = NetworkSimulation.run(spec, settings, 0L);
        NeuronStatistics sa = r.population("A").statistics()[0];
        NeuronStatistics sb = r.population("B").statistics()[0];
        assertEquals(c.get("spikes_A").asInt(), sa.spikeCount(), "A");
        assertEquals(c.get("spikes_B").asInt(), sb.spikeCount(), "B");
        double[] times = r.population("B").spikeTimes()[0];
        JsonNode first = c.get("first_spikes_B_ms");
        for (int k = 0; k < first.size(); k++) {
            assertEquals(first.get(k).asDouble(), times[k], dt * 1e-6, "B's spike " + k);
        }
    }
}
