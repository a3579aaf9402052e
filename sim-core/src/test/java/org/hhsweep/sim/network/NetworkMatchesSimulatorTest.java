package org.hhsweep.sim.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.hhsweep.sim.BlockResult;
import org.hhsweep.sim.NeuronSpec;
import org.hhsweep.sim.SimulationSettings;
import org.hhsweep.sim.Simulator;
import org.hhsweep.sim.config.ModelLibrary;
import org.hhsweep.sim.integrate.Method;
import org.hhsweep.sim.stimulus.StimulusSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A network without synapses is its populations simulated on their own: the same bits as
 * {@link Simulator} gives for the same neurons (neuron offset + i of the run), which ties the
 * network path to every reference test of the single-neuron one. A synapse group of weight 0 with
 * g starting at 0 changes nothing either, in any kernel: the appended channels are inert.
 */
class NetworkMatchesSimulatorTest {
    private static final long RUN_SEED = 424242L;

    private static NetworkSpec twoPopulations() {
        Population a = Population.of("A", 70, ModelLibrary.hh())
                .withStimulus(new StimulusSpec.Gaussian(9.0, 30.0, false));
        Population b = Population.of("B", 5, ModelLibrary.model("traub_miles"))
                .withStimulus(new StimulusSpec.Pulse(2.0, 5.0, 3.0, 10.0));
        return new NetworkSpec(List.of(a, b), List.of());
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void withoutSynapsesEachPopulationIsTheSingleNeuronPath(Method method) {
        NetworkSpec spec = twoPopulations();
        SimulationSettings settings = SimulationSettings.of(0.01, 30.0, method).withWindow(10.0, 30.0);
        NetworkResult net = NetworkSimulation.run(spec, settings, RUN_SEED);
        for (int p = 0; p < 2; p++) {
            Population pop = spec.populations().get(p);
            NeuronSpec[] neurons = new NeuronSpec[pop.size()];
            for (int i = 0; i < neurons.length; i++) {
                neurons[i] = NeuronSpec.of(pop.model(), pop.stimulus(), RUN_SEED, spec.offset(p) + i);
            }
            assertSame(Simulator.simulate(settings, neurons), net.population(pop.name()), pop.name());
        }
        assertEquals(75, net.neurons());
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void aSynapseGroupOfWeightZeroChangesNothing(Method method) {
        NetworkSpec plain = twoPopulations();
        NetworkSpec wired = new NetworkSpec(plain.populations(), List.of(
                new SynapseGroup("AA", "A", "A", new ConnectRule.Probability(0.2, true), 0.0, 5.0, 0.0, 0.0),
                new SynapseGroup("AB", "A", "B", new ConnectRule.AllToAll(true), 0.0, 10.0, -80.0, 0.1)));
        SimulationSettings settings = SimulationSettings.of(0.01, 20.0, method);
        NetworkResult a = NetworkSimulation.run(plain, settings, RUN_SEED);
        NetworkResult b = NetworkSimulation.run(wired, settings, RUN_SEED);
        for (String name : List.of("A", "B")) {
            assertSame(a.population(name), b.population(name), name);
        }
        assertEquals(350, b.synapses().get("AB"));
    }

    static void assertSame(BlockResult expected, BlockResult actual, String what) {
        assertArrayEquals(expected.statistics(), actual.statistics(), what + " statistics");
        assertEquals(expected.spikeTimes().length, actual.spikeTimes().length);
        for (int i = 0; i < expected.spikeTimes().length; i++) {
            assertArrayEquals(expected.spikeTimes()[i], actual.spikeTimes()[i], what + " neuron " + i);
            assertArrayEquals(expected.interpolatedTimes()[i], actual.interpolatedTimes()[i], what + " neuron " + i);
        }
    }
}
