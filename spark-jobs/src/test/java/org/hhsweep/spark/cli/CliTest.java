package org.hhsweep.spark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.hhsweep.sim.config.ConfigException;
import org.hhsweep.sim.config.SweepConfig;
import org.hhsweep.spark.SparkTestSession;
import org.hhsweep.spark.TestSweeps;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands end to end, in the shared Spark session. Configs come from a stand-in loader
 * (the sweep built in code), since loading config files is the config module's to test.
 */
class CliTest {
    @TempDir
    static Path tmp;
    static Path configFile;
    static Path tutorialOut;

    /** What one command printed and returned. */
    record Outcome(int status, String out, String err) {
        List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    static Outcome run(Function<Path, SweepConfig> loader, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = new Cli(loader, SparkTestSession.FACTORY, o, e).run(args);
        }
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Outcome tutorial(String... args) {
        return run(p -> TestSweeps.tutorial(), args);
    }

    @BeforeAll
    static void sweepTheTutorial() throws Exception {
        configFile = Files.writeString(tmp.resolve("tutorial.yaml"), "# stands for the tutorial config\n");
        tutorialOut = tmp.resolve("tutorial-out");
        Outcome o = tutorial("sweep", configFile.toString(), "--out", tutorialOut.toString());
        assertEquals(0, o.status(), o.err());
        int expected = TestSweeps.reference().at("/tutorial_random_input_100ms_dt0.01/spike_count_every_neuron").asInt();
        for (int i = 0; i < 10; i++) {
            assertTrue(o.out().contains("neuron " + i + ": " + expected + " spikes\n"), o.out());
        }
        assertTrue(o.out().contains("mean firing rate: 60.0 Hz\n"), o.out());
        assertTrue(o.out().contains("diverged: 0\n"), o.out());
        assertTrue(o.out().contains("output: " + tutorialOut + "\n"), o.out());
        assertTrue(o.out().contains("wall time: "), o.out());
    }

    @Test
    void queryPrintsTheMeanRateAsCsv() {
        Outcome o = tutorial("query", tutorialOut.toString(), "SELECT avg(rate_hz) FROM summaries", "--format", "csv");
        assertEquals(0, o.status(), o.err());
        assertEquals("avg(rate_hz)\n60.0\n", o.out());
    }

    @Test
    void queryAsJsonAndTable() throws Exception {
        Outcome json = tutorial("query", tutorialOut.toString(),
                "SELECT neuron, spike_count, spike_ms FROM summaries JOIN spikes USING (run_id, neuron) "
                        + "ORDER BY neuron", "--format=json");
        assertEquals(0, json.status(), json.err());
        List<String> lines = json.out().lines().toList();
        assertEquals(10, lines.size());
        JsonNode first = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines.get(0));
        assertEquals(0, first.get("neuron").asInt());
        assertEquals(6, first.get("spike_count").asInt());
        assertEquals(6, first.get("spike_ms").size());

        Outcome table = tutorial("query", tutorialOut.toString(),
                "SELECT status, count(*) AS n FROM summaries GROUP BY status");
        assertEquals(0, table.status(), table.err());
        assertEquals(List.of("status | n", "-------+---", "ok     | 10", "(1 row)"), table.out().lines().toList());

        Outcome limited = tutorial("query", tutorialOut.toString(), "SELECT * FROM summaries", "--limit", "3");
        assertTrue(limited.out().endsWith("(first 3 rows; --limit N shows more)\n"), limited.out());
    }

    @Test
    void fICurveListsEveryRunsNeuron() throws Exception {
        Path out = tmp.resolve("fi-out");
        Outcome o = run(p -> TestSweeps.fICurve(), "sweep", configFile.toString(), "--out", out.toString());
        assertEquals(0, o.status(), o.err());
        JsonNode table = TestSweeps.reference().get("constant_current_1000ms_dt0.01");
        for (int i = 0; i < table.size(); i++) {
            String line = "run " + i + ", neuron 0: " + table.get(i).get("spike_count").asInt() + " spikes\n";
            assertTrue(o.out().contains(line), o.out());
        }
        Outcome csv = run(p -> TestSweeps.fICurve(), "query", out.toString(),
                "SELECT stimulus_amplitude, spike_count FROM summaries ORDER BY 1", "--format", "csv");
        StringBuilder expected = new StringBuilder("stimulus_amplitude,spike_count\n");
        for (JsonNode row : table) {
            expected.append(row.get("I").asDouble()).append(',').append(row.get("spike_count").asInt()).append('\n');
        }
        assertEquals(expected.toString(), csv.out());
    }

