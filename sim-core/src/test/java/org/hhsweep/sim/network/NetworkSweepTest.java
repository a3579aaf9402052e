package org.hhsweep.sim.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.hhsweep.sim.config.ConfigException;
import org.hhsweep.sim.config.ConfigLoader;
import org.hhsweep.sim.config.SweepConfig;
import org.hhsweep.sim.stimulus.StimulusSpec;
import org.hhsweep.sim.sweep.RunTemplate;
import org.hhsweep.sim.sweep.SweepSpec;
import org.hhsweep.sim.units.EngineUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every number under network. is sweepable like a model's: paths, units, each run's network, checks. */
class NetworkSweepTest {
    private static final String NET = """
            simulation: {duration: 10 ms, dt: 0.01 ms}
            network:
              populations:
                E:
                  size: 40
                  model: {base: traub_miles}
                  stimulus: {type: gaussian, mean: 1 uA/cm^2, sigma: 2 uA/cm^2}
                  initial: {V: {normal: [-65 mV, 5 mV]}, g_EE: {uniform: [0 mS/cm^2, 0.4 mS/cm^2]}}
                  refractory: 3 ms
                I: {size: 10, model: {base: traub_miles}}
              synapses:
                EE: {from: E, to: E, connect: {p: 0.02}, weight: 0.03 mS/cm^2, tau: 5 ms, E: 0 mV}
                IE: {from: I, to: E, connect: {indegree: 5}, weight: 0.335 mS/cm^2, tau: 10 ms, E: -80 mV, delay: 0.1 ms}
            """;

    private static SweepConfig parse(String yaml) {
        return ConfigLoader.parse(yaml, "net.yaml");
    }

    @Test
    void everyNumberOfTheNetworkHasAPath() {
        RunTemplate base = parse(NET).spec().base();
        List<String> paths = base.paths();
        for (String p : List.of("network.populations.E.size", "network.populations.E.refractory",
                "network.populations.E.model.C", "network.populations.E.model.channels.na.g",
                "network.populations.E.model.channels.k.gates.n.alpha.rate",
                "network.populations.E.stimulus.mean", "network.populations.E.stimulus.sigma",
                "network.populations.E.initial.V.normal.mean", "network.populations.E.initial.V.normal.sd",
                "network.populations.E.initial.g_EE.uniform.low", "network.populations.E.initial.g_EE.uniform.high",
                "network.populations.E.initial.g_IE", "network.populations.I.initial.V",
                "network.populations.I.stimulus.amplitude",
                "network.synapses.EE.weight", "network.synapses.EE.tau", "network.synapses.EE.E",
                "network.synapses.EE.delay", "network.synapses.EE.connect.p", "network.synapses.IE.connect.indegree")) {
            assertTrue(paths.contains(p), p + " not in " + paths);
        }
        assertTrue(paths.stream().noneMatch(p -> p.startsWith("model.") || p.startsWith("stimulus.")
                || p.startsWith("initial.")), "a network run has no top-level model, stimulus or initial");
        assertTrue(!paths.contains("network.synapses.IE.connect.p"));
        assertTrue(!paths.contains("network.populations.I.initial.g_EE"), "EE does not end on I");
        assertEquals(EngineUnit.MILLISIEMENS_PER_CM2, base.unit("network.synapses.EE.weight"));
        assertEquals(EngineUnit.MILLISECOND, base.unit("network.synapses.IE.delay"));
        assertEquals(EngineUnit.MILLIVOLT, base.unit("network.populations.E.initial.V.normal.sd"));
        assertEquals(EngineUnit.MILLISIEMENS_PER_CM2, base.unit("network.populations.E.initial.g_EE.uniform.low"));
        assertEquals(EngineUnit.DIMENSIONLESS, base.unit("network.synapses.EE.connect.p"));
        assertEquals(EngineUnit.DIMENSIONLESS, base.unit("network.populations.E.size"));
        assertEquals(base.network().population("E").model().unit("channels.na.g"),
                base.unit("network.populations.E.model.channels.na.g"));
        assertEquals(5.0, base.get("network.populations.E.initial.V.normal.sd"));
        assertEquals(5.0, base.get("network.synapses.IE.connect.indegree"));
        assertEquals("network_synapses_EE_connect_p", RunTemplate.column("network.synapses.EE.connect.p"));
        // independent neurons have no network paths
        assertTrue(parse("simulation: {duration: 10 ms}\n").spec().base().paths().stream()
                .noneMatch(p -> p.startsWith("network.")));
    }

