package org.hhsweep.spark.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hhsweep.spark.cluster.BuildArtifacts;
import org.hhsweep.spark.cluster.CommittedChunks;
import org.hhsweep.spark.cluster.FaultSweep;
import org.hhsweep.spark.cluster.RunningSubmission;
import org.hhsweep.spark.cluster.SparkSubmitter;
import org.hhsweep.spark.cluster.StandaloneCluster;
import org.hhsweep.spark.cluster.SubmitResult;
import org.hhsweep.spark.cluster.Submission;
import org.hhsweep.spark.duckdb.DuckDbReader;
import org.hhsweep.spark.duckdb.TableDifference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Faults during a real sweep, each compared row for row (DuckDB) with an uninterrupted run of the
 * same config: the driver JVM SIGKILLed mid-sweep and the sweep resumed with --resume (only the
 * chunks not committed run again), and an executor JVM SIGKILLed on a standalone cluster (Spark
 * retries its tasks). Either way the tables hold every row exactly once.
 */
class CrashRecoveryIT {
    private static final String MAIN = "org.hhsweep.spark.cli.Main";
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final List<String> TABLES = List.of("runs", "summaries", "spikes", "traces");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHUNKS = FaultSweep.CHUNKS;
    private static final String CONFIG = FaultSweep.CONFIG;

    private static BuildArtifacts build;
    private static Path runDir;
    private static Path config;
    private static Path reference;
    private static DuckDbReader duckdb;

    @BeforeAll
    static void sweepWithoutInterruption() throws Exception {
        build = BuildArtifacts.fromSystemProperties();
        runDir = Files.createTempDirectory(Files.createDirectories(build.itDir()), "crash-recovery-");
        config = Files.writeString(runDir.resolve("crash.yaml"), CONFIG);
        duckdb = DuckDbReader.open();
        reference = runDir.resolve("reference");
        SubmitResult r = await(new SparkSubmitter(build, runDir.resolve("reference-run"))
                .start("local[2]", sweep(reference)));
        assertEquals(0, r.exitCode(), r::describe);
        System.out.printf("CrashRecoveryIT: uninterrupted run %.1f s%n", r.elapsed().toMillis() / 1e3);
    }

    @AfterAll
    static void close() throws Exception {
        if (duckdb != null) {
            duckdb.close();
        }
    }

    private static Submission sweep(Path out, String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "sweep";
        args[1] = config.toString();
        args[2] = "--out";
        args[3] = out.toString();
        System.arraycopy(more, 0, args, 4, more.length);
        return Submission.of(MAIN, build.appJar(), args);
    }

    private static SubmitResult await(RunningSubmission running) throws InterruptedException {
        try (running) {
            return running.await(TIMEOUT);
        }
    }