    @Test
    void existingOutputIsRefusedUnlessOverwritten() throws Exception {
        Path out = tmp.resolve("occupied");
        Files.createDirectories(out);
        Files.writeString(out.resolve("precious.txt"), "keep me");
        Outcome refused = tutorial("sweep", configFile.toString(), "--out", out.toString());
        assertEquals(2, refused.status());
        assertEquals(1, refused.errLines().size(), refused.err());
        assertTrue(refused.err().contains("exists and is not empty"), refused.err());
        assertTrue(Files.exists(out.resolve("precious.txt")));

        // Not an hhsweep output: --overwrite refuses it too, and the user's file stays.
        Outcome notOurs = tutorial("sweep", configFile.toString(), "--out", out.toString(), "--overwrite");
        assertEquals(2, notOurs.status(), notOurs.err());
        assertEquals(1, notOurs.errLines().size(), notOurs.err());
        assertTrue(notOurs.err().contains("is not an hhsweep output"), notOurs.err());
        assertEquals("keep me", Files.readString(out.resolve("precious.txt")));

        Path ours = tmp.resolve("ours");
        assertEquals(0, tutorial("sweep", configFile.toString(), "--out", ours.toString()).status());
        Files.writeString(ours.resolve("precious.txt"), "keep me");
        Outcome replaced = tutorial("sweep", configFile.toString(), "--out", ours.toString(), "--overwrite");
        assertEquals(0, replaced.status(), replaced.err());
        assertEquals("keep me", Files.readString(ours.resolve("precious.txt")));
        assertTrue(replaced.err().contains("note: --overwrite keeps what hhsweep did not write in " + ours
                + ": precious.txt"), replaced.err());
        assertTrue(Files.exists(ours.resolve("manifest.json")));
    }

    @Test
    void configErrorsAreOneLineAndExitTwo() {
        Outcome bad = run(p -> {
            throw new ConfigException("sweep.grid.model.gNa.step", "0", "a positive step");
        }, "sweep", configFile.toString(), "--out", tmp.resolve("never").toString());
        assertEquals(2, bad.status());
        assertEquals(List.of("config error: sweep.grid.model.gNa.step: got 0, expected a positive step"),
                bad.errLines());
        assertTrue(Files.notExists(tmp.resolve("never")));

        Outcome missing = tutorial("validate", tmp.resolve("no-such.yaml").toString());
        assertEquals(2, missing.status());
        assertEquals(1, missing.errLines().size(), missing.err());
        assertTrue(missing.err().startsWith("config error: "), missing.err());
    }

    @Test
    void badCommandLinesExitTwo() {
        assertEquals(2, tutorial("frobnicate").status());
        assertEquals(2, tutorial("sweep").status());
        assertEquals(2, tutorial("sweep", configFile.toString(), "--bogus").status());
        assertEquals(2, tutorial("query", tutorialOut.toString(), "SELECT 1", "--format", "xml").status());
        assertEquals(2, tutorial("query", tmp.toString(), "SELECT 1").status(), "no tables there");
        assertEquals(2, tutorial().status());
        assertEquals(0, tutorial("--help").status());
    }

    @Test
    void badQueriesAreOneLineAndExitTwo() {
        Outcome o = tutorial("query", tutorialOut.toString(), "SELECT * FROM traces");
        assertEquals(2, o.status());
        assertEquals(1, o.errLines().size(), o.err());
        assertTrue(o.err().startsWith("query error: ") && o.err().contains("traces"), o.err());
    }

    @Test
    void validatePrintsTheExpansionWithoutRunning() {
        Outcome o = run(p -> TestSweeps.mixed(), "validate", configFile.toString());
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("runs: 24 (4 grid points x 2 random samples x 3 seed replicates)\n"), o.out());
        assertTrue(o.out().contains("neurons: 120 (5 per run)\n"), o.out());
        assertTrue(o.out().contains("neuron-steps: 360,000 (3.60e+05)\n"), o.out());
        assertTrue(o.out().contains("swept: simulation.dt (2 values), model.gK (2 values), model.gNa (uniform)\n"),
                o.out());
        // traces: 24 runs x 2 traced neurons x 3 variables = 144 rows
        assertTrue(o.out().lines().anyMatch(l -> l.matches("\\s+traces\\s+144 rows.*")), o.out());
        assertTrue(o.out().lines().anyMatch(l -> l.matches("\\s+spikes\\s+120 rows.* \\+ 16 B per spike")), o.out());
    }

    /**
     * validate prints the chunks sweep runs, by the project's rule and with execution.chunk_runs:
     * the manifest of the sweep records the same.
     */
    @Test
    void validateCountsTheChunksTheSweepRuns() throws Exception {
        SweepConfig byRule = TestSweeps.mixed();
        SweepConfig overridden = TestSweeps.mixed();
        ((ObjectNode) overridden.resolved()).putObject("execution").put("chunk_runs", 5);
        for (SweepConfig config : List.of(byRule, overridden)) {
            Path out = tmp.resolve("chunks-" + config.resolved().has("execution"));
            Outcome sweep = run(p -> config, "sweep", configFile.toString(), "--out", out.toString());
            assertEquals(0, sweep.status(), sweep.err());
            JsonNode partitioning = new ObjectMapper().readTree(out.resolve("manifest.json").toFile()).get("partitioning");
            Outcome validate = run(p -> config, "validate", configFile.toString());
            assertEquals(0, validate.status(), validate.err());
            String line = String.format("chunks: %d of up to %d runs (", partitioning.get("chunks").asLong(),
                    partitioning.get("runs_per_chunk").asLong());
            assertTrue(validate.out().contains(line), line + " in\n" + validate.out());
        }
        assertTrue(run(p -> overridden, "validate", configFile.toString()).out().contains("chunks: 5 of up to 5 runs (execution.chunk_runs)\n"));
    }
}
