package org.hhsweep.sim.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.hhsweep.sim.sensitivity.SensitivityMethod;
import org.hhsweep.sim.sensitivity.SensitivityParam;
import org.hhsweep.sim.sensitivity.SensitivitySpec;
import org.hhsweep.sim.sensitivity.SobolDesign;
import org.hhsweep.sim.sweep.RunSpec;
import org.hhsweep.sim.sweep.SweepChunks;
import org.hhsweep.sim.sweep.SweepSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * sweep.sensitivity: the issue's config read with its units, the runs it expands into (the design's
 * values by run index, whatever the chunking), its place in the resolved config and hash, and every
 * bad input refused at its field.
 */
class SensitivityConfigTest {
    private static final String SIM = "simulation: {duration: 50 ms, dt: 0.01 ms}\n";
    /** The issue's example, with fewer samples. */
    private static final String ISSUE = SIM + """
            sweep:
              grid: {stimulus.amplitude: [5 uA/cm^2, 10 uA/cm^2]}
              sensitivity:
                method: sobol
                samples: 16
                params: {model.gNa: {uniform: [100 mS/cm^2, 140 mS/cm^2]}, model.gK: {uniform: [30 mS/cm^2, 42 mS/cm^2]}}
                outputs: [rate_hz, first_spike_ms]
            """;
    private static final String MORRIS = SIM + """
            sweep:
              sensitivity:
                method: morris
                samples: 5
                levels: 6
                params:
                  model.gNa: {uniform: [0.1 S/cm^2, 0.14 S/cm^2]}
                  model.gK: {uniform: [30 mS/cm^2, 42 mS/cm^2]}
                  initial.V: {uniform: [-70 mV, -60 mV]}
                outputs: rate_hz
            """;

    private static SweepConfig parse(String yaml) {
        return ConfigLoader.parse(yaml, "sensitivity.yaml");
    }

    @Test
    void theIssuesConfigIsReadWithItsUnits() {
        SweepConfig c = parse(ISSUE);
        SweepSpec spec = c.spec();
        SensitivitySpec s = spec.sensitivity();
        assertEquals(SensitivityMethod.SOBOL, s.method());
        assertEquals(16, s.samples());
        assertEquals(List.of(new SensitivityParam("model.gNa", 100, 140), new SensitivityParam("model.gK", 30, 42)),
                s.params());
        assertEquals(List.of("rate_hz", "first_spike_ms"), s.outputs());
        assertEquals(16 * 4, s.runs());
        assertEquals(2, spec.gridPoints());
        assertEquals(2L * 16 * 4, spec.runCount());
        assertEquals(List.of("stimulus.amplitude", "model.gNa", "model.gK"), spec.sweptPaths());
        assertEquals(0, spec.samples());

        SensitivitySpec m = parse(MORRIS).spec().sensitivity();
        assertEquals(SensitivityMethod.MORRIS, m.method());
        assertEquals(6, m.levels());
        assertEquals(new SensitivityParam("model.gNa", 100, 140), m.params().get(0), "0.1 S/cm^2 is 100 mS/cm^2");
        assertEquals(List.of("rate_hz"), m.outputs(), "one output may be written without a list");
        assertEquals(5 * 4, m.runs());
        assertEquals(4, parse(MORRIS.replace("    levels: 6\n", "")).spec().sensitivity().levels(), "default levels");
        assertEquals(SensitivityMethod.SOBOL,
                parse(ISSUE.replace("    method: sobol\n", "")).spec().sensitivity().method(), "default method");
        assertNull(parse(SIM + "sweep: {grid: {model.gK: [30 mS/cm^2]}}\n").spec().sensitivity());
    }

