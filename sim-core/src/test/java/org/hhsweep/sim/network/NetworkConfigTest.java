package org.hhsweep.sim.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.hhsweep.sim.config.ConfigException;
import org.hhsweep.sim.config.ConfigLoader;
import org.hhsweep.sim.config.ModelLibrary;
import org.hhsweep.sim.config.SweepConfig;
import org.hhsweep.sim.stimulus.StimulusSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The config's network section: read with every default and unit, and each bad input refused at its field. */
class NetworkConfigTest {
    private static final String SIM = "simulation: {duration: 100 ms, dt: 0.01 ms}\n";
    /** Issue 13's example (COBAHH) with a stimulus, initial values and a delay. */
    private static final String COBA = SIM + """
            network:
              populations:
                E:
                  size: 3200
                  model: {base: traub_miles}
                  stimulus: {type: gaussian, mean: 1 uA/cm^2, sigma: 2 uA/cm^2}
                  initial: {V: {normal: [-65 mV, 5 mV]}, g_EE: {uniform: [0 mS/cm^2, 0.4 mS/cm^2]}, g_IE: 1 mS/cm^2}
                  refractory: 3 ms
                I: {size: 800, model: {base: traub_miles}}
              synapses:
                EE: {from: E, to: E, connect: {p: 0.02}, weight: 0.03 mS/cm^2, tau: 5 ms, E: 0 mV, delay: 0 ms}
                EI: {from: E, to: I, connect: {p: 0.02}, weight: 0.03 mS/cm^2, tau: 5 ms, E: 0 mV, delay: 0.5 ms}
                IE: {from: I, to: E, connect: {p: 0.02, autapses: false}, weight: 0.335 mS/cm^2, tau: 10 ms, E: -80 mV}
                II: {from: I, to: I, connect: {indegree: 16, autapses: false}, weight: 335 uS/cm^2, tau: 10 ms, E: -80 mV}
            """;

    private static SweepConfig parse(String yaml) {
        return ConfigLoader.parse(yaml, "net.yaml");
    }

    @Test
    void readsTheIssuesExample() {
        SweepConfig c = parse(COBA);
        NetworkSpec n = c.network();
        assertEquals(List.of("E", "I"), n.populations().stream().map(Population::name).toList());
        Population e = n.population("E");
        assertEquals(3200, e.size());
        assertEquals(ModelLibrary.model("traub_miles"), e.model());
        assertEquals(new StimulusSpec.Gaussian(1.0, 2.0, false), e.stimulus());
        assertEquals(InitialValue.normal(-65.0, 5.0), e.initialV());
        assertEquals(InitialValue.uniform(0.0, 0.4), e.initialG("EE"));
        assertEquals(InitialValue.of(1.0), e.initialG("IE"));
        assertEquals(3.0, e.refractoryMs());
        Population i = n.population("I");
        assertEquals(new StimulusSpec.Constant(0.0), i.stimulus());
        assertEquals(InitialValue.of(-65.0), i.initialV());
        assertEquals(0.0, i.refractoryMs());
        assertEquals(4000, c.spec().base().neurons());

        SynapseGroup ee = n.synapses().get(0);
        assertEquals(new SynapseGroup("EE", "E", "E", new ConnectRule.Probability(0.02, true), 0.03, 5.0, 0.0, 0.0), ee);
        assertEquals(0.5, n.synapses().get(1).delayMs());
        assertEquals(new ConnectRule.Probability(0.02, false), n.synapses().get(2).connect());
        assertEquals(new ConnectRule.InDegree(16, false), n.synapses().get(3).connect());
        assertEquals(0.335, n.synapses().get(3).weight(), 1e-15);
        assertEquals(-80.0, n.synapses().get(3).E());

        // the resolved config holds the network, and the network is part of the hash
        assertTrue(c.resolved().has("network"), c.resolved().toString());
        assertNull(c.resolved().get("model"));
        assertEquals("mS/cm^2", c.resolved().get("units").get("network.synapses.EE.weight").asText());
        assertEquals(0.02, c.resolved().at("/network/synapses/EE/connect/p").asDouble());
        assertNotEquals(c.hash(), parse(COBA.replace("tau: 5 ms, E: 0 mV, delay: 0 ms", "tau: 6 ms, E: 0 mV")).hash());
        assertEquals(c.hash(), parse(COBA).hash());
    }

