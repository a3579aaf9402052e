package org.hhsweep.spark.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hhsweep.sim.config.ConfigLoader;
import org.hhsweep.sim.sweep.BlockPlanner;
import org.hhsweep.spark.SparkTestSession;
import org.hhsweep.spark.duckdb.DuckDbReader;
import org.hhsweep.spark.duckdb.TableDifference;
import org.hhsweep.spark.io.OutputDirectory;
import org.hhsweep.spark.io.Tables;
import org.hhsweep.spark.job.ExecutionSettings;
import org.hhsweep.spark.job.SweepJob;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --resume in this JVM, on an output left as a killed sweep leaves it (chunks not committed, their
 * other tables' files and temporary files in every table lying around, the manifest "running"), for
 * a simulating sweep and a threshold search: only the missing chunks run, and the result equals an
 * uninterrupted sweep row for row (read by DuckDB), with the same counts in the manifest and the
 * same summary printed. The real SIGKILL is in CrashRecoveryIT.
 */
class ResumeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TABLES = List.of("runs", "summaries", "spikes", "traces");
    /** 3 x 2 = 6 runs of 3 neurons (18: few enough to list each neuron), one run per chunk. */
    private static final String CONFIG = """
            name: resume
            seed: 5
            simulation: {duration: 30 ms, dt: 0.02 ms, window: {start: 10 ms, end: 30 ms}}
            neurons: 3
            stimulus: {type: ou, mean: 8 uA/cm^2, sigma: 3 uA/cm^2, tau: 5 ms}
            sweep:
              grid: {stimulus.mean: [4 uA/cm^2, 8 uA/cm^2, 12 uA/cm^2]}
              seeds: 2
            record: {traces: {variables: [V, I], every: 0.2 ms, neurons: 2}, spikes: true}
            """;

    @TempDir
    static Path tmp;
    static Path config;
    static Path reference;
    static Commands.Outcome referenceRun;
    static DuckDbReader duckdb;

    @BeforeAll
    static void sweepWithoutInterruption() throws Exception {
        config = Files.writeString(tmp.resolve("resume.yaml"), CONFIG + "execution: {chunk_runs: 1}\n");
        reference = tmp.resolve("reference");
        referenceRun = Commands.run("sweep", config.toString(), "--out", reference.toString());
        assertEquals(0, referenceRun.status(), referenceRun.describe());
        duckdb = DuckDbReader.open();
    }

    @AfterAll
    static void close() throws Exception {
        duckdb.close();
    }

    /** A complete sweep of the config, into a new directory. */
    private static Path completeSweep(String name) {
        Path out = tmp.resolve(name);
        Commands.Outcome o = Commands.run("sweep", config.toString(), "--out", out.toString());
        assertEquals(0, o.status(), o.describe());
        return out;
    }

    /**
     * Makes a complete output look like one whose driver was killed before these chunks committed:
     * their runs files (the commit marks) gone, their other tables' files left as they were, and
     * what the tasks writing them left behind, a temporary file in every table's directory.
     */
    private static void interrupt(Path out, long... chunks) throws IOException {
        for (long c : chunks) {
            String part = String.format("part-%06d.parquet", c);
            Files.delete(out.resolve("runs").resolve(part));
            for (Path table : tableDirectories(out)) {
                Files.writeString(table.resolve("." + part + ".0f1e2d3c-" + table.getFileName() + ".tmp"),
                        "half a file");
            }
        }
        ObjectNode manifest = (ObjectNode) JSON.readTree(out.resolve("manifest.json").toFile());
        manifest.put("status", "running");
        manifest.remove("counts");
        JSON.writeValue(out.resolve("manifest.json").toFile(), manifest);
    }

    /** The directories of the tables an output holds (not report/ or plots/). */
    private static List<Path> tableDirectories(Path out) throws IOException {
        try (Stream<Path> entries = Files.list(out)) {
            return entries.filter(p -> Files.isDirectory(p) && Tables.ALL_NAMES.contains(p.getFileName().toString()))
                    .sorted().toList();
        }
    }

    private static List<String> hiddenFiles(Path out) throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".") && !n.equals(".lock"))
                    .toList();
        }
    }

    private static void assertSameTables(Path out) throws Exception {
        for (String table : TABLES) {
            TableDifference d = duckdb.difference(reference.resolve(table), out.resolve(table), "*");
            assertTrue(d.rowsA() > 0, table);
            assertTrue(d.isEmpty(), table + ": " + d);
        }
        assertEquals(6L, duckdb.scalar("SELECT count(DISTINCT run_id) FROM " + DuckDbReader.table(out.resolve("runs"))));
        assertEquals(6L, duckdb.count(out.resolve("runs")));
        assertEquals(18L, duckdb.count(out.resolve("summaries")));
    }

    /** The summary lines that describe results (not timing or how the sweep ran). */
    private static List<String> results(String stdout) {
        return stdout.lines().filter(l -> !l.startsWith("wall time") && !l.startsWith("resumed") && !l.startsWith("output"))
                .toList();
    }

    @Test
    void onlyTheChunksNotCommittedRunAndTheTablesEqualAnUninterruptedSweep() throws Exception {
        Path out = completeSweep("interrupted");
        Path untouched = out.resolve("summaries").resolve("part-000000.parquet");
        Map<String, String> before = FileTree.snapshot(out, p -> p.toString().endsWith("part-000000.parquet"));
        interrupt(out, 1, 4, 5);
        // execution settings are not part of the config's hash: another chunk size may resume, but
        // the chunks recorded in the manifest are the ones that count.
        Path otherChunking = Files.writeString(tmp.resolve("resume-3.yaml"), CONFIG + "execution: {chunk_runs: 3}\n");

        Commands.Outcome resumed = Commands.run("sweep", otherChunking.toString(), "--out", out.toString(), "--resume");
        assertEquals(0, resumed.status(), resumed.describe());
        assertTrue(resumed.out().contains("resumed: 3 of 6 chunks were committed before; ran the other 3 (3 runs)\n"),
                resumed.out());
        assertTrue(resumed.err().contains("estimated output") && resumed.err().contains("for the 50% of the sweep"),
                resumed.err());
        assertEquals(results(referenceRun.out()), results(resumed.out()));
        assertTrue(resumed.out().contains("run 5, neuron 2: "), resumed.out());

        assertSameTables(out);
        JsonNode manifest = JSON.readTree(out.resolve("manifest.json").toFile());
        JsonNode expected = JSON.readTree(reference.resolve("manifest.json").toFile());
        assertEquals("complete", manifest.get("status").asText());
        assertEquals(expected.get("counts"), manifest.get("counts"));
        assertEquals(1, manifest.at("/partitioning/runs_per_chunk").asInt());
        assertEquals(6, manifest.at("/partitioning/chunks").asInt());
        assertEquals(2, manifest.get("attempts").size());
        assertEquals(0, manifest.at("/attempts/0/chunks_committed_before").asInt());
        assertEquals(3, manifest.at("/attempts/1/chunks_committed_before").asInt());
        assertEquals(before, FileTree.snapshot(out, p -> p.toString().endsWith("part-000000.parquet")),
                "a committed chunk was rewritten");
        assertTrue(Files.exists(untouched));
        assertEquals(List.of(), hiddenFiles(out), "temporary files left");
    }

    /**
     * A threshold search writes other tables (runs and thresholds): a crash leaves temporary files
     * and uncommitted chunks' files in thresholds too, and --resume must clean them as well.
     */
    @Test
    void aThresholdSearchResumesToTheTablesOfAnUninterruptedOneAndLeavesNoTemporaryFile() throws Exception {
        Path search = Files.writeString(tmp.resolve("search.yaml"), """
                name: resume-search
                simulation: {duration: 60 ms, dt: 0.02 ms}
                stimulus: {type: constant, amplitude: 0 uA/cm^2}
                sweep:
                  grid: {model.gK: [30 mS/cm^2, 36 mS/cm^2, 42 mS/cm^2, 48 mS/cm^2]}
                  search: {param: stimulus.amplitude, from: 0 uA/cm^2, to: 30 uA/cm^2,
                           tolerance: 0.2 uA/cm^2, criterion: "spike_count >= 2"}
                execution: {chunk_runs: 1}
                """);
        Path expected = tmp.resolve("search-uninterrupted");
        Commands.Outcome whole = Commands.run("sweep", search.toString(), "--out", expected.toString());
        assertEquals(0, whole.status(), whole.describe());
        Path out = tmp.resolve("search-interrupted");
        assertEquals(0, Commands.run("sweep", search.toString(), "--out", out.toString()).status());
        assertEquals(List.of(out.resolve("runs"), out.resolve("thresholds")), tableDirectories(out));
        interrupt(out, 0, 2);
        assertEquals(4, hiddenFiles(out).size(), "a temporary file per interrupted chunk in runs and thresholds");
        assertTrue(Files.exists(out.resolve("thresholds").resolve("part-000002.parquet")),
                "the thresholds file of a chunk that did not commit");

        Commands.Outcome resumed = Commands.run("sweep", search.toString(), "--out", out.toString(), "--resume");
        assertEquals(0, resumed.status(), resumed.describe());
        assertTrue(resumed.out().contains("resumed: 2 of 4 chunks were committed before; ran the other 2 (2 runs)\n"),
                resumed.out());
        assertEquals(results(whole.out()), results(resumed.out()));
        for (String table : List.of("runs", "thresholds")) {
            TableDifference d = duckdb.difference(expected.resolve(table), out.resolve(table), "*");
            assertEquals(4, d.rowsA(), table);
            assertTrue(d.isEmpty(), table + ": " + d);
        }
        assertEquals(List.of(), hiddenFiles(out), "temporary files left");
        JsonNode manifest = JSON.readTree(out.resolve("manifest.json").toFile());
        assertEquals("complete", manifest.get("status").asText());
        assertEquals(JSON.readTree(expected.resolve("manifest.json").toFile()).get("counts"), manifest.get("counts"));
    }

    @Test
    void aSweepKilledAfterItsLastCommitIsOnlyMarkedComplete() throws Exception {
        Path out = completeSweep("all-committed");
        interrupt(out);
        Map<String, String> before = FileTree.snapshot(out, p -> p.toString().endsWith(".parquet"));
        Commands.Outcome o = Commands.run("sweep", config.toString(), "--out", out.toString(), "--resume");
        assertEquals(0, o.status(), o.describe());
        assertEquals(results(referenceRun.out()), results(o.out()));
        JsonNode manifest = JSON.readTree(out.resolve("manifest.json").toFile());
        assertEquals("complete", manifest.get("status").asText());
        assertEquals(JSON.readTree(reference.resolve("manifest.json").toFile()).get("counts"), manifest.get("counts"));
        assertEquals(before, FileTree.snapshot(out, p -> p.toString().endsWith(".parquet")));
    }

    @Test
    void resumingACompleteSweepChangesNothing() throws Exception {
        Path out = completeSweep("complete");
        // Not the lock file, which names the last process to hold it, nor the directory's time.
        Map<String, String> before = FileTree.snapshot(out, p -> !p.toString().equals(".lock") && !p.toString().isEmpty());
        Commands.Outcome o = Commands.run("sweep", config.toString(), "--out", out.toString(), "--resume");
        assertEquals(0, o.status(), o.describe());
        assertTrue(o.out().contains("resumed: nothing to do, all 6 chunks were committed and the sweep is complete"),
                o.out());
        assertEquals(results(referenceRun.out()), results(o.out()));
        assertEquals(before, FileTree.snapshot(out, p -> !p.toString().equals(".lock") && !p.toString().isEmpty()));
    }

    @Test
    void resumeIsRefusedForAnotherSweepOrNone() throws Exception {
        Path out = completeSweep("other");
        interrupt(out, 2);
        Path otherSeed = Files.writeString(tmp.resolve("other-seed.yaml"), CONFIG.replace("seed: 5", "seed: 6"));
        Path notASweep = Files.createDirectories(tmp.resolve("not-a-sweep"));
        Files.writeString(notASweep.resolve("notes.txt"), "mine");
        Map<String, String> before = FileTree.snapshot(tmp);

        Commands.Outcome another = Commands.run("sweep", otherSeed.toString(), "--out", out.toString(), "--resume");
        assertEquals(2, another.status(), another.describe());
        assertEquals(1, another.errLines().size(), another.describe());
        assertTrue(another.err().startsWith("error: cannot resume " + out + ": it holds a sweep of another config"
                + " (config hash "), another.err());
        String hash = ConfigLoader.load(otherSeed).hash();
        assertTrue(another.err().contains(hash.substring(0, 12) + "... for this config"), another.err());

        Commands.Outcome none = Commands.run("sweep", config.toString(), "--out", notASweep.toString(), "--resume");
        assertEquals(2, none.status(), none.describe());
        assertTrue(none.err().contains("has no readable manifest.json"), none.err());

        Path missing = tmp.resolve("missing");
        Commands.Outcome nothing = Commands.run("sweep", config.toString(), "--out", missing.toString(), "--resume");
        assertEquals(2, nothing.status(), nothing.describe());
        assertTrue(nothing.err().contains("nothing to resume: " + missing + " does not exist"), nothing.err());

        Commands.Outcome both = Commands.run("sweep", config.toString(), "--out", out.toString(), "--resume",
                "--overwrite");
        assertEquals(2, both.status(), both.describe());
        assertTrue(both.err().startsWith("error: --overwrite and --resume exclude each other"), both.err());

        Commands.Outcome plain = Commands.run("sweep", config.toString(), "--out", out.toString());
        assertEquals(2, plain.status(), plain.describe());
        assertTrue(plain.err().contains("exists and is not empty") && plain.err().contains("--resume"), plain.err());

        assertEquals(before, FileTree.snapshot(tmp), "a refused resume changed files");
    }

    /**
     * An output of the reference written before exp_euler named the fast kernel: its manifest names
     * method exp_euler, with the hash the code of then gave the config (which
     * hashWithMethodRecordedAs reproduces: MethodNamesTest pins it to that code's hashes). Report
     * and query read it; a config naming exp_euler now (the fast kernel) may not resume it, one
     * naming exp_euler_reference does, with the reference.
     */
    @Test
    void anOutputOfTheReferenceUnderItsFormerNameResumesOnlyWithTheReference() throws Exception {
        String referenceText = CONFIG.replace("end: 30 ms}}", "end: 30 ms}, method: exp_euler_reference}");
        assertTrue(referenceText.contains("method: exp_euler_reference"));
        Path referenceConfig = Files.writeString(tmp.resolve("reference-method.yaml"),
                referenceText + "execution: {chunk_runs: 1}\n");
        Path expected = tmp.resolve("reference-method");
        assertEquals(0, Commands.run("sweep", referenceConfig.toString(), "--out", expected.toString()).status());
        Path old = tmp.resolve("written-before-the-rename");
        assertEquals(0, Commands.run("sweep", referenceConfig.toString(), "--out", old.toString()).status());
        ObjectNode manifest = (ObjectNode) JSON.readTree(old.resolve("manifest.json").toFile());
        assertEquals("exp_euler_reference", manifest.at("/config/simulation/method").asText());
        ((ObjectNode) manifest.at("/config/simulation")).put("method", "exp_euler");
        ((ObjectNode) manifest.get("kernel")).put("method", "exp_euler");
        ((ObjectNode) manifest.get("sweep")).put("config_hash",
                ConfigLoader.load(referenceConfig).hashWithMethodRecordedAs("exp_euler"));
        JSON.writeValue(old.resolve("manifest.json").toFile(), manifest);

        Commands.Outcome report = Commands.run("report", old.toString());
        assertEquals(0, report.status(), report.describe());
        assertTrue(Files.readString(old.resolve("report.html"))
                .contains("exp_euler_reference (recorded under its former name exp_euler)"));
        Commands.Outcome query = Commands.run("query", old.toString(), "SELECT count(*) FROM runs", "--format", "csv");
        assertEquals("count(1)\n6\n", query.out(), query.describe());

        interrupt(old, 1, 4);
        Map<String, String> before = FileTree.snapshot(old);
        Commands.Outcome fast = Commands.run("sweep", config.toString(), "--out", old.toString(), "--resume");
        assertEquals(2, fast.status(), fast.describe());
        assertEquals(List.of("error: cannot resume " + old + ": its manifest names method exp_euler, which then meant"
                + " exp_euler_reference, but this config runs exp_euler_fast and one sweep must not mix them: set"
                + " simulation.method: exp_euler_reference to resume it, or use --overwrite to rerun it"),
                fast.errLines(), fast.describe());
        assertEquals(before, FileTree.snapshot(old), "a refused resume changed files");

        Commands.Outcome resumed = Commands.run("sweep", referenceConfig.toString(), "--out", old.toString(), "--resume");
        assertEquals(0, resumed.status(), resumed.describe());
        assertTrue(resumed.out().contains("resumed: 4 of 6 chunks were committed before; ran the other 2 (2 runs)\n"),
                resumed.out());
        assertTrue(resumed.out().contains("exp_euler_reference"), resumed.out());
        JsonNode after = JSON.readTree(old.resolve("manifest.json").toFile());
        assertEquals("exp_euler_reference", after.at("/config/simulation/method").asText());
        assertEquals(ConfigLoader.load(referenceConfig).hash(), after.at("/sweep/config_hash").asText());
        boolean fastDiffers = false;
        for (String table : TABLES) {
            TableDifference d = duckdb.difference(expected.resolve(table), old.resolve(table), "*");
            assertTrue(d.rowsA() > 0 && d.isEmpty(), table + ": " + d);
            fastDiffers |= !duckdb.difference(reference.resolve(table), expected.resolve(table), "*").isEmpty();
        }
        // else a resume with the fast kernel would pass the comparison above as well
        assertTrue(fastDiffers, "the fast kernel's tables equal the reference's");
    }

    @Test
    void aSweepThatFailsIsMarkedFailed() throws Exception {
        Path out = tmp.resolve("failing");
        // Blocks of no neurons: every task fails, as a task would on a broken worker.
        ExecutionSettings broken = new ExecutionSettings(0, BlockPlanner.DEFAULT_MAX_TRACE_SAMPLES, 1, 0);
        Exception e = assertThrows(Exception.class, () -> SweepJob.run(SparkTestSession.get(), ConfigLoader.load(config),
                OutputDirectory.resolve(out.toString()), new SweepJob.Options(false, broken, null, 1000)));
        assertTrue(String.valueOf(e.getMessage()).contains("blocks need room for a neuron"), e.toString());
        JsonNode manifest = JSON.readTree(out.resolve("manifest.json").toFile());
        assertEquals("failed", manifest.get("status").asText());
        assertTrue(manifest.get("error").asText().contains("blocks need room for a neuron"), manifest.toString());
        assertFalse(manifest.has("counts"));
    }
}