    /**
     * run(i) for every i: grid point, then design run (row j of matrix A, AB_1..AB_k or B), then
     * seed replicate; the parameter values are A's, B's and AB_i's (A with column i from B), built
     * here from the design's base points, and reach the run's template and columns.
     */
    @Test
    void everyRunIsItsGridPointAndDesignRunsValues() {
        SweepSpec spec = parse(ISSUE.replace("  sensitivity:", "  seeds: 3\n  sensitivity:")).spec();
        SensitivitySpec s = spec.sensitivity();
        SobolDesign design = s.sobol();
        int k = 2;
        double[] amplitudes = {5, 10};
        assertEquals(2L * 16 * 4 * 3, spec.runCount());
        long i = 0;
        for (int point = 0; point < 2; point++) {
            assertEquals(i, spec.firstRun(point));
            for (int row = 0; row < 16; row++) {
                double[] base = design.basePoint(row);
                double[] a = {s.params().get(0).value(base[0]), s.params().get(1).value(base[1])};
                double[] b = {s.params().get(0).value(base[2]), s.params().get(1).value(base[3])};
                double[][] matrices = {a, {b[0], a[1]}, {a[0], b[1]}, b};
                for (double[] expected : matrices) {
                    for (int replicate = 0; replicate < 3; replicate++, i++) {
                        RunSpec run = spec.run(i);
                        assertEquals(replicate, run.replicate());
                        assertEquals(spec.replicateSeed(replicate), run.seed(), "replicates share noise across the design");
                        assertArrayEquals(new double[] {amplitudes[point], expected[0], expected[1]}, run.sweptValues(), 0.0,
                                "run " + i);
                        assertEquals(expected[0], run.template().model().get("gNa"), 0.0);
                        assertEquals(expected[1], run.template().model().get("gK"), 0.0);
                        assertTrue(expected[0] >= 100 && expected[0] < 140 && expected[1] >= 30 && expected[1] < 42);
                        SweepSpec.Position at = spec.position(i);
                        assertEquals(point, at.gridPoint());
                        assertEquals(replicate, at.replicate());
                        assertEquals(design.run(row, Arrays.asList(matrices).indexOf(expected)), at.sample());
                    }
                }
            }
        }
        assertEquals(spec.runCount(), i);
        assertEquals(k + 2, design.runs() / 16);
    }

    /** A task computes its runs from their indices: any cut, any order, a deserialized copy. */
    @Test
    void runsDoNotDependOnChunkingOrOnWhoComputesThem() throws Exception {
        for (String yaml : List.of(ISSUE, MORRIS.replace("sweep:", "sweep:\n  seeds: 2"))) {
            SweepSpec spec = parse(yaml).spec();
            List<double[]> inOrder = new ArrayList<>();
            for (long i = 0; i < spec.runCount(); i++) {
                inOrder.add(spec.run(i).sweptValues());
            }
            for (long perChunk : new long[] {1, 7, 64, spec.runCount()}) {
                SweepChunks chunks = new SweepChunks(spec.runCount(), perChunk);
                for (long c = chunks.count() - 1; c >= 0; c--) {
                    SweepSpec shipped = roundTrip(spec);
                    for (long i = chunks.firstRun(c); i < chunks.endRun(c); i++) {
                        assertArrayEquals(inOrder.get((int) i), shipped.run(i).sweptValues(), 0.0, "run " + i);
                    }
                }
            }
        }
    }