    @Test
    void connectRulesAsStringsAndMappings() {
        String two = SIM + "network:\n  populations: {A: {size: 4}, B: {size: 4}}\n  synapses:\n"
                + "    AB: {from: A, to: B, connect: RULE, weight: 0.1 mS/cm^2, tau: 2 ms, E: 0 mV}\n";
        assertEquals(new ConnectRule.OneToOne(), rule(two.replace("RULE", "one_to_one")));
        assertEquals(new ConnectRule.AllToAll(true), rule(two.replace("RULE", "all_to_all")));
        assertEquals(new ConnectRule.AllToAll(false), rule(two.replace("RULE", "{all_to_all: true, autapses: false}")));
        assertEquals(new ConnectRule.OneToOne(), rule(two.replace("RULE", "{one_to_one: true}")));
        assertEquals(new ConnectRule.InDegree(4, true), rule(two.replace("RULE", "{indegree: 4}")));
        // a network without synapses, and the default model hh
        SweepConfig plain = parse(SIM + "network:\n  populations: {A: {size: 2}}\n");
        assertEquals(ModelLibrary.hh(), plain.network().population("A").model());
        assertTrue(plain.network().synapses().isEmpty());
        // no network: none
        assertNull(parse(SIM).network());
    }

    @Test
    void ratesBinIntoTheRunAndTheResolvedConfig() {
        SweepConfig c = parse(POPS + "record: {rates: {bin: 1 ms}}\n");
        assertEquals(1.0, c.spec().base().ratesBinMs());
        assertEquals(c.network(), c.spec().base().network());
        assertEquals(1.0, c.resolved().at("/record/rates/bin").asDouble());
        assertEquals("ms", c.resolved().get("units").get("record.rates.bin").asText());
        SweepConfig none = parse(POPS);
        assertTrue(Double.isNaN(none.spec().base().ratesBinMs()));
        assertNull(none.resolved().at("/record").get("rates"), "no key: the hash of configs without rates is kept");
        assertNotEquals(c.hash(), none.hash());
        assertTrue(Double.isNaN(parse(POPS + "record: {rates: false}\n").spec().base().ratesBinMs()));
    }

    private static ConnectRule rule(String yaml) {
        return parse(yaml).network().synapses().get(0).connect();
    }

    private static final String POPS = SIM + "network:\n  populations:\n    E: {size: 10}\n    I: {size: 5}\n";

    private static String group(String fields) {
        return POPS + "  synapses:\n    EE: {" + fields + "}\n";
    }

    private static final String OK = "from: E, to: E, connect: {p: 0.1}, weight: 0.03 mS/cm^2, tau: 5 ms, E: 0 mV";

    private static Arguments bad(String name, String yaml, String field, String... fragments) {
        return Arguments.of(name, yaml, field, List.of(fragments));
    }

