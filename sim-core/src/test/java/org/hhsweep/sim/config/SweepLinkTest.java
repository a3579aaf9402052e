package org.hhsweep.sim.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hhsweep.sim.network.NetworkSpec;
import org.hhsweep.sim.sweep.RunSpec;
import org.hhsweep.sim.sweep.RunTemplate;
import org.hhsweep.sim.sweep.SweepChunks;
import org.hhsweep.sim.sweep.SweepSpec;
import org.junit.jupiter.api.Test;

/** sweep.link: a follower takes its leader's value in every run; the checks, columns and hash. */
class SweepLinkTest {
    private static final String SIM = "simulation: {duration: 20 ms, dt: 0.01 ms}\n";
    private static final String SWEEP = SIM + """
            sweep:
              grid:
                model.gK: [30 mS/cm^2, 36 mS/cm^2, 40 mS/cm^2]
              random:
                samples: 4
                params: {model.EK: {uniform: [-80 mV, -70 mV]}}
              seeds: 2
            """;
    private static final String LINKS = """
              link:
                model.gNa: model.gK
                initial.V: model.EK
            """;
    private static final String NET = """
            simulation: {duration: 10 ms, dt: 0.01 ms}
            network:
              populations:
                E: {size: 40, model: {base: traub_miles}}
                I: {size: 10, model: {base: traub_miles}}
              synapses:
                EE: {from: E, to: E, connect: {p: 0.02}, weight: 0.03 mS/cm^2, tau: 5 ms, E: 0 mV}
                EI: {from: E, to: I, connect: {p: 0.02}, weight: 0.03 mS/cm^2, tau: 5 ms, E: 0 mV}
                IE: {from: I, to: E, connect: {p: 0.02}, weight: 0.335 mS/cm^2, tau: 10 ms, E: -80 mV}
                II: {from: I, to: I, connect: {p: 0.02}, weight: 0.335 mS/cm^2, tau: 10 ms, E: -80 mV}
            """;

    private static SweepConfig parse(String yaml) {
        return ConfigLoader.parse(yaml, "link.yaml");
    }

