package org.hhsweep.sim.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.hhsweep.sim.stimulus.StimulusSpec;
import org.hhsweep.sim.sweep.Criterion;
import org.hhsweep.sim.sweep.SearchSpec;
import org.hhsweep.sim.sweep.SweepSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** sweep.search and stimulus.rng: what loads, and broken configs failing at the right field. */
class SearchAndRngConfigTest {
    private static final String SIM = "simulation: {duration: 100 ms, dt: 0.01 ms}\n";
    private static final String CONSTANT = "stimulus: {type: constant, amplitude: 0 uA/cm^2}\n";

    private static String search(String body) {
        return SIM + CONSTANT + "sweep:\n  search: {" + body + "}\n";
    }

    private static final String OK_SEARCH = "param: stimulus.amplitude, from: 0 uA/cm^2, to: 20 uA/cm^2, "
            + "tolerance: 0.01 uA/cm^2, criterion: \"spike_count >= 1\"";

    private static Arguments bad(String name, String yaml, String field, String... fragments) {
        return Arguments.of(name, yaml, field, List.of(fragments));
    }

    static Stream<Arguments> corpus() {
        return Stream.of(
                bad("from equals to", search("param: stimulus.amplitude, from: 5 uA/cm^2, to: 5 uA/cm^2, "
                        + "tolerance: 0.01 uA/cm^2, criterion: \"spike_count >= 1\""), "sweep.search.to",
                        "got 5 uA/cm^2", "a value above from (5 uA/cm^2)"),
                bad("from above to", search("param: stimulus.amplitude, from: 20 uA/cm^2, to: 0 uA/cm^2, "
                        + "tolerance: 0.01 uA/cm^2, criterion: \"spike_count >= 1\""), "sweep.search.to",
                        "got 0 uA/cm^2", "above from (20 uA/cm^2)"),
                bad("zero tolerance", search(OK_SEARCH.replace("0.01 uA/cm^2", "0 uA/cm^2")),
                        "sweep.search.tolerance", "a positive current density"),
                bad("negative tolerance", search(OK_SEARCH.replace("0.01 uA/cm^2", "-0.01 uA/cm^2")),
                        "sweep.search.tolerance", "got -0.01 uA/cm^2", "a positive"),
                bad("tolerance as wide as the bracket", search(OK_SEARCH.replace("0.01 uA/cm^2", "20 uA/cm^2")),
                        "sweep.search.tolerance", "below that of the bracket, 20 uA/cm^2"),
                bad("tolerance in the wrong unit", search(OK_SEARCH.replace("0.01 uA/cm^2", "0.01 ms")),
                        "sweep.search.tolerance", "current density"),
                bad("searched param also on the grid", SIM + CONSTANT
                        + "sweep:\n  grid: {stimulus.amplitude: [1 uA/cm^2, 2 uA/cm^2]}\n  search: {" + OK_SEARCH + "}\n",
                        "sweep.search.param", "already swept in sweep.grid", "not also swept"),
                bad("searched param also sampled", SIM + CONSTANT
                        + "sweep:\n  random: {samples: 3, params: {stimulus.amplitude: {uniform: [1 uA/cm^2, 2 uA/cm^2]}}}\n"
                        + "  search: {" + OK_SEARCH + "}\n",
                        "sweep.search.param", "already swept in sweep.random"),
                bad("unknown param", search(OK_SEARCH.replace("stimulus.amplitude", "model.gNaa")),
                        "sweep.search.param", "not a sweepable field", "did you mean 'model.gNa'?"),
                bad("param of another stimulus type", search(OK_SEARCH.replace("stimulus.amplitude", "stimulus.low")),
                        "sweep.search.param", "not a field of the constant stimulus"),
                bad("criterion on an unknown statistic", search(OK_SEARCH.replace("spike_count >= 1", "spikes >= 1")),
                        "sweep.search.criterion", "got spikes >= 1", "a statistic of the summaries table",
                        "spike_count, rate_hz"),
                bad("misspelt statistic", search(OK_SEARCH.replace("spike_count >= 1", "spike_cont >= 1")),
                        "sweep.search.criterion", "did you mean 'spike_count'?"),
                bad("criterion without operator", search(OK_SEARCH.replace("spike_count >= 1", "spike_count 1")),
                        "sweep.search.criterion", "a comparison '<statistic> <op> <number>'", ">=, >, <=, <, =="),
                bad("criterion with an unknown operator", search(OK_SEARCH.replace("spike_count >= 1", "spike_count != 1")),
                        "sweep.search.criterion", "a comparison"),
                bad("criterion with a word for a number", search(OK_SEARCH.replace("spike_count >= 1", "rate_hz > ten")),
                        "sweep.search.criterion", "a plain finite number after '>'", "rate_hz"),
                bad("criterion with a unit", search(OK_SEARCH.replace("spike_count >= 1", "rate_hz > 10 Hz")),
                        "sweep.search.criterion", "a comparison"),
                bad("criterion with NaN", search(OK_SEARCH.replace("spike_count >= 1", "rate_hz > NaN")),
                        "sweep.search.criterion", "a plain finite number"),
                bad("criterion on the window rate without a window",
                        search(OK_SEARCH.replace("spike_count >= 1", "window_rate_hz > 10")),
                        "sweep.search.criterion", "window_rate_hz needs simulation.window"),
                bad("search without criterion", search("param: stimulus.amplitude, from: 0 uA/cm^2, to: 20 uA/cm^2, "
                        + "tolerance: 0.01 uA/cm^2"), "sweep.search.criterion", "got nothing", "a threshold search such as"),
                bad("search with unknown key", search(OK_SEARCH + ", tol: 1 uA/cm^2"), "sweep.search.tol",
                        "param, from, to, tolerance, criterion"),
                bad("search bracket breaking a run rule", SIM + "sweep:\n  search: {param: simulation.dt, from: 0 ms, "
                        + "to: 0.1 ms, tolerance: 0.001 ms, criterion: \"spike_count >= 1\"}\n",
                        "sweep.search.from", "a positive time step"),
                // stimulus.rng
                bad("unknown rng", SIM + "stimulus: {type: uniform, low: 1 uA/cm^2, high: 10 uA/cm^2, rng: numpy}\n",
                        "stimulus.rng", "got numpy", "one of default, jax"),
                bad("misspelt rng", SIM + "stimulus: {type: uniform, low: 1 uA/cm^2, high: 10 uA/cm^2, rng: jaks}\n",
                        "stimulus.rng", "did you mean 'jax'?"),
                bad("jax rng on gaussian noise", SIM + "stimulus: {type: gaussian, mean: 1 uA/cm^2, sigma: 1 uA/cm^2, rng: jax}\n",
                        "stimulus.rng", "jax on a gaussian stimulus", "uniform values only"),
                bad("rng on a constant", SIM + "stimulus: {type: constant, amplitude: 1 uA/cm^2, rng: jax}\n",
                        "stimulus.rng", "'rng' on a constant stimulus"),
                bad("negative seed with jax", SIM + "seed: -1\nstimulus: {type: uniform, low: 1 uA/cm^2, high: 10 uA/cm^2, rng: jax}\n",
                        "seed", "got -1", "from 0 to 4294967295", "32-bit seed"),
                bad("jax seeds running past 32 bits", SIM + "seed: 4294967295\n"
                        + "stimulus: {type: uniform, low: 1 uA/cm^2, high: 10 uA/cm^2, rng: jax}\nsweep: {seeds: 2}\n",
                        "seed", "from 0 to 4294967294", "replicate r uses seed + r"),
                bad("jax uniform high below low", SIM
                        + "stimulus: {type: uniform, low: 10 uA/cm^2, high: 1 uA/cm^2, rng: jax}\n",
                        "stimulus.high", ">= stimulus.low (10 uA/cm^2)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void rejectsWithFieldAndExpectation(String name, String text, String field, List<String> fragments) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(text, "bad.yaml"));
        assertEquals(field, e.field(), "field of: " + e.getMessage());
        assertFalse(e.expected() == null || e.expected().isBlank(), e.getMessage());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "'" + f + "' not in: " + e.getMessage());
        }
    }

