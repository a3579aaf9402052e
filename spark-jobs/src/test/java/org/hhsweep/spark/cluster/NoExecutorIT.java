package org.hhsweep.spark.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hhsweep.spark.io.OutputLock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A standalone cluster that cannot run the sweep, as users meet one: every Worker lost in the
 * middle of a sweep, and a Worker started without SPARK_SCALA_VERSION, whose executors die as they
 * start. Either way the sweep says so and ends with one line naming the likely causes, exit 2, its
 * manifest "failed" and its lock released, instead of hanging without a word or ending with a
 * stack trace. Each test brings its own Workers to a Master that has none of its own.
 */
class NoExecutorIT {
    private static final String MAIN = "org.hhsweep.spark.cli.Main";
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final Duration WORKER_TIMEOUT = Duration.ofMinutes(2);
    private static final String TIMEOUT_KEY = "spark.hhsweep.noExecutorTimeout";
    private static final int GIVE_UP_SECONDS = 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** 120 chunks of 1e6 neuron-steps: many seconds on the one core, so the Workers die mid-sweep. */
    private static final String CONFIG = """
            name: no-executor
            seed: 3
            simulation: {duration: 500 ms, dt: 0.01 ms}
            neurons: 20
            stimulus: {type: ou, mean: 8 uA/cm^2, sigma: 2 uA/cm^2, tau: 5 ms}
            sweep:
              grid:
                stimulus.mean: {from: 1 uA/cm^2, to: 12 uA/cm^2, step: 1 uA/cm^2}
              seeds: 10
            record: {spikes: false}
            execution: {chunk_runs: 1}
            """;

    private static BuildArtifacts build;
    private static Path runDir;
    private static Path config;
    private static StandaloneCluster cluster;

    @BeforeAll
    static void startAMasterWithoutWorkers() throws Exception {
        build = BuildArtifacts.fromSystemProperties();
        runDir = Files.createTempDirectory(Files.createDirectories(build.itDir()), "no-executor-");
        config = Files.writeString(runDir.resolve("no-executor.yaml"), CONFIG);
        cluster = StandaloneCluster.start(build, 0, Duration.ofMinutes(3));
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static Submission sweep(Path out, String giveUp) {
        return Submission.of(MAIN, build.appJar(), "sweep", config.toString(), "--out", out.toString())
                .withConf("spark.cores.max", "1")
                .withConf(TIMEOUT_KEY, giveUp);
    }

    /** The one "error:" line on stderr; also checks there is no stack trace and no summary. */
    private static String errorLine(SubmitResult r) {
        List<String> errors = r.errorOutput().lines().filter(l -> l.startsWith("error: ")).toList();
        assertEquals(1, errors.size(), r::describe);
        assertFalse(r.errorOutput().contains("\tat "), "a stack trace without --verbose:\n" + r.describe());
        assertEquals("", r.output(), "no summary for a sweep that did not run");
        return errors.get(0);
    }

    private static void assertFailedAndUnlocked(Path out, String error) throws Exception {
        JsonNode manifest = JSON.readTree(out.resolve("manifest.json").toFile());
        assertEquals("failed", manifest.get("status").asText());
        assertEquals(error.substring("error: ".length()), manifest.get("error").asText());
        // the driver is gone, and with it the lock: another sweep may take it at once
        try (OutputLock lock = OutputLock.acquire(new org.apache.hadoop.fs.Path(out.toUri()))) {
            assertTrue(Files.exists(out.resolve(".lock")));
        }
    }

    @Test
    void everyWorkerLostMidSweepIsSaidOnTheProgressLineAndTheSweepGivesUpInOneLine() throws Exception {
        cluster.addWorker(true, WORKER_TIMEOUT);
        Path out = runDir.resolve("workers-lost");
        SubmitResult r;
        double afterKill;
        // The executor registers before the sweep starts, so the give-up time counts from the loss alone.
        try (RunningSubmission running = cluster.startSubmit(sweep(out, GIVE_UP_SECONDS + "s")
                .withConf("spark.scheduler.minRegisteredResourcesRatio", "1.0")
                .withConf("spark.scheduler.maxRegisteredResourcesWaitingTime", "120s"))) {
            CommittedChunks.await(out, 1, running, TIMEOUT);
            long killed = System.nanoTime();
            cluster.killWorkers();
            r = running.await(TIMEOUT);
            afterKill = (System.nanoTime() - killed) / 1e9;
        }
        System.out.printf("NoExecutorIT: every Worker lost, the sweep gave up %.1f s later (%s)%n", afterKill,
                TIMEOUT_KEY + "=" + GIVE_UP_SECONDS + "s");

        assertEquals(2, r.exitCode(), r::describe);
        String error = errorLine(r);
        assertTrue(error.matches("error: no executor alive for \\d+ s, so the sweep gave up \\(" + TIMEOUT_KEY
                + "=20s\\); likely causes: Workers lost or not started; Workers without SPARK_SCALA_VERSION=2\\.13 or"
                + " SPARK_HOME in their environment .*; --resume continues it"), error);
        assertTrue(r.errorOutput().lines().anyMatch(l -> l.startsWith("runs ")
                        && l.contains("; no executor alive for ") && l.contains("(the sweep gives up at 20 s, ")),
                "no progress line said so:\n" + r.describe());
        // the loss is seen within seconds, then the sweep waits the whole time and gives up at the next tick
        assertTrue(afterKill >= GIVE_UP_SECONDS && afterKill < GIVE_UP_SECONDS + 45,
                "gave up " + afterKill + " s after the Workers were killed\n" + r.describe());
        assertFailedAndUnlocked(out, error);
    }

    @Test
    void executorsThatDieAsTheyStartEndTheSweepInOneLine() throws Exception {
        cluster.addWorker(false, WORKER_TIMEOUT);
        Path out = runDir.resolve("no-scala-version");
        SubmitResult r;
        try {
            // A give-up time far beyond the test's bound: the sweep must end because the master ended it.
            r = cluster.submit(sweep(out, "600s"), TIMEOUT);
        } finally {
            cluster.killWorkers();
        }
        System.out.printf("NoExecutorIT: Worker without SPARK_SCALA_VERSION, the sweep ended after %.1f s%n",
                r.elapsed().toMillis() / 1e3);

        assertEquals(2, r.exitCode(), r::describe);
        String error = errorLine(r);
        assertTrue(error.startsWith("error: the Spark master ended the application "), error);
        assertTrue(error.contains(" into the sweep with no executor alive (it does so when executors keep failing as"
                + " they start); likely causes: Workers lost or not started; Workers without SPARK_SCALA_VERSION=2.13"
                + " or SPARK_HOME in their environment (their executors die at once, \"Cannot find any build"
                + " directories\" in the Worker's log); spark.executor.memory (1g) more than a Worker offers;"), error);
        // driver start, ten executor failures, the master's verdict: well under the give-up time
        assertTrue(r.elapsed().toSeconds() < 180, r::describe);
        assertFailedAndUnlocked(out, error);
    }
}
