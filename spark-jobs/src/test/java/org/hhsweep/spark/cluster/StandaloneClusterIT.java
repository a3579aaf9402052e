package org.hhsweep.spark.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.hhsweep.spark.duckdb.DuckDbReader;
import org.hhsweep.spark.duckdb.TableDifference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The harness itself, proved with a stand-in application: a Master and two Workers in their own
 * JVMs, applications submitted through SparkSubmit, output read back with DuckDB.
 */
class StandaloneClusterIT {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration SUBMIT_TIMEOUT = Duration.ofMinutes(5);
    private static final long ROWS = 20_000;
    private static final String PROBE = ClusterProbeApp.class.getName();

    private static BuildArtifacts build;
    private static Path runDir;
    private static StandaloneCluster cluster;
    private static DuckDbReader duckdb;
    private static Path clusterOutput;
    private static SubmitResult clusterResult;

    @BeforeAll
    static void startCluster() throws Exception {
        build = BuildArtifacts.fromSystemProperties();
        Files.createDirectories(build.itDir());
        runDir = Files.createTempDirectory(build.itDir(), "standalone-cluster-it-");
        duckdb = DuckDbReader.open();
        cluster = StandaloneCluster.start(build, 2, START_TIMEOUT);
        System.out.printf("standalone cluster (master + 2 workers) up in %.1f s, logs in %s%n",
                cluster.startupTime().toMillis() / 1e3, cluster.logDir());
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            List<ProcessHandle> started = new ArrayList<>(cluster.processes());
            cluster.close();
            List<Long> survivors = started.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList();
            assertEquals(List.of(), survivors, "processes left running after close()");
            assertFalse(Files.exists(cluster.logDir().resolveSibling("work")), "work dirs left after close()");
        }
        if (duckdb != null) {
            duckdb.close();
        }
    }

    private static Submission probe(Path out, int partitions, String... options) {
        List<String> args = new ArrayList<>(List.of(out.toString(), "--rows", Long.toString(ROWS),
                "--partitions", Integer.toString(partitions)));
        args.addAll(List.of(options));
        // Wait for both executors before the first task, so both get work.
        return Submission.of(PROBE, build.testJar(), args.toArray(String[]::new))
                .withConf("spark.cores.max", "2")
                .withConf("spark.scheduler.minRegisteredResourcesRatio", "1.0")
                .withConf("spark.scheduler.maxRegisteredResourcesWaitingTime", "120s");
    }

    /** The probe's output from the cluster, made once for the tests that need it. */
    private static synchronized Path clusterOutput() throws Exception {
        if (clusterOutput == null) {
            Path out = runDir.resolve("probe-on-cluster");
            SubmitResult result = cluster.submit(probe(out, 8), SUBMIT_TIMEOUT);
            System.out.printf("probe submitted to the cluster ran in %.1f s%n", result.elapsed().toMillis() / 1e3);
            assertEquals(0, result.exitCode(), result::describe);
            clusterResult = result;
            clusterOutput = out;
        }
        return clusterOutput;
    }

    private static String table(Path out, String name) {
        return DuckDbReader.table(out.resolve(name));
    }

    private static Object scalar(String sql) throws Exception {
        return duckdb.scalar(sql);
    }

    @Test
    void probeOutputFromTheClusterIsCompleteAndCorrect() throws Exception {
        Path out = clusterOutput();
        String rows = table(out, "rows");

        assertEquals(List.of(List.of(ROWS, ROWS, 0L, ROWS - 1)),
                duckdb.query("SELECT count(*), count(DISTINCT id), min(id), max(id) FROM " + rows));
        assertEquals(0L, scalar("SELECT count(*) FROM " + rows + " WHERE id_squared <> id * id"
                + " OR bucket <> id % " + ClusterProbeApp.BUCKETS));
        // sum of i^2 for i < n is (n-1) n (2n-1) / 6
        assertEquals((ROWS - 1) * ROWS * (2 * ROWS - 1) / 6, scalar("SELECT sum(id_squared)::BIGINT FROM " + rows));
        assertEquals(0L, scalar("SELECT count(*) FROM " + rows + " WHERE samples <> "
                + "[id::FLOAT, (id * 0.5)::FLOAT, (id::DOUBLE / 3)::FLOAT]"));
        // Two rows checked in Java too, bit for bit, against the app's own definition.
        for (long id : new long[] {1, ROWS - 2}) {
            assertEquals(ClusterProbeApp.samples(id),
                    scalar("SELECT samples FROM " + rows + " WHERE id = " + id));
        }

        long[] count = new long[ClusterProbeApp.BUCKETS];
        long[] idSum = new long[ClusterProbeApp.BUCKETS];
        for (long id = 0; id < ROWS; id++) {
            count[(int) (id % ClusterProbeApp.BUCKETS)]++;
            idSum[(int) (id % ClusterProbeApp.BUCKETS)] += id;
        }
        List<List<Object>> expected = new ArrayList<>();
        for (int b = 0; b < ClusterProbeApp.BUCKETS; b++) {
            expected.add(List.of(b, count[b], idSum[b]));
        }
        assertEquals(expected, duckdb.query("SELECT bucket, count, id_sum FROM " + table(out, "buckets")
                + " ORDER BY bucket"));
    }

    @Test
    void probeRanOnTheExecutorsOfBothWorkers() throws Exception {
        Path out = clusterOutput();
        String rows = table(out, "rows");

        List<List<Object>> apps = duckdb.query("SELECT DISTINCT app_id FROM " + rows);
        assertEquals(1, apps.size(), apps::toString);
        String appId = (String) apps.get(0).get(0);
        assertTrue(appId.startsWith("app-"), "not a standalone application id: " + appId);

        List<Object> executors = duckdb.query("SELECT DISTINCT executor_id FROM " + rows + " ORDER BY 1")
                .stream().map(r -> r.get(0)).toList();
        assertEquals(2, executors.size(), "executors that computed rows: " + executors);
        assertFalse(executors.contains("driver"), executors::toString);

        // Each executor JVM is a child of a Worker JVM this harness started: rows from both workers.
        Set<Object> parents = new HashSet<>();
        duckdb.query("SELECT DISTINCT executor_parent_pid FROM " + rows).forEach(r -> parents.add(r.get(0)));
        assertEquals(new HashSet<Object>(cluster.workerPids()), parents);

        assertEquals(Optional.of(new MasterState.Application(appId, ClusterProbeApp.APP_NAME, "FINISHED")),
                completedApp(appId));
    }

    @Test
    void whatTheApplicationPrintsIsKeptApartFromSparksLog() throws Exception {
        Path out = clusterOutput();
        String appId = (String) scalar("SELECT DISTINCT app_id FROM " + table(out, "rows"));

        assertEquals("probe " + appId + " wrote " + out + "\n", clusterResult.output());
        assertTrue(clusterResult.errorOutput().contains("Connected to Spark cluster with app ID " + appId),
                clusterResult::describe);
    }

    /** The master moves an application to "completed" when the driver unregisters; that may lag its exit. */
    private static Optional<MasterState.Application> completedApp(String appId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Optional<MasterState.Application> app = cluster.masterState().completedApp(appId);
        while (app.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(250);
            app = cluster.masterState().completedApp(appId);
        }
        return app;
    }

    @Test
    void localModeWritesTheSameContentAsTheCluster() throws Exception {
        Path onCluster = clusterOutput();
        Path local = runDir.resolve("probe-local");
        SparkSubmitter submitter = new SparkSubmitter(build, runDir.resolve("local-mode"));

        SubmitResult result;
        try (RunningSubmission running = submitter.start("local[2]", probe(local, 8))) {
            result = running.await(SUBMIT_TIMEOUT);
        }
        System.out.printf("probe submitted in local mode ran in %.1f s%n", result.elapsed().toMillis() / 1e3);

        assertEquals(0, result.exitCode(), result::describe);
        assertEquals("driver", scalar("SELECT DISTINCT executor_id FROM " + table(local, "rows")),
                "local mode computes in the driver");
        TableDifference rows = duckdb.difference(onCluster.resolve("rows"), local.resolve("rows"),
                "id, id_squared, samples, bucket, partition");
        assertTrue(rows.isEmpty(), rows::toString);
        assertEquals(ROWS, rows.rowsA());
        TableDifference buckets = duckdb.difference(onCluster.resolve("buckets"), local.resolve("buckets"), "*");
        assertTrue(buckets.isEmpty(), buckets::toString);
    }

    @Test
    void outputIsCompleteAndUnduplicatedAfterAnExecutorIsKilledMidTask() throws Exception {
        Path out = runDir.resolve("probe-executor-lost");
        Path markers = Files.createDirectories(runDir.resolve("markers"));

        SubmitResult result;
        long killed;
        try (RunningSubmission running = cluster.startSubmit(probe(out, 4,
                "--task-millis", "3000", "--markers", markers.toString()))) {
            killed = firstBusyExecutor(markers, running);
            cluster.killExecutor(killed);
            result = running.await(SUBMIT_TIMEOUT);
        }

        assertEquals(0, result.exitCode(), result::describe);
        String rows = table(out, "rows");
        assertEquals(List.of(List.of(ROWS, ROWS)), duckdb.query("SELECT count(*), count(DISTINCT id) FROM " + rows));
        assertEquals(0L, scalar("SELECT count(*) FROM " + rows + " WHERE executor_pid = " + killed),
                "rows of the killed executor's unfinished task were committed");
        // The task that was running on the killed executor ran again (attempt 1) somewhere else.
        List<String> names;
        try (Stream<Path> files = Files.list(markers)) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        String lostPartition = names.stream().filter(n -> n.endsWith("-attempt-0-pid-" + killed))
                .map(n -> n.substring(0, n.indexOf("-attempt-"))).findFirst().orElseThrow();
        assertTrue(names.stream().anyMatch(n -> n.startsWith(lostPartition + "-attempt-1-")
                        && !n.endsWith("-pid-" + killed)), "no retry of " + lostPartition + " in " + names);
    }

    /** Waits until a task has started, and returns the pid of the executor running it. */
    private static long firstBusyExecutor(Path markers, RunningSubmission running) throws Exception {
        long deadline = System.nanoTime() + SUBMIT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && running.isAlive()) {
            try (Stream<Path> files = Files.list(markers)) {
                Optional<String> first = files.map(p -> p.getFileName().toString()).findFirst();
                if (first.isPresent()) {
                    return Long.parseLong(first.get().substring(first.get().lastIndexOf('-') + 1));
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no task started\n" + running.errorOutput());
    }
}