    static Stream<Arguments> corpus() {
        return Stream.of(
                bad("unknown population in from", group(OK.replace("from: E", "from: X")),
                        "network.synapses.EE.from", "X", "one of E, I"),
                bad("unknown population in to", group(OK.replace("to: E", "to: Ii")),
                        "network.synapses.EE.to", "Ii", "one of E, I", "did you mean 'I'?"),
                bad("delay below dt", group(OK + ", delay: 0.005 ms"), "network.synapses.EE.delay",
                        "0.005 ms", "0 or a delay of at least one step of simulation.dt (0.01 ms)"),
                bad("delay not a multiple of dt", group(OK + ", delay: 0.015 ms"), "network.synapses.EE.delay",
                        "0.015 ms", "a whole number of steps of simulation.dt (0.01 ms)"),
                bad("negative delay", group(OK + ", delay: -1 ms"), "network.synapses.EE.delay", "a delay >= 0"),
                bad("size 0", POPS.replace("size: 10", "size: 0"), "network.populations.E.size",
                        "a whole number from 1"),
                bad("negative size", POPS.replace("size: 10", "size: -3"), "network.populations.E.size", "-3"),
                bad("missing size", POPS.replace("{size: 10}", "{model: {base: hh}}"), "network.populations.E.size",
                        "nothing"),
                bad("p above 1", group(OK.replace("p: 0.1", "p: 1.5")), "network.synapses.EE.connect.p",
                        "1.5", "a probability from 0 to 1"),
                bad("p below 0", group(OK.replace("p: 0.1", "p: -0.1")), "network.synapses.EE.connect.p",
                        "a probability from 0 to 1"),
                bad("indegree above the source size", group(OK.replace("from: E", "from: I").replace("p: 0.1", "indegree: 6")),
                        "network.synapses.EE.connect.indegree", "an in-degree of at most 5"),
                bad("indegree equal to a recurrent size without autapses",
                        group(OK.replace("p: 0.1", "indegree: 10, autapses: false")),
                        "network.synapses.EE.connect.indegree", "at most 9", "other than the target itself"),
                bad("one_to_one between sizes", group(OK.replace("to: E", "to: I").replace("{p: 0.1}", "one_to_one")),
                        "network.synapses.EE.connect", "one_to_one from E (10 neurons) to I (5 neurons)",
                        "populations of one size"),
                bad("two rules", group(OK.replace("p: 0.1", "p: 0.1, indegree: 2")), "network.synapses.EE.connect",
                        "exactly one rule"),
                bad("no rule", group(OK.replace("p: 0.1", "autapses: false")), "network.synapses.EE.connect",
                        "exactly one rule"),
                bad("unknown rule name", group(OK.replace("{p: 0.1}", "one_to_all")), "network.synapses.EE.connect",
                        "one_to_all", "one_to_one, all_to_all"),
                bad("unknown key in connect", group(OK.replace("p: 0.1", "prob: 0.1")), "network.synapses.EE.connect.prob",
                        "unknown key 'prob'"),
                bad("unknown key in a synapse group", group(OK.replace("weight", "wieght")),
                        "network.synapses.EE.wieght", "unknown key 'wieght'", "did you mean 'weight'?"),
                bad("unknown key in a population", POPS.replace("{size: 10}", "{size: 10, sise: 3}"),
                        "network.populations.E.sise", "unknown key 'sise'"),
                bad("unknown key in network", POPS + "  synapse: {}\n", "network.synapse", "did you mean 'synapses'?"),
                bad("missing weight", group(OK.replace("weight: 0.03 mS/cm^2, ", "")), "network.synapses.EE.weight",
                        "nothing", "a conductance density"),
                bad("weight in the wrong unit", group(OK.replace("0.03 mS/cm^2", "0.03 mV")), "network.synapses.EE.weight",
                        "0.03 mV"),
                bad("negative weight", group(OK.replace("0.03 mS/cm^2", "-0.03 mS/cm^2")), "network.synapses.EE.weight",
                        "a conductance density >= 0"),
                bad("tau 0", group(OK.replace("tau: 5 ms", "tau: 0 ms")), "network.synapses.EE.tau", "a positive"),
                bad("missing E", group(OK.replace(", E: 0 mV", "")), "network.synapses.EE.E", "a voltage"),
                bad("no populations", SIM + "network: {synapses: {}}\n", "network.populations", "nothing"),
                bad("a population name with a dot", SIM + "network:\n  populations: {E.x: {size: 2}}\n",
                        "network.populations.E.x", "letters, digits and _"),
                bad("initial of a group that does not end here",
                        group(OK).replace("E: {size: 10}", "E: {size: 10, initial: {g_EI: 0.1 mS/cm^2}}"),
                        "network.populations.E.initial.g_EI", "one of V, g_EE"),
                bad("normal with negative sd", POPS.replace("{size: 10}", "{size: 10, initial: {V: {normal: [-65 mV, -5 mV]}}}"),
                        "network.populations.E.initial.V.normal[1]", "-5 mV", "a standard deviation >= 0"),
                bad("uniform upside down", POPS.replace("{size: 10}", "{size: 10, initial: {V: {uniform: [-60 mV, -70 mV]}}}"),
                        "network.populations.E.initial.V.uniform[1]", "an upper bound"),
                bad("two distributions", POPS.replace("{size: 10}",
                                "{size: 10, initial: {V: {uniform: [-70 mV, -60 mV], normal: [-65 mV, 1 mV]}}}"),
                        "network.populations.E.initial.V", "one distribution"),
                bad("negative refractory", POPS.replace("{size: 10}", "{size: 10, refractory: -1 ms}"),
                        "network.populations.E.refractory", "a time >= 0"),
                bad("a population's model broken", POPS.replace("{size: 10}", "{size: 10, model: {C: 0 uF/cm^2}}"),
                        "network.populations.E.model.C", "0 uF/cm^2", "a positive membrane capacitance"),
                bad("a population's model misspelt", POPS.replace("{size: 10}", "{size: 10, model: {gna: 1 mS/cm^2}}"),
                        "network.populations.E.model.gna", "did you mean 'gNa'?"),
                bad("a population's stimulus incomplete", POPS.replace("{size: 10}", "{size: 10, stimulus: {type: constant}}"),
                        "network.populations.E.stimulus.amplitude", "nothing"),
                bad("a population's stimulus breaks a rule",
                        POPS.replace("{size: 10}", "{size: 10, stimulus: {type: gaussian, mean: 1 uA/cm^2, sigma: -1 uA/cm^2}}"),
                        "network.populations.E.stimulus.sigma", "a standard deviation >= 0"),
                bad("a JAX replay in a population", POPS.replace("{size: 10}",
                                "{size: 10, stimulus: {type: uniform, low: 0 uA/cm^2, high: 1 uA/cm^2, rng: jax}}"),
                        "network.populations.E.stimulus.rng", "rng: default"),
                bad("top-level model beside network", POPS + "model: {base: hh}\n", "model",
                        "a top-level model section beside network", "network.populations.NAME.model"),
                bad("top-level neurons beside network", POPS + "neurons: 4\n", "neurons", "network.populations.NAME.size"),
                bad("top-level stimulus beside network", POPS + "stimulus: {type: constant, amplitude: 1 uA/cm^2}\n",
                        "stimulus", "network.populations.NAME.stimulus"),
                bad("top-level initial beside network", POPS + "initial: {V: -70 mV}\n", "initial",
                        "network.populations.NAME.initial"),
                bad("traces in a network", POPS + "record: {traces: true}\n", "record.traces", "no traces in a network"),
                bad("rates without a network", SIM + "record: {rates: {bin: 1 ms}}\n", "record.rates",
                        "without a network"),
                bad("rates without a bin", POPS + "record: {rates: {}}\n", "record.rates.bin", "nothing"),
                bad("a rate bin of 0", POPS + "record: {rates: {bin: 0 ms}}\n", "record.rates.bin", "0 ms",
                        "a positive time"),
                bad("a rate bin not a whole number of steps", POPS + "record: {rates: {bin: 0.015 ms}}\n",
                        "record.rates.bin", "0.015 ms", "a whole number of steps of simulation.dt (0.01 ms)"),
                bad("a rate bin in the wrong unit", POPS + "record: {rates: {bin: 1 mV}}\n", "record.rates.bin", "1 mV"),
                bad("an unknown key in rates", POPS + "record: {rates: {bins: 1 ms}}\n", "record.rates.bins",
                        "did you mean 'bin'?"),
                bad("a swept step that does not divide the rate bin",
                        POPS + "record: {rates: {bin: 0.1 ms}}\nsweep: {grid: {simulation.dt: [0.01 ms, 0.03 ms]}}\n",
                        "sweep.grid.simulation.dt", "divides record.rates.bin (0.1 ms)"),
                bad("a model path swept in a network", POPS + "sweep: {grid: {model.gNa: [100 mS/cm^2, 120 mS/cm^2]}}\n",
                        "sweep.grid.model.gNa", "in a network run"),
                bad("a swept step that does not divide a delay",
                        group(OK + ", delay: 0.1 ms") + "sweep: {grid: {simulation.dt: [0.01 ms, 0.03 ms]}}\n",
                        "sweep.grid.simulation.dt", "divides every synaptic delay", "network.synapses.EE.delay is 0.1 ms"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void refusedAtItsField(String name, String yaml, String field, List<String> fragments) {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(yaml), name);
        assertTrue(e.field().startsWith(field), name + ": field " + e.field() + " in " + e.getMessage());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), name + ": '" + f + "' not in " + e.getMessage());
        }
        assertTrue(!e.getMessage().contains("\n"), "one line");
    }
}