    @Test
    void everyErrorOfTheCorpusIsDistinct() {
        List<String> messages = corpus().map(a -> {
            Object[] args = a.get();
            try {
                ConfigLoader.parse((String) args[1], "bad.yaml");
                return "no error";
            } catch (ConfigException e) {
                return e.getMessage();
            }
        }).toList();
        assertEquals(messages.size(), messages.stream().distinct().count(), String.join("\n", messages));
    }

    @Test
    void theIssuesSearchLoads() {
        SweepConfig c = ConfigLoader.parse("""
                simulation: {duration: 1000 ms}
                stimulus: {type: constant}
                sweep:
                  grid: {model.gK: [30 mS/cm^2, 36 mS/cm^2, 42 mS/cm^2]}
                  search: {param: stimulus.amplitude, from: 0 uA/cm^2, to: 20 uA/cm^2,
                           tolerance: 0.01 uA/cm^2, criterion: "spike_count >= 1"}
                  seeds: 2
                """, "rheobase.yaml");
        SweepSpec spec = c.spec();
        SearchSpec s = spec.search();
        assertEquals("stimulus.amplitude", s.path());
        assertEquals(0.0, s.from());
        assertEquals(20.0, s.to());
        assertEquals(0.01, s.tolerance());
        assertEquals(new Criterion("spike_count", ">=", 1), s.criterion());
        assertEquals(6, spec.runCount(), "one search per grid point and seed");
        assertEquals(List.of("model.gK"), spec.sweptPaths());
        // a searched field missing from the base run starts at the bracket's lower end
        assertEquals(0.0, spec.base().get("stimulus.amplitude"));
        assertEquals("stimulus.amplitude", c.resolved().at("/sweep/search/param").asText());
        assertEquals(0.01, c.resolved().at("/sweep/search/tolerance").asDouble());
        assertEquals("spike_count >= 1", c.resolved().at("/sweep/search/criterion").asText());
        assertEquals("uA/cm^2", c.resolved().at("/units/stimulus.amplitude").asText());
    }