    @Test
    void eachRunGetsItsOwnNetwork() {
        SweepSpec spec = parse(NET + """
                sweep:
                  grid:
                    network.synapses.EE.weight: [0.02 mS/cm^2, 0.04 mS/cm^2]
                    network.synapses.IE.weight: [200 uS/cm^2, 400 uS/cm^2, 600 uS/cm^2]
                    network.populations.E.size: [40, 80]
                  seeds: 2
                """).spec();
        assertEquals(24, spec.runCount());
        // the first axis slowest, replicates fastest: run 2 x 2 x 3 - 1 has the last values of each
        NetworkSpec last = spec.run(23).template().network();
        assertEquals(0.04, last.synapses().get(0).weight(), 1e-15);
        assertEquals(0.6, last.synapses().get(1).weight(), 1e-15);
        assertEquals(80, last.population("E").size());
        assertEquals(90, spec.run(23).template().neurons(), "the run's neuron count follows its network");
        NetworkSpec first = spec.run(0).template().network();
        assertEquals(0.02, first.synapses().get(0).weight(), 1e-15);
        assertEquals(0.2, first.synapses().get(1).weight(), 1e-15);
        assertEquals(40, first.population("E").size());
        // what is not swept stays the config's
        assertEquals(5.0, first.synapses().get(0).tauMs());
        assertEquals(new StimulusSpec.Gaussian(1.0, 2.0, false), last.population("E").stimulus());
        assertEquals(List.of("network.synapses.EE.weight", "network.synapses.IE.weight", "network.populations.E.size"),
                spec.sweptPaths());
    }

    @Test
    void modelStimulusAndInitialPathsOfAPopulation() {
        SweepSpec spec = parse(NET + """
                sweep:
                  grid:
                    network.populations.E.model.channels.na.g: [80 mS/cm^2, 100 mS/cm^2]
                    network.populations.E.stimulus.sigma: [1 uA/cm^2]
                    network.populations.E.initial.V.normal.mean: [-70 mV]
                    network.populations.I.initial.V: [-60 mV]
                  random:
                    samples: 3
                    params:
                      network.synapses.EE.connect.p: {uniform: [0.01, 0.1]}
                """).spec();
        NetworkSpec n = spec.run(spec.runCount() - 1).template().network();
        assertEquals(100.0, n.population("E").model().get("channels.na.g"), 1e-12);
        assertEquals(new StimulusSpec.Gaussian(1.0, 1.0, false), n.population("E").stimulus());
        assertEquals(InitialValue.normal(-70.0, 5.0), n.population("E").initialV());
        assertEquals(InitialValue.of(-60.0), n.population("I").initialV());
        double p = ((ConnectRule.Probability) n.synapses().get(0).connect()).p();
        assertTrue(p >= 0.01 && p < 0.1, "p " + p);
        // and the run simulates its own network
        NetworkResult r = NetworkSimulation.run(n, spec.base().settings(), spec.run(0).seed(), Double.NaN);
        assertEquals(50, r.neurons());
    }

    private static Arguments bad(String name, String grid, String field, String... fragments) {
        return Arguments.of(name, grid, field, List.of(fragments));
    }