    private static SweepSpec roundTrip(SweepSpec spec) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(spec);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (SweepSpec) in.readObject();
        }
    }

    @Test
    void morrisRunsAreTrajectoriesOnTheLevels() {
        SweepSpec spec = parse(MORRIS).spec();
        SensitivitySpec s = spec.sensitivity();
        assertEquals(20, spec.runCount());
        for (long i = 0; i < spec.runCount(); i++) {
            double[] v = spec.run(i).sweptValues();
            assertArrayEquals(s.values((int) i), v, 0.0);
            // six levels: gNa on 100, 108, ..., 140
            double level = (v[0] - 100) / 8;
            assertEquals(Math.rint(level), level, 1e-9, "gNa " + v[0]);
        }
    }

    @Test
    void linkedFieldsFollowSensitivityParams() {
        SweepSpec spec = parse(ISSUE + "  link: {model.gL: model.gK}\n").spec();
        assertEquals(List.of("stimulus.amplitude", "model.gNa", "model.gK", "model.gL"), spec.sweptPaths());
        for (long i = 0; i < spec.runCount(); i++) {
            RunSpec run = spec.run(i);
            assertEquals(run.template().get("model.gK"), run.template().get("model.gL"), 0.0);
            assertEquals(run.sweptValues()[2], run.sweptValues()[3], 0.0);
        }
    }

    /** The longest run counts a sensitivity range's longest duration (chunks are cut by work). */
    @Test
    void aDurationRangeCountsItsLongestRun() {
        SweepSpec spec = parse(SIM + """
                sweep:
                  sensitivity: {samples: 4, params: {simulation.duration: {uniform: [50 ms, 200 ms]}}, outputs: [rate_hz]}
                """).spec();
        assertEquals(Math.round(200 / 0.01), SweepChunks.maxStepsPerRun(spec));
    }

    @Test
    void resolvedConfigHoldsTheAnalysisOnlyWhenGiven() {
        SweepConfig c = parse(ISSUE);
        JsonNode s = c.resolved().path("sweep").path("sensitivity");
        assertEquals("sobol", s.path("method").asText());
        assertEquals(16, s.path("samples").asInt());
        assertTrue(s.path("levels").isMissingNode(), "levels are morris'");
        assertEquals("model.gNa", s.path("params").get(0).path("path").asText());
        assertEquals(100.0, s.path("params").get(0).path("low").asDouble(), 0.0);
        assertEquals(140.0, s.path("params").get(0).path("high").asDouble(), 0.0);
        assertEquals("first_spike_ms", s.path("outputs").get(1).asText());
        assertEquals(6, parse(MORRIS).resolved().path("sweep").path("sensitivity").path("levels").asInt());
        assertFalse(parse(SIM + "sweep: {grid: {model.gK: [30 mS/cm^2]}}\n").resolved().path("sweep").has("sensitivity"));

        String hash = c.hash();
        assertEquals(hash, parse(ISSUE.replace("100 mS/cm^2", "0.1 S/cm^2")).hash(), "a unit is not a change");
        for (String changed : List.of(ISSUE.replace("samples: 16", "samples: 32"),
                ISSUE.replace("140 mS/cm^2", "150 mS/cm^2"),
                ISSUE.replace("[rate_hz, first_spike_ms]", "[rate_hz]"),
                ISSUE.replace("method: sobol", "method: morris"),
                "seed: 1\n" + ISSUE)) {
            assertNotEquals(hash, parse(changed).hash(), changed);
        }
    }

    private static Arguments bad(String name, String sweep, String field, String... fragments) {
        return Arguments.of(name, SIM + sweep, field, List.of(fragments));
    }

    private static final String GNA = "{model.gNa: {uniform: [100 mS/cm^2, 140 mS/cm^2]}}";

    static Stream<Arguments> corpus() {
        String head = "sweep:\n  sensitivity:\n";
        return Stream.of(
                bad("not a mapping", "sweep: {sensitivity: sobol}\n", "sweep.sensitivity", "a mapping with keys method"),
                bad("unknown key", "sweep: {sensitivity: {sample: 16, params: " + GNA + ", outputs: [rate_hz]}}\n",
                        "sweep.sensitivity.sample", "did you mean 'samples'?"),
                bad("unknown method", "sweep: {sensitivity: {method: sobl, samples: 16, params: " + GNA + ", outputs: [rate_hz]}}\n",
                        "sweep.sensitivity.method", "one of sobol, morris", "did you mean 'sobol'?"),
                bad("samples missing", "sweep: {sensitivity: {params: " + GNA + ", outputs: [rate_hz]}}\n",
                        "sweep.sensitivity.samples", "got nothing", "a power of 2"),
                bad("one sample", "sweep: {sensitivity: {samples: 1, params: " + GNA + ", outputs: [rate_hz]}}\n",
                        "sweep.sensitivity.samples", "from 2 to"),
                bad("samples as a string", "sweep: {sensitivity: {samples: \"16\", params: " + GNA + ", outputs: [rate_hz]}}\n",
                        "sweep.sensitivity.samples", "\"16\" (a string)"),
                bad("sobol samples not a power of 2", "sweep: {sensitivity: {samples: 1000, params: " + GNA + ", outputs: [rate_hz]}}\n",
                        "sweep.sensitivity.samples", "got 1000", "a power of 2 such as 512 or 1024"),
                bad("too many runs per grid point", "sweep: {sensitivity: {samples: 33554432, params: " + GNA
                        + ", outputs: [rate_hz]}}\n", "sweep.sensitivity.samples", "at most 67108864 design runs"),
                bad("morris with one trajectory", "sweep: {sensitivity: {method: morris, samples: 1, params: " + GNA
                        + ", outputs: [rate_hz]}}\n", "sweep.sensitivity.samples", "trajectories"),
                bad("levels with sobol", "sweep: {sensitivity: {samples: 16, levels: 4, params: " + GNA + ", outputs: [rate_hz]}}\n",
                        "sweep.sensitivity.levels", "no levels with method sobol"),
                bad("odd levels", "sweep: {sensitivity: {method: morris, samples: 8, levels: 5, params: " + GNA
                        + ", outputs: [rate_hz]}}\n", "sweep.sensitivity.levels", "got 5", "an even number"),
                bad("levels of 0", "sweep: {sensitivity: {method: morris, samples: 8, levels: 0, params: " + GNA
                        + ", outputs: [rate_hz]}}\n", "sweep.sensitivity.levels", "from 2 to 1024"),
                bad("params missing", "sweep: {sensitivity: {samples: 16, outputs: [rate_hz]}}\n",
                        "sweep.sensitivity.params", "got nothing", "uniform"),
                bad("params empty", "sweep: {sensitivity: {samples: 16, params: {}, outputs: [rate_hz]}}\n",
                        "sweep.sensitivity.params", "got {}", "a mapping of fields to their ranges"),
                bad("params a list", "sweep: {sensitivity: {samples: 16, params: [model.gNa], outputs: [rate_hz]}}\n",
                        "sweep.sensitivity.params", "a mapping of fields"),
                bad("param not sweepable", "sweep: {sensitivity: {samples: 16, params: {model.gNA: {uniform: [1 mS/cm^2, 2 mS/cm^2]}},"
                        + " outputs: [rate_hz]}}\n", "sweep.sensitivity.params.model.gNA", "not a sweepable field",
                        "did you mean 'model.gNa'?"),
                bad("param also on the grid", "sweep: {grid: {model.gNa: [120 mS/cm^2]}, sensitivity: {samples: 16, params: " + GNA
                        + ", outputs: [rate_hz]}}\n", "sweep.sensitivity.params.model.gNa", "already swept in sweep.grid"),
                bad("param a list of bounds", "sweep: {sensitivity: {samples: 16, params: {model.gNa: [100 mS/cm^2, 140 mS/cm^2]},"
                        + " outputs: [rate_hz]}}\n", "sweep.sensitivity.params.model.gNa", "{uniform: [low, high]}"),
                bad("another distribution", "sweep: {sensitivity: {samples: 16, params: {model.gNa: {normal: [120 mS/cm^2, 5 mS/cm^2]}},"
                        + " outputs: [rate_hz]}}\n", "sweep.sensitivity.params.model.gNa.normal", "uniform"),
                bad("misspelt uniform", "sweep: {sensitivity: {samples: 16, params: {model.gNa: {unifrom: [1 mS/cm^2, 2 mS/cm^2]}},"
                        + " outputs: [rate_hz]}}\n", "sweep.sensitivity.params.model.gNa.unifrom", "did you mean 'uniform'?"),
                bad("one bound", "sweep: {sensitivity: {samples: 16, params: {model.gNa: {uniform: [100 mS/cm^2]}},"
                        + " outputs: [rate_hz]}}\n", "sweep.sensitivity.params.model.gNa.uniform", "two conductance density values"),
                bad("bounds reversed", "sweep: {sensitivity: {samples: 16, params: {model.gNa: {uniform: [140 mS/cm^2, 100 mS/cm^2]}},"
                        + " outputs: [rate_hz]}}\n", "sweep.sensitivity.params.model.gNa.uniform[1]", "got 100 mS/cm^2",
                        "above the lower bound 140 mS/cm^2"),
                bad("bounds equal", "sweep: {sensitivity: {samples: 16, params: {model.gNa: {uniform: [120 mS/cm^2, 0.12 S/cm^2]}},"
                        + " outputs: [rate_hz]}}\n", "sweep.sensitivity.params.model.gNa.uniform[1]", "above the lower bound"),
                bad("bound of the wrong unit", "sweep: {sensitivity: {samples: 16, params: {model.gNa: {uniform: [100 mV, 140 mS/cm^2]}},"
                        + " outputs: [rate_hz]}}\n", "sweep.sensitivity.params.model.gNa.uniform[0]", "got 100 mV", "conductance density"),
                bad("bound without unit", "sweep: {sensitivity: {samples: 16, params: {model.gNa: {uniform: [100 mS/cm^2, 140]}},"
                        + " outputs: [rate_hz]}}\n", "sweep.sensitivity.params.model.gNa.uniform[1]", "got 140"),
                bad("range breaking a run's rule", "sweep: {sensitivity: {samples: 16, params: {model.gNa: {uniform: [-10 mS/cm^2, 140 mS/cm^2]}},"
                        + " outputs: [rate_hz]}}\n", "sweep.sensitivity.params.model.gNa.uniform[0]", "got -10 mS/cm^2"),
                bad("outputs missing", "sweep: {sensitivity: {samples: 16, params: " + GNA + "}}\n",
                        "sweep.sensitivity.outputs", "got nothing", "rate_hz, window_rate_hz, first_spike_ms"),
                bad("outputs empty", "sweep: {sensitivity: {samples: 16, params: " + GNA + ", outputs: []}}\n",
                        "sweep.sensitivity.outputs", "an empty list"),
                bad("unknown output", "sweep: {sensitivity: {samples: 16, params: " + GNA + ", outputs: [rate_hz, rate_Hz2]}}\n",
                        "sweep.sensitivity.outputs[1]", "'rate_Hz2'", "did you mean 'rate_hz'?"),
                bad("output twice", "sweep: {sensitivity: {samples: 16, params: " + GNA + ", outputs: [rate_hz, cv_isi, rate_hz]}}\n",
                        "sweep.sensitivity.outputs[2]", "already outputs[0]"),
                bad("output not a name", "sweep: {sensitivity: {samples: 16, params: " + GNA + ", outputs: [{a: 1}]}}\n",
                        "sweep.sensitivity.outputs[0]", "got {\"a\":1}", "a statistic of the summaries table"),
                bad("window rate without a window", "sweep: {sensitivity: {samples: 16, params: " + GNA
                        + ", outputs: [rate_hz, window_rate_hz]}}\n", "sweep.sensitivity.outputs[1]", "needs simulation.window"),
                bad("random beside", head + "    {samples: 16, params: " + GNA + ", outputs: [rate_hz]}\n"
                        + "  random: {samples: 4, params: {model.gK: {uniform: [30 mS/cm^2, 40 mS/cm^2]}}}\n",
                        "sweep.random", "no sweep.random with sweep.sensitivity"),
                bad("search beside", head + "    {samples: 16, params: " + GNA + ", outputs: [rate_hz]}\n"
                        + "  search: {param: stimulus.amplitude, from: 0 uA/cm^2, to: 20 uA/cm^2, tolerance: 0.1 uA/cm^2,"
                        + " criterion: \"spike_count >= 1\"}\n", "sweep.search", "no sweep.search with sweep.sensitivity"),
                bad("a param followed in another unit", head + "    {samples: 16, params: " + GNA + ", outputs: [rate_hz]}\n"
                        + "  link: {initial.V: model.gNa}\n", "sweep.link.initial.V", "'model.gNa', a conductance density",
                        "a swept field of the dimension of initial.V"),
                bad("a param as a follower", head + "    {samples: 16, params: " + GNA + ", outputs: [rate_hz]}\n"
                        + "  grid: {model.gK: [30 mS/cm^2]}\n  link: {model.gNa: model.gK}\n", "sweep.link.model.gNa",
                        "already swept in sweep.sensitivity.params"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void badInputIsRefusedAtItsField(String name, String yaml, String field, List<String> fragments) {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(yaml));
        assertEquals(field, e.field(), "field of: " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().contains(", expected " + e.expected()), e.getMessage());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "'" + f + "' not in: " + e.getMessage());
        }
    }

    /**
     * Mutants of the two configs above (ConfigMutator, as ConfigFuzzTest: keys renamed and moved,
     * values replaced, units swapped) load or are refused with one clean line; a valid one's runs
     * pass the run checks. Kept apart from ConfigSeeds, whose list other tests draw from.
     */
    @Test
    void mutantsLoadOrAreRefusedCleanly() {
        int valid = 0;
        int cases = 400;
        for (int i = 0; i < cases; i++) {
            long seed = 20261215L + i;
            java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
            String text = new ConfigMutator(random).mutate(random.nextBoolean() ? ISSUE : MORRIS, false);
            if (ConfigFuzzTest.check(text, "sensitivity.yaml", "seed " + seed) == ConfigFuzzTest.Outcome.VALID) {
                valid++;
            }
        }
        System.out.printf("SensitivityConfigTest: %d mutants, %d valid, %d refused%n", cases, valid, cases - valid);
        assertTrue(valid >= cases / 50 && cases - valid >= cases / 2, valid + " valid of " + cases);
    }

    @Test
    void aNetworkIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse("""
                simulation: {duration: 10 ms, dt: 0.01 ms}
                network:
                  populations:
                    E: {size: 4, model: {base: traub_miles}}
                  synapses:
                    EE: {from: E, to: E, connect: {p: 0.5}, weight: 0.03 mS/cm^2, tau: 5 ms, E: 0 mV}
                sweep:
                  sensitivity: {samples: 4, params: {network.synapses.EE.weight: {uniform: [0 mS/cm^2, 0.1 mS/cm^2]}},
                                outputs: [rate_hz]}
                """));
        assertEquals("sweep.sensitivity", e.field(), e.getMessage());
        assertTrue(e.getMessage().contains("with a network"), e.getMessage());
    }

    /** docs/config.md's section holds every key, default, bound and statistic as the code has them. */
    @Test
    void docsDescribeTheKeysAndBoundsTheCodeHas() throws IOException {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "config.md"));
        int from = doc.indexOf("#### Sensitivity analysis: `sweep.sensitivity`");
        assertTrue(from >= 0, "docs/config.md has no sensitivity section");
        String section = doc.substring(from, doc.indexOf("\n### ", from));
        for (String key : SensitivityReader.KEYS) {
            assertTrue(section.contains("| `" + key + "` |"), "no row for " + key);
        }
        assertTrue(section.contains("| `method` | `" + SensitivityReader.DEFAULT_METHOD.configName() + "` |"));
        assertTrue(section.contains("| `levels` | `" + org.hhsweep.sim.sensitivity.MorrisDesign.DEFAULT_LEVELS + "` |"));
        assertTrue(section.contains("from 2 to " + org.hhsweep.sim.sensitivity.MorrisDesign.MAX_LEVELS));
        assertTrue(section.contains(String.format(java.util.Locale.ROOT, "%,d", SensitivitySpec.MAX_RUNS)));
        assertTrue(section.contains(String.format(java.util.Locale.ROOT, "%,d resamples",
                org.hhsweep.sim.sensitivity.Bootstrap.RESAMPLES)));
        assertEquals(1 << 30, SobolDesign.MAX_SAMPLES);
        assertTrue(section.contains("from 2 to 2^30"));
        for (String name : org.hhsweep.sim.stats.NeuronStatistics.NAMES) {
            assertTrue(section.contains("`" + name + "`"), "statistic " + name + " not listed");
        }
        for (SensitivityMethod m : SensitivityMethod.values()) {
            for (String column : m.columns()) {
                assertTrue(section.contains("`" + column + "`"), "column " + column + " not described");
            }
        }
    }

    @Test
    void sweepSpecRefusesWhatTheReaderRefuses() {
        SweepSpec ok = parse(ISSUE).spec();
        SensitivitySpec s = ok.sensitivity();
        assertThrows(IllegalArgumentException.class, () -> new SweepSpec("x", 0, ok.base(), ok.grid(), 2,
                List.of(new SweepSpec.RandomParam("model.gL", SweepSpec.Distribution.UNIFORM, 0.1, 0.3)), 1, null, List.of(), s));
        assertThrows(IllegalArgumentException.class, () -> new SweepSpec("x", 0, ok.base(),
                List.of(new SweepSpec.GridAxis("model.gNa", new double[] {120})), 0, List.of(), 1, null, List.of(), s));
        SensitivitySpec unknown = new SensitivitySpec(SensitivityMethod.SOBOL, 4, 0,
                List.of(new SensitivityParam("model.nope", 0, 1)), List.of("rate_hz"), 0);
        assertThrows(IllegalArgumentException.class, () -> new SweepSpec("x", 0, ok.base(), List.of(), 0, List.of(), 1,
                null, List.of(), unknown));
    }
}