    private static void assertSameAsUninterrupted(Path out) throws Exception {
        for (String table : TABLES) {
            TableDifference d = duckdb.difference(reference.resolve(table), out.resolve(table), "*");
            assertTrue(d.rowsA() > 0, table + " is empty");
            assertTrue(d.isEmpty(), table + ": " + d);
        }
        assertEquals(40L, duckdb.scalar("SELECT count(DISTINCT run_id) FROM " + DuckDbReader.table(out.resolve("runs"))));
        assertEquals(40L, duckdb.count(out.resolve("runs")));
        assertEquals(2000L, duckdb.count(out.resolve("summaries")));
        JsonNode manifest = JSON.readTree(out.resolve("manifest.json").toFile());
        assertEquals("complete", manifest.get("status").asText());
        assertEquals(JSON.readTree(reference.resolve("manifest.json").toFile()).get("counts"), manifest.get("counts"));
        try (Stream<Path> files = Files.walk(out)) {
            assertEquals(List.of(), files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(".") && !n.equals(".lock")).toList(), "temporary files left");
        }
    }

    @Test
    void aKilledDriverIsResumedWithOnlyTheMissingChunks() throws Exception {
        long start = System.nanoTime();
        Path out = runDir.resolve("driver-killed");
        SparkSubmitter submitter = new SparkSubmitter(build, runDir.resolve("driver-kill"));
        long committedAtKill;
        try (RunningSubmission running = submitter.start("local[2]", sweep(out))) {
            CommittedChunks.await(out, 8, running, TIMEOUT);

            // Meanwhile, a second sweep on the same directory is refused: the lock is the other JVM's.
            Commands.Outcome second = Commands.run("sweep", config.toString(), "--out", out.toString(), "--resume");
            assertEquals(2, second.status(), second.describe());
            assertTrue(second.err().contains("is in use by another sweep (pid " + running.pid() + " on "),
                    second.describe());

            ProcessHandle driver = ProcessHandle.of(running.pid()).orElseThrow();
            driver.descendants().forEach(ProcessHandle::destroyForcibly);
            driver.destroyForcibly();
            driver.onExit().get(30, TimeUnit.SECONDS);
            committedAtKill = CommittedChunks.count(out);
        }
        double killedAfter = (System.nanoTime() - start) / 1e9;
        assertTrue(committedAtKill >= 8 && committedAtKill < CHUNKS, committedAtKill + " chunks committed at the kill");
        assertEquals("running", JSON.readTree(out.resolve("manifest.json").toFile()).get("status").asText());

        SubmitResult resumed = await(submitter.start("local[2]", sweep(out, "--resume")));
        assertEquals(0, resumed.exitCode(), resumed::describe);
        long ran = CHUNKS - committedAtKill;
        assertTrue(resumed.output().contains("resumed: " + committedAtKill + " of " + CHUNKS + " chunks were committed"
                + " before; ran the other " + ran + " (" + ran + " run" + (ran == 1 ? "" : "s") + ")"),
                resumed::describe);
        JsonNode manifest = JSON.readTree(out.resolve("manifest.json").toFile());
        assertEquals(committedAtKill, manifest.at("/attempts/1/chunks_committed_before").asLong());
        assertSameAsUninterrupted(out);
        System.out.printf("CrashRecoveryIT: driver killed after %.1f s with %d of %d chunks committed; resume %.1f s;"
                + " test %.1f s%n", killedAfter, committedAtKill, CHUNKS, resumed.elapsed().toMillis() / 1e3,
                (System.nanoTime() - start) / 1e9);
    }

    @Test
    void aKilledExecutorOnAStandaloneClusterLosesNothing() throws Exception {
        long start = System.nanoTime();
        Path out = runDir.resolve("executor-killed");
        try (StandaloneCluster cluster = StandaloneCluster.start(build, 2, Duration.ofMinutes(3))) {
            // --verbose: Spark's INFO log, where tasks starting and executors lost are told.
            Submission submission = sweep(out, "--verbose")
                    .withConf("spark.cores.max", "2")
                    .withConf("spark.scheduler.minRegisteredResourcesRatio", "1.0");
            SubmitResult result;
            long pid;
            long committedAtKill;
            try (RunningSubmission running = cluster.startSubmit(submission)) {
                long deadline = System.nanoTime() + TIMEOUT.toNanos();
                while (!running.errorOutput().contains("Starting task") || cluster.executors().isEmpty()) {
                    assertTrue(running.isAlive() && System.nanoTime() < deadline, running.errorOutput());
                    Thread.sleep(100);
                }
                CommittedChunks.await(out, 2, running, TIMEOUT);
                pid = cluster.killAnyExecutor().orElseThrow();
                committedAtKill = CommittedChunks.count(out);
                result = running.await(TIMEOUT);
            }
            assertEquals(0, result.exitCode(), result::describe);
            assertTrue(committedAtKill < CHUNKS, "the executor was killed after the last chunk");
            assertTrue(result.errorOutput().contains("Lost executor"), "Spark did not see executor " + pid + " die");
            assertFalse(cluster.executors().stream().anyMatch(p -> p.pid() == pid));
            assertSameAsUninterrupted(out);
            System.out.printf("CrashRecoveryIT: executor %d killed with %d of %d chunks committed; sweep %.1f s;"
                    + " test with cluster start %.1f s%n", pid, committedAtKill, CHUNKS,
                    result.elapsed().toMillis() / 1e3, (System.nanoTime() - start) / 1e9);
        }
    }
}
