package org.hhsweep.spark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hhsweep.sim.PlainHodgkinHuxley;
import org.hhsweep.sim.Replay;
import org.hhsweep.sim.StateHistory;
import org.hhsweep.sim.config.ConfigLoader;
import org.hhsweep.sim.sweep.RunSpec;
import org.hhsweep.spark.TestSweeps;
import org.hhsweep.spark.duckdb.DuckDbReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config files shipped in conf/, loaded by the real loader and run through the commands. */
class ShippedConfigsTest {
    private static final Path CONF = Path.of("..", "conf").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    private static CliTest.Outcome run(String... args) {
        return CliTest.run(ConfigLoader::load, args);
    }

    @Test
    void theTutorialPrintsSixSpikesPerNeuronAndSixtyHertz() throws Exception {
        int expected = TestSweeps.reference().at("/tutorial_random_input_100ms_dt0.01/spike_count_every_neuron").asInt();
        for (String file : List.of("tutorial.yaml", "tutorial.json")) {
            Path out = tmp.resolve(file + "-out");
            CliTest.Outcome o = run("sweep", CONF.resolve(file).toString(), "--out", out.toString());
            assertEquals(0, o.status(), o.err());
            for (int i = 0; i < 10; i++) {
                assertTrue(o.out().contains("neuron " + i + ": " + expected + " spikes\n"), o.out());
            }
            assertTrue(o.out().contains("mean firing rate: 60.0 Hz\n"), o.out());

            List<Double> documented = documentedTutorialSpikes();
            try (DuckDbReader duckdb = DuckDbReader.open()) {
                List<List<Object>> spikes = duckdb.query("SELECT neuron, spike_ms FROM "
                        + DuckDbReader.table(out.resolve("spikes")) + " ORDER BY neuron");
                assertEquals(10, spikes.size());
                for (List<Object> row : spikes) {
                    assertSameSteps(documented, (List<?>) row.get(1), file + ", neuron " + row.get(0));
                }
            }

            CliTest.Outcome q = run("query", out.toString(), "SELECT avg(rate_hz) FROM summaries", "--format", "csv");
            assertEquals("avg(rate_hz)\n60.0\n", q.out(), q.err());
            CliTest.Outcome traces = run("query", out.toString(),
                    "SELECT count(*), min(size(values)) FROM traces WHERE variable = 'V'", "--format", "csv");
            assertEquals("count(1),min(size(values))\n10,10000\n", traces.out(), traces.err());
        }
    }

    /**
     * The README's spike times of the tutorial are what the reference's algorithm, written out
     * independently of the engine (PlainHodgkinHuxley, itself checked against the reference table),
     * gives for the tutorial's input: the current conf/tutorial.yaml draws, recorded step by step.
     */
    @Test
    void theReadmesTutorialSpikeTimesAreTheIndependentSimulationsOfTheTutorialsInput() throws IOException {
        RunSpec run = ConfigLoader.load(CONF.resolve("tutorial.yaml")).spec().run(0);
        StateHistory input = Replay.run(run.template().settings(), run.neurons(), 0)[0];
        double dt = run.template().dt();
        List<Double> independent = new PlainHodgkinHuxley().spikeSteps(input.current, dt).stream()
                .map(k -> (k + 1) * dt).toList();
        assertSameSteps(documentedTutorialSpikes(), independent, "the independent simulation");
    }

    /** The tutorial's spike times as README.md shows them, which docs/analysis.md repeats. */
    private static List<Double> documentedTutorialSpikes() throws IOException {
        String readme = Files.readString(CONF.resolveSibling("README.md"));
        Matcher m = Pattern.compile("fire identically: (\\d+) spikes each\\s+\\(([^)]*) ms\\)").matcher(readme);
        assertTrue(m.find(), "README.md: the tutorial's spike times");
        List<Double> times = Arrays.stream(m.group(2).split(",\\s*|\\s+and\\s+")).map(Double::parseDouble).toList();
        assertEquals(Integer.parseInt(m.group(1)), times.size(), m.group());
        String analysis = Files.readString(CONF.resolveSibling("docs").resolve("analysis.md")).replaceAll("\\s+", " ");
        assertTrue(analysis.contains(m.group(1) + " spikes each, at " + m.group(2).replaceAll("\\s+", " ") + " ms"),
                "docs/analysis.md repeats the README's " + m.group());
        return times;
    }

    /** The same spikes, to the step (dt 0.01 ms: the two decimals the docs show). */
    private static void assertSameSteps(List<Double> expected, List<?> actual, String what) {
        assertEquals(expected.size(), actual.size(), what + ": " + actual);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(Math.round(expected.get(i) / 0.01), Math.round(((Number) actual.get(i)).doubleValue() / 0.01),
                    what + ": spike " + i + " of " + actual);
        }
    }

    @Test
    void theFiCurveGivesTheReferenceSpikeCounts() {
        Path out = tmp.resolve("fi");
        CliTest.Outcome o = run("sweep", CONF.resolve("fi-curve.yaml").toString(), "--out", out.toString());
        assertEquals(0, o.status(), o.err());
        for (JsonNode row : TestSweeps.reference().get("constant_current_1000ms_dt0.01")) {
            double current = row.get("I").asDouble();
            CliTest.Outcome q = run("query", out.toString(),
                    "SELECT spike_count, window_rate_hz FROM summaries WHERE model_gK = 36.0 AND stimulus_amplitude = "
                            + current, "--format", "csv");
            assertEquals(0, q.status(), q.err());
            double windowRate = row.get("spikes_in_500_1000ms").asInt() / 0.5;
            assertEquals("spike_count,window_rate_hz\n" + row.get("spike_count").asInt() + "," + windowRate + "\n",
                    q.out(), "I = " + current);
        }
    }

    @Test
    void everyShippedConfigValidates() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(CONF)) {
            files = s.filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        for (Path file : files) {
            CliTest.Outcome o = run("validate", file.toString());
            assertEquals(0, o.status(), file + ": " + o.err());
            assertTrue(o.out().contains("runs: "), o.out());
        }
    }
}
