package org.hhsweep.spark.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.hhsweep.spark.duckdb.DocumentedColumn;
import org.hhsweep.spark.duckdb.DocumentedTables;
import org.hhsweep.spark.duckdb.DuckDbReader;
import org.hhsweep.spark.duckdb.TableDifference;
import org.hhsweep.spark.duckdb.TableSchemaCheck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sweep job submitted to a real standalone cluster (Master and two Workers in their own JVMs on
 * 127.0.0.1) as users submit it, through {@code ./submit.sh --master spark://...}, and in local mode
 * through SparkSubmit: the tables must hold the same rows, every chunk must have run on SIMD lanes in
 * the executors, and an independent reader (DuckDB) must find the documented columns, types and units.
 */
class SweepOnClusterIT {

    private static final String MAIN = "org.hhsweep.spark.cli.Main";
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final List<String> TABLES = List.of("runs", "summaries", "spikes", "traces");

    /** Noise, several runs per grid point, traces and spikes: every table has rows, every task work. */
    private static final String CONFIG = """
            name: ci-small
            seed: 7
            simulation: {duration: 50 ms, dt: 0.01 ms, window: {start: 25 ms, end: 50 ms}}
            neurons: 4
            stimulus: {type: ou, mean: 8 uA/cm^2, sigma: 2 uA/cm^2, tau: 5 ms}
            sweep:
              grid:
                stimulus.mean: [4 uA/cm^2, 8 uA/cm^2, 12 uA/cm^2]
              seeds: 3
            record: {traces: {variables: [V, I], every: 0.1 ms, neurons: 2}, spikes: true}
            execution: {chunk_runs: 1}
            """;

    private static BuildArtifacts build;
    private static Path runDir;
    private static StandaloneCluster cluster;
    private static DuckDbReader duckdb;
    private static Path onCluster;
    private static SubmitScript.Result clusterRun;
    private static Path local;

    @BeforeAll
    static void runTheSweepBothWays() throws Exception {
        build = BuildArtifacts.fromSystemProperties();
        runDir = Files.createTempDirectory(Files.createDirectories(build.itDir()), "sweep-on-cluster-");
        Path config = Files.writeString(runDir.resolve("ci-small.yaml"), CONFIG);
        duckdb = DuckDbReader.open();
        cluster = StandaloneCluster.start(build, 2, Duration.ofMinutes(3));

        onCluster = runDir.resolve("cluster");
        // A user's executor JVM options (here: scratch files in the cluster's tmp/) are kept, and
        // submit.sh adds the Vector API module to them.
        clusterRun = SubmitScript.in(runDir).run(TIMEOUT, "--master", cluster.masterUrl(),
                "--conf", "spark.cores.max=2", "--conf", "spark.scheduler.minRegisteredResourcesRatio=1.0",
                "--conf", "spark.executor.extraJavaOptions=-Djava.io.tmpdir=" + cluster.tmpDir(),
                "--executor-memory", "1g", "sweep", config.toString(), "--out", onCluster.toString());
        assertEquals(0, clusterRun.status(), clusterRun::describe);

        local = runDir.resolve("local");
        SubmitResult localRun;
        try (RunningSubmission running = new SparkSubmitter(build, runDir.resolve("local-mode"))
                .start("local[2]", sweep(config, local))) {
            localRun = running.await(TIMEOUT);
        }
        assertEquals(0, localRun.exitCode(), localRun::describe);
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (duckdb != null) {
            duckdb.close();
        }
    }

    private static Submission sweep(Path config, Path out) {
        return Submission.of(MAIN, build.appJar(), "sweep", config.toString(), "--out", out.toString())
                .withConf("spark.cores.max", "2")
                .withConf("spark.scheduler.minRegisteredResourcesRatio", "1.0");
    }

    @Test
    void theClusterWritesTheSameTablesAsLocalMode() throws Exception {
        for (String table : TABLES) {
            TableDifference difference = duckdb.difference(onCluster.resolve(table), local.resolve(table), "*");
            assertTrue(difference.rowsA() > 0, table + " is empty");
            assertTrue(difference.isEmpty(), table + ": " + difference);
        }
        assertEquals(9L, duckdb.count(onCluster.resolve("runs")));
        assertEquals(36L, duckdb.count(onCluster.resolve("summaries")));
    }

    /**
     * submit.sh gives the executors the Vector API module: every chunk ran on SIMD lanes there (with
     * a spark:// master no task runs in the driver, which has the module too).
     */
    @Test
    void everyChunkRanOnSimdLanesInTheExecutors() throws Exception {
        JsonNode manifest = new ObjectMapper().readTree(onCluster.resolve("manifest.json").toFile());
        assertEquals(cluster.masterUrl(), manifest.get("master").asText());
        JsonNode kernel = manifest.get("kernel");
        assertEquals("exp_euler_fast", kernel.get("method").asText(), kernel::toString);
        assertEquals(9, kernel.get("chunks").asLong(), kernel::toString);
        assertEquals(9, kernel.get("simd_chunks").asLong(), kernel::toString);
        List<String> lines = clusterRun.outLines();
        assertTrue(lines.get(lines.size() - 1).endsWith(", exp_euler_fast, SIMD)"), clusterRun::describe);
    }

    /** The report of the cluster's output, drawn by the application jar's driver under spark-submit. */
    @Test
    void theReportIsMadeThroughSparkSubmitFromTheClustersOutput() throws Exception {
        SubmitResult report = cluster.submit(Submission.of(MAIN, build.appJar(), "report", onCluster.toString())
                .withConf("spark.cores.max", "2"), TIMEOUT);
        assertEquals(0, report.exitCode(), report::describe);
        String html = Files.readString(onCluster.resolve("report.html"));
        // 36 neurons, spikes and traces kept, one swept input: traces, raster, f-I curve, ISIs; and the model's gates.
        for (String kind : List.of("traces", "raster", "fi", "isi", "gates")) {
            assertTrue(html.contains("<img src=\"report/" + kind + ".png\""), kind);
            BufferedImage image = ImageIO.read(onCluster.resolve("report").resolve(kind + ".png").toFile());
            assertEquals(900, image.getWidth(), kind);
            assertEquals(600, image.getHeight(), kind);
        }
    }

    @Test
    void everyTableHasTheDocumentedColumnsTypesAndUnits() throws Exception {
        List<DocumentedColumn> swept = List.of(DocumentedTables.swept("stimulus_mean", "uA/cm^2"));
        assertEquals(List.of(), TableSchemaCheck.problems(duckdb, onCluster, DocumentedTables.all(swept)));
    }
}