    @Test
    void searchBoundsConvertToEngineUnits() {
        SearchSpec s = ConfigLoader.parse(SIM + CONSTANT + "sweep:\n  search: {param: stimulus.amplitude, "
                + "from: 0.001 mA/cm^2, to: 0.02 mA/cm^2, tolerance: 10 nA/cm^2, criterion: \"rate_hz>10\"}\n",
                "units.yaml").spec().search();
        assertEquals(1.0, s.from(), 1e-12);
        assertEquals(20.0, s.to(), 1e-12);
        assertEquals(0.01, s.tolerance(), 1e-15);
        assertEquals(new Criterion("rate_hz", ">", 10), s.criterion());
    }

    @Test
    void searchChangesTheHashAndPlainSweepsResolveNoSearch() {
        SweepConfig plain = ConfigLoader.parse(SIM + CONSTANT, "a.yaml");
        SweepConfig searched = ConfigLoader.parse(search(OK_SEARCH), "a.yaml");
        assertTrue(plain.resolved().at("/sweep/search").isNull());
        assertNull(plain.spec().search());
        assertNotEquals(plain.hash(), searched.hash());
        assertNotEquals(searched.hash(), ConfigLoader.parse(search(OK_SEARCH.replace("0.01 uA", "0.02 uA")), "a.yaml").hash());
    }

    @Test
    void rngJaxGivesTheJaxUniformOfTheRun() {
        SweepConfig c = ConfigLoader.parse("""
                seed: 42
                simulation: {duration: 100 ms}
                neurons: 10
                stimulus: {type: uniform, low: 1 uA/cm^2, high: 10 uA/cm^2, rng: jax, shared: false}
                sweep: {seeds: 3}
                """, "jax.yaml");
        assertEquals(new StimulusSpec.JaxUniform(1, 10, false, 10), c.spec().base().stimulus());
        assertEquals("jax", c.resolved().at("/stimulus/rng").asText());
        assertEquals(List.of(42L, 43L, 44L), List.of(c.spec().run(0).seed(), c.spec().run(1).seed(), c.spec().run(2).seed()));

        SweepConfig plain = ConfigLoader.parse(SIM + "stimulus: {type: uniform, low: 1 uA/cm^2, high: 10 uA/cm^2}\n", "u.yaml");
        assertEquals(new StimulusSpec.Uniform(1, 10, true), plain.spec().base().stimulus());
        assertEquals("default", plain.resolved().at("/stimulus/rng").asText());
        SweepConfig explicit = ConfigLoader.parse(SIM
                + "stimulus: {type: uniform, low: 1 uA/cm^2, high: 10 uA/cm^2, rng: default}\n", "u.yaml");
        assertEquals(plain.hash(), explicit.hash());
    }

    @Test
    void jaxUniformFieldsSweepAndKeepTheirGenerator() {
        SweepSpec spec = ConfigLoader.parse(SIM + "neurons: 3\n"
                + "stimulus: {type: uniform, low: 1 uA/cm^2, high: 10 uA/cm^2, rng: jax, shared: false}\n"
                + "sweep: {grid: {stimulus.high: [8 uA/cm^2, 12 uA/cm^2]}}\n", "g.yaml").spec();
        assertEquals(new StimulusSpec.JaxUniform(1, 12, false, 3), spec.run(1).template().stimulus());
    }
}