    static Stream<Arguments> corpus() {
        return Stream.of(
                bad("negative weight", "network.synapses.EE.weight: [0.01 mS/cm^2, -0.01 mS/cm^2]",
                        "sweep.grid.network.synapses.EE.weight[1]", "-0.01 mS/cm^2", "a conductance density >= 0"),
                bad("p above 1", "network.synapses.EE.connect.p: [0.5, 1.5]", "sweep.grid.network.synapses.EE.connect.p[1]",
                        "1.5", "a probability from 0 to 1"),
                bad("tau 0", "network.synapses.EE.tau: [0 ms]", "sweep.grid.network.synapses.EE.tau", "a positive"),
                bad("delay not whole steps", "network.synapses.EE.delay: [0.1 ms, 0.015 ms]",
                        "sweep.grid.network.synapses.EE.delay[1]", "0.015 ms", "whole number of steps"),
                bad("delay against a swept step", "network.synapses.EE.delay: [0.05 ms]\n    simulation.dt: [0.01 ms, 0.02 ms]",
                        "sweep.grid.network.synapses.EE.delay", "0.05 ms", "a whole number of steps of simulation.dt (0.02 ms)"),
                bad("a base delay against a swept step", "simulation.dt: [0.01 ms, 0.03 ms]", "sweep.grid.simulation.dt[1]",
                        "divides every synaptic delay", "network.synapses.IE.delay is 0.1 ms"),
                bad("negative delay", "network.synapses.EE.delay: [-1 ms]", "sweep.grid.network.synapses.EE.delay",
                        "a delay >= 0"),
                bad("size not whole", "network.populations.E.size: [2.5]", "sweep.grid.network.populations.E.size",
                        "a whole number of neurons >= 1"),
                bad("size 0", "network.populations.E.size: [0]", "sweep.grid.network.populations.E.size", "a whole number"),
                bad("a size the in-degree cannot meet", "network.populations.I.size: [10, 4]",
                        "sweep.grid.network.populations.I.size[1]", "an in-degree of at most 4"),
                bad("in-degree not whole", "network.synapses.IE.connect.indegree: [2.5]",
                        "sweep.grid.network.synapses.IE.connect.indegree", "a whole number >= 0"),
                bad("a population's model number", "network.populations.E.model.C: [1 uF/cm^2, 0 uF/cm^2]",
                        "sweep.grid.network.populations.E.model.C[1]", "a positive membrane capacitance"),
                bad("a population's stimulus number", "network.populations.E.stimulus.sigma: [-1 uA/cm^2]",
                        "sweep.grid.network.populations.E.stimulus.sigma", "a standard deviation >= 0"),
                bad("an initial sd", "network.populations.E.initial.V.normal.sd: [-1 mV]",
                        "sweep.grid.network.populations.E.initial.V.normal.sd", "a standard deviation >= 0"),
                bad("an initial conductance", "network.populations.E.initial.g_IE: [-1 mS/cm^2]",
                        "sweep.grid.network.populations.E.initial.g_IE", "a conductance density >= 0"),
                bad("a uniform's bounds crossed", "network.populations.E.initial.g_EE.uniform.low: [1 mS/cm^2]",
                        "sweep.grid.network.populations.E.initial.g_EE.uniform.low", "a lower bound <= the upper bound"),
                bad("a refractory period", "network.populations.E.refractory: [-1 ms]",
                        "sweep.grid.network.populations.E.refractory", "a time >= 0"),
                bad("the wrong unit", "network.synapses.EE.weight: [1 mV]", "sweep.grid.network.synapses.EE.weight", "1 mV"),
                bad("a misspelt path", "network.synapses.EE.wieght: [1 mS/cm^2]", "sweep.grid.network.synapses.EE.wieght",
                        "not a sweepable field", "did you mean 'network.synapses.EE.weight'?"),
                bad("the other rule's number", "network.synapses.IE.connect.p: [0.1]",
                        "sweep.grid.network.synapses.IE.connect.p", "not a sweepable field"),
                bad("a top-level model path", "model.gNa: [100 mS/cm^2]", "sweep.grid.model.gNa", "in a network run",
                        "network.populations.NAME.model"),
                bad("a top-level initial path", "initial.V: [-70 mV]", "sweep.grid.initial.V", "in a network run"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void sweptValuesAreCheckedAtTheirField(String name, String grid, String field, List<String> fragments) {
        String yaml = NET + "sweep:\n  grid:\n    " + grid + "\n";
        ConfigException e = assertThrows(ConfigException.class, () -> parse(yaml), name);
        assertTrue(e.field().startsWith(field), name + ": field " + e.field() + " in " + e.getMessage());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), name + ": '" + f + "' not in " + e.getMessage());
        }
    }

    @Test
    void aNetworkPathWithoutANetworkIsNoField() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(
                "simulation: {duration: 10 ms}\nsweep: {grid: {network.synapses.EE.weight: [1 mS/cm^2]}}\n"));
        assertEquals("sweep.grid.network.synapses.EE.weight", e.field());
        assertTrue(e.getMessage().contains("not a sweepable field"), e.getMessage());
    }
}