    private static ConfigException fails(String yaml, String field, String... fragments) {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(yaml));
        assertEquals(field, e.field(), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "'" + f + "' not in: " + e.getMessage());
        }
        return e;
    }

    @Test
    void followersTakeTheirLeadersValueInEveryRun() {
        SweepSpec plain = parse(SWEEP).spec();
        SweepSpec linked = parse(SWEEP + LINKS).spec();
        assertEquals(plain.runCount(), linked.runCount(), "a link adds no runs");
        assertEquals(3 * 4 * 2, linked.runCount());
        assertEquals(List.of("model.gK", "model.EK", "model.gNa", "initial.V"), linked.sweptPaths());
        assertEquals(List.of(new SweepSpec.Link("model.gNa", "model.gK"), new SweepSpec.Link("initial.V", "model.EK")),
                linked.links());
        Set<Double> gNa = new HashSet<>();
        Set<Long> seeds = new HashSet<>();
        for (long i = 0; i < linked.runCount(); i++) {
            RunSpec run = linked.run(i);
            RunSpec before = plain.run(i);
            RunTemplate t = run.template();
            assertEquals(t.get("model.gK"), t.get("model.gNa"), "run " + i);
            assertEquals(t.get("model.EK"), t.get("initial.V"), "run " + i);
            assertEquals(t.get("model.gNa"), t.model().get("gNa"));
            assertEquals(t.v0(), t.get("model.EK"));
            // the leaders, the seeds and the rest of the run are those of the sweep without links
            assertEquals(before.seed(), run.seed());
            assertEquals(before.replicate(), run.replicate());
            assertEquals(before.template().get("model.gK"), t.get("model.gK"));
            assertEquals(before.template().get("model.EK"), t.get("model.EK"));
            // the swept values line up with sweptPaths, followers last
            double[] v = run.sweptValues();
            assertEquals(4, v.length);
            for (int p = 0; p < v.length; p++) {
                assertEquals(t.get(linked.sweptPaths().get(p)), v[p]);
            }
            gNa.add(t.get("model.gNa"));
            seeds.add(run.seed());
        }
        assertEquals(Set.of(30.0, 36.0, 40.0), gNa);
        assertEquals(2, seeds.size());
        // the base run, which takes no swept value, is left alone
        assertEquals(plain.base(), linked.base());
    }

    @Test
    void aFieldWithoutBaseValueCanFollow() {
        // the follower's base value, like a swept field's, is its first value
        SweepSpec s = parse(SIM + """
                stimulus: {type: gaussian, mean: 1 uA/cm^2}
                sweep:
                  grid: {stimulus.mean: [2 uA/cm^2, 3 uA/cm^2]}
                  link: {stimulus.sigma: stimulus.mean}
                """).spec();
        assertEquals(2.0, s.base().get("stimulus.sigma"));
        assertEquals(3.0, s.run(1).template().stimulus().get("sigma"));
    }

    @Test
    void followersAreCheckedWithTheirLeaderNotApart() {
        // window.end <= duration holds in every run, though not in every pairing of the values
        SweepSpec s = parse("""
                simulation: {duration: 100 ms, dt: 0.01 ms, window: {start: 0 ms, end: 50 ms}}
                sweep:
                  grid: {simulation.duration: [50 ms, 100 ms]}
                  link: {simulation.window.end: simulation.duration}
                """).spec();
        assertEquals(100.0, s.run(1).template().windowEndMs());
        // a longest run counts a linked duration
        SweepSpec longer = parse("""
                simulation: {duration: 10 ms, dt: 0.01 ms}
                network:
                  populations: {E: {size: 2, model: {base: traub_miles}}}
                  synapses: {EE: {from: E, to: E, connect: {p: 0.5}, weight: 0.03 mS/cm^2, tau: 5 ms, E: 0 mV}}
                sweep:
                  grid: {network.synapses.EE.tau: [5 ms, 30 ms]}
                  link: {simulation.duration: network.synapses.EE.tau}
                """).spec();
        assertEquals(3000, SweepChunks.maxStepsPerRun(longer));
    }

    @Test
    void followedValuesPassTheChecksOfTheFollower() {
        // sigma >= 0, checked in the stimulus's group: mean is fine at -1 uA/cm^2, sigma is not
        fails(SIM + """
                stimulus: {type: gaussian, mean: 1 uA/cm^2, sigma: 1 uA/cm^2}
                sweep:
                  grid: {stimulus.mean: [1 uA/cm^2, -1 uA/cm^2]}
                  link: {stimulus.sigma: stimulus.mean}
                """, "sweep.link.stimulus.sigma", "got -1 uA/cm^2 (stimulus.mean, sweep.grid.stimulus.mean[1])", ">= 0");
        // a sampled leader: checked at its distribution's bounds
        fails(SIM + """
                stimulus: {type: gaussian, mean: 1 uA/cm^2, sigma: 1 uA/cm^2}
                sweep:
                  random: {samples: 3, params: {stimulus.mean: {uniform: [-2 uA/cm^2, 2 uA/cm^2]}}}
                  link: {stimulus.sigma: stimulus.mean}
                """, "sweep.link.stimulus.sigma", "got -2 uA/cm^2", "sweep.random.params.stimulus.mean.uniform[0]");
    }

    @Test
    void eachBrokenLinkNamesItsField() {
        String grid = SIM + "sweep:\n  grid: {model.gK: [30 mS/cm^2, 36 mS/cm^2]}\n";
        fails(grid + "  link: {model.gNaa: model.gK}\n", "sweep.link.model.gNaa",
                "'model.gNaa', not a sweepable field", "did you mean 'model.gNa'?");
        fails(grid + "  link: {model.gNa: model.gKK}\n", "sweep.link.model.gNa",
                "'model.gKK', not a sweepable field", "did you mean 'model.gK'?");
        fails(grid + "  link: {model.gNa: model.gL}\n", "sweep.link.model.gNa",
                "'model.gL', not swept", "a field of sweep.grid or sweep.random");
        fails(grid + "  link: {model.gK: model.gK}\n", "sweep.link.model.gK", "the field itself");
        fails(SIM + "sweep:\n  grid: {model.gK: [30 mS/cm^2], model.gNa: [120 mS/cm^2]}\n"
                        + "  link: {model.gNa: model.gK}\n",
                "sweep.link.model.gNa", "'model.gNa', already swept in sweep.grid", "not swept itself");
        fails(grid + "  random: {samples: 2, params: {model.gL: {uniform: [0.1 mS/cm^2, 0.3 mS/cm^2]}}}\n"
                        + "  link: {model.gL: model.gK}\n",
                "sweep.link.model.gL", "already swept in sweep.random");
        fails(grid + "  link: {model.gNa: model.gK, model.gL: model.gNa}\n", "sweep.link.model.gNa",
                "the leader of sweep.link.model.gL", "links do not chain", "link model.gL to model.gK directly");
        fails(grid + "  link: {model.gL: model.gNa, model.gNa: model.gK}\n", "sweep.link.model.gL",
                "'model.gNa', itself linked to model.gK");
        fails(grid + "  link: {model.EK: model.gK}\n", "sweep.link.model.EK",
                "'model.gK', a conductance density (mS/cm^2)", "the dimension of model.EK, a voltage (mV)");
        fails(grid + "  link: {simulation.window.start: model.gK}\n", "sweep.link.simulation.window.start",
                "a conductance density", "a time (ms)");
        fails(grid + "  link: [model.gNa]\n", "sweep.link", "a mapping of linked fields");
        fails(grid + "  link: {model.gNa: 3}\n", "sweep.link.model.gNa", "the swept field whose value model.gNa takes");
        fails(grid + "  lnk: {model.gNa: model.gK}\n", "sweep.lnk", "did you mean 'link'?");
        fails(SIM + """
                sweep:
                  grid: {model.gK: [30 mS/cm^2, 36 mS/cm^2]}
                  search: {param: stimulus.amplitude, from: 0 uA/cm^2, to: 20 uA/cm^2, tolerance: 0.1 uA/cm^2, criterion: "spike_count >= 1"}
                  link: {model.EL: stimulus.amplitude}
                """, "sweep.link.model.EL", "searched");
        fails(SIM + """
                sweep:
                  grid: {stimulus.amplitude: [1 uA/cm^2]}
                  search: {param: model.gK, from: 0 mS/cm^2, to: 20 mS/cm^2, tolerance: 0.1 mS/cm^2, criterion: "spike_count >= 1"}
                  link: {model.gK: model.gNa}
                """, "sweep.link.model.gK", "already swept in sweep.search");
    }

    @Test
    void theSpecRefusesLinksTheReaderWouldRefuse() {
        SweepSpec s = parse(SWEEP).spec();
        for (SweepSpec.Link bad : List.of(new SweepSpec.Link("model.gNa", "model.gL"),
                new SweepSpec.Link("model.EK", "model.gK"), new SweepSpec.Link("model.EL", "model.gK"),
                new SweepSpec.Link("model.nope", "model.gK"))) {
            assertThrows(IllegalArgumentException.class, () -> new SweepSpec(s.name(), s.seed(), s.base(), s.grid(),
                    s.samples(), s.random(), s.seeds(), null, List.of(bad)), bad.toString());
        }
        assertThrows(IllegalArgumentException.class, () -> new SweepSpec(s.name(), s.seed(), s.base(), s.grid(),
                s.samples(), s.random(), s.seeds(), null,
                List.of(new SweepSpec.Link("model.gNa", "model.gK"), new SweepSpec.Link("model.gNa", "model.gK"))));
    }

    @Test
    void theResolvedConfigHoldsTheLinksAndOnlyWhenGiven() {
        SweepConfig plain = parse(SWEEP);
        SweepConfig linked = parse(SWEEP + LINKS);
        assertFalse(plain.resolved().path("sweep").has("link"), "without links the resolved config is as before");
        assertEquals("[{\"path\":\"model.gNa\",\"leader\":\"model.gK\"},{\"path\":\"initial.V\",\"leader\":\"model.EK\"}]",
                linked.resolved().path("sweep").path("link").toString());
        assertNotEquals(plain.hash(), linked.hash());
        assertNotEquals(linked.hash(), parse(SWEEP + "  link: {model.gNa: model.gK}\n").hash());
        // a value written in another unit keeps the hash, links or not
        assertEquals(linked.hash(), parse(SWEEP.replace("30 mS/cm^2", "0.03 S/cm^2") + LINKS).hash());
    }

    @Test
    void inANetworkEiFollowsEe() {
        SweepSpec s = parse(NET + """
                sweep:
                  grid:
                    network.synapses.EE.weight: {from: 0.01 mS/cm^2, to: 0.05 mS/cm^2, step: 0.01 mS/cm^2}
                    network.synapses.IE.weight: [0.135 mS/cm^2, 0.335 mS/cm^2]
                  link:
                    network.synapses.EI.weight: network.synapses.EE.weight
                    network.synapses.II.weight: network.synapses.IE.weight
                  seeds: 2
                """).spec();
        assertEquals(5 * 2 * 2, s.runCount());
        assertEquals(List.of("network.synapses.EE.weight", "network.synapses.IE.weight",
                "network.synapses.EI.weight", "network.synapses.II.weight"), s.sweptPaths());
        assertEquals("network_synapses_EI_weight", RunTemplate.column(s.sweptPaths().get(2)));
        for (long i = 0; i < s.runCount(); i++) {
            NetworkSpec n = s.run(i).template().network();
            assertEquals(n.synapses().get(0).weight(), n.synapses().get(1).weight(), "EI = EE in run " + i);
            assertEquals(n.synapses().get(2).weight(), n.synapses().get(3).weight(), "II = IE in run " + i);
        }
        assertEquals(0.05, s.run(s.runCount() - 1).template().network().synapses().get(1).weight(), 1e-12);
        assertEquals(0.135, s.run(0).template().network().synapses().get(3).weight(), 1e-12);
    }

    @Test
    void aNetworkFollowerIsCheckedAtItsPath() {
        // a delay must be whole steps of dt: tau may be 5.005 ms, a delay may not
        fails(NET + """
                sweep:
                  grid: {network.synapses.EE.tau: [5 ms, 5.005 ms]}
                  link: {network.synapses.EI.delay: network.synapses.EE.tau}
                """, "sweep.link.network.synapses.EI.delay", "got 5.005 ms (network.synapses.EE.tau,");
        // a voltage does not drive a weight
        fails(NET + """
                sweep:
                  random: {samples: 2, params: {network.synapses.EE.E: {uniform: [-10 mV, 0 mV]}}}
                  link: {network.synapses.EI.weight: network.synapses.EE.E}
                """, "sweep.link.network.synapses.EI.weight", "a voltage (mV)", "conductance density");
        fails(NET + """
                sweep:
                  grid: {network.synapses.EE.weight: [0.01 mS/cm^2]}
                  link: {model.gNa: network.synapses.EE.weight}
                """, "sweep.link.model.gNa", "in a network run");
    }
}
