package org.hhsweep.spark.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.hhsweep.spark.duckdb.DuckDbReader;
import org.hhsweep.spark.duckdb.TableDifference;
import org.hhsweep.spark.io.ChunkFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * hhsweep on YARN and HDFS as a user runs it: {@code ./submit.sh --master yarn --deploy-mode client
 * ... sweep CONFIG --out hdfs://...} from the checkout, with HADOOP_CONF_DIR and nothing else (no
 * Spark distribution), against a real HDFS and YARN the test starts ({@link HadoopMiniCluster}).
 * Every table is compared row for row (DuckDB, on a copy fetched with Hadoop's FileSystem API) with
 * a local run of the same config: uninterrupted, with an executor container SIGKILLed mid-sweep,
 * and with the driver SIGKILLed mid-sweep and the sweep resumed. query, plot and report read the
 * HDFS output; the Spark jars the containers run are staged on HDFS once and reused.
 */
class SweepOnYarnIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(6);
    private static final List<String> TABLES = List.of("runs", "summaries", "spikes", "traces");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHUNKS = FaultSweep.CHUNKS;
    private static final String STAGED = "note: staged Spark's jars for YARN's containers in ";
    private static final Pattern APPLICATION = Pattern.compile("note: YARN application (application_\\d+_\\d+) ");
    private static final String NOT_STARTED = "error: could not start Spark with master yarn";

    private static Path runDir;
    private static HadoopMiniCluster cluster;
    private static FileSystem hdfs;
    private static DuckDbReader duckdb;
    private static Path config;
    private static Path reference;
    private static SubmitScript.Result plainRun;
    private static FileStatus archive;
    /** What each part took, printed at the end (docs/cluster-tests.md quotes it). */
    private static final Map<String, Double> SECONDS = new LinkedHashMap<>();

    @BeforeAll
    static void startTheClustersAndSweepHereAndOnYarn() throws Exception {
        BuildArtifacts build = BuildArtifacts.fromSystemProperties();
        runDir = Files.createTempDirectory(Files.createDirectories(build.itDir()), "sweep-on-yarn-");
        config = Files.writeString(runDir.resolve("crash.yaml"), FaultSweep.CONFIG);
        duckdb = DuckDbReader.open();
        cluster = HadoopMiniCluster.start(runDir.resolve("hadoop"));
        hdfs = cluster.fileSystem();
        SECONDS.put("HDFS + YARN start", cluster.startupTime().toMillis() / 1e3);
        System.out.printf("SweepOnYarnIT: HDFS + YARN mini clusters up in %.1f s, this JVM's resident memory +%d MB%n",
                cluster.startupTime().toMillis() / 1e3, cluster.residentGrowthBytes() >> 20);

        reference = runDir.resolve("reference");
        SubmitScript.Result local = SubmitScript.in(runDir).run(TIMEOUT, "--master", "local[2]", "sweep",
                config.toString(), "--out", reference.toString());
        assertEquals(0, local.status(), local::describe);
        SECONDS.put("local[2] sweep", local.millis() / 1e3);

        plainRun = runOnYarn("sweep", config.toString(), "--out", hdfs("plain"));
        assertEquals(0, plainRun.status(), plainRun::describe);
        SECONDS.put("yarn sweep (first: stages the jars)", plainRun.millis() / 1e3);
        archive = stagedArchive();
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (duckdb != null) {
            duckdb.close();
        }
        StringBuilder line = new StringBuilder("SweepOnYarnIT times:");
        SECONDS.forEach((part, s) -> line.append(String.format(" %s %.1f s;", part, s)));
        System.out.println(line);
    }

    /** The user: the checkout's submit.sh with HADOOP_CONF_DIR naming the cluster's configuration. */
    private static SubmitScript user() {
        return SubmitScript.in(runDir).withEnv("HADOOP_CONF_DIR", cluster.confDir().toString())
                // One machine: the driver on loopback, where the containers look for it.
                .withEnv("SPARK_LOCAL_IP", "127.0.0.1");
    }

    /** A command line for YARN: client mode, two executors of one core and 1 GiB. */
    private static String[] onYarn(String... command) {
        List<String> args = new ArrayList<>(List.of("--master", "yarn", "--deploy-mode", "client",
                "--conf", "spark.driver.host=127.0.0.1", "--num-executors", "2", "--executor-cores", "1",
                "--executor-memory", "1g"));
        args.addAll(List.of(command));
        return args.toArray(String[]::new);
    }

    private static String hdfs(String name) {
        return cluster.defaultFs() + "/outputs/" + name;
    }

    private static org.apache.hadoop.fs.Path hadoopPath(String uri) {
        return new org.apache.hadoop.fs.Path(uri);
    }

    /** The output on HDFS copied here (no .crc files), for DuckDB. */
    private static Path fetch(String uri) throws IOException {
        Path local = runDir.resolve("fetched").resolve(hadoopPath(uri).getName());
        Files.createDirectories(local.getParent());
        hdfs.copyToLocalFile(false, hadoopPath(uri), new org.apache.hadoop.fs.Path(local.toUri()), true);
        return local;
    }

    private static JsonNode manifest(String uri) throws IOException {
        try (InputStream in = hdfs.open(new org.apache.hadoop.fs.Path(hadoopPath(uri), "manifest.json"))) {
            return JSON.readTree(in);
        }
    }

    private static long committed(String uri) throws IOException {
        return ChunkFiles.committed(hdfs, hadoopPath(uri)).size();
    }

    /** The one archive of Spark's jars staged in the user's home on HDFS. */
    private static FileStatus stagedArchive() throws IOException {
        org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(hdfs.getHomeDirectory(), ".hhsweep");
        List<FileStatus> files = List.of(hdfs.listStatus(dir));
        assertEquals(1, files.size(), files::toString);
        assertTrue(files.get(0).getPath().getName().matches("spark-jars-[0-9a-f]{32}\\.zip"), files::toString);
        return files.get(0);
    }

    /** Every table equal, row for row, to the local run; the manifest complete with the same counts. */
    private static void assertSameAsLocal(String uri) throws Exception {
        Path copy = fetch(uri);
        for (String table : TABLES) {
            TableDifference d = duckdb.difference(reference.resolve(table), copy.resolve(table), "*");
            assertTrue(d.rowsA() > 0, table + " is empty");
            assertTrue(d.isEmpty(), table + ": " + d);
        }
        assertEquals((long) CHUNKS, duckdb.scalar("SELECT count(DISTINCT run_id) FROM "
                + DuckDbReader.table(copy.resolve("runs"))));
        assertEquals((long) CHUNKS, duckdb.count(copy.resolve("runs")));
        assertEquals(2000L, duckdb.count(copy.resolve("summaries")));
        JsonNode manifest = manifest(uri);
        assertEquals("complete", manifest.get("status").asText());
        assertEquals(JSON.readTree(reference.resolve("manifest.json").toFile()).get("counts"), manifest.get("counts"));
        try (Stream<Path> files = Files.walk(copy)) {
            assertEquals(List.of(), files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(".") && !n.equals(".lock")).toList(), "temporary files left");
        }
    }

    /**
     * submit.sh on YARN, run again once if Spark did not start there (which leaves no output
     * behind: the sweep opens Spark before it touches its output). CI saw one such start fail, on a
     * loaded machine, with an exception without a message: nothing these tests are about. The
     * failed attempt's stderr and YARN's report of its application are printed, for the next time.
     */
    private static SubmitScript.Result runOnYarn(String... command) throws Exception {
        SubmitScript.Result r = user().run(TIMEOUT, onYarn(command));
        if (r.status() != 0 && r.err().contains(NOT_STARTED)) {
            printStartFailure(r.err());
            r = user().run(TIMEOUT, onYarn(command));
        }
        return r;
    }

    /** A sweep started on YARN and running with {@code n} chunks committed; started again once as {@link #runOnYarn}. */
    private static SubmitScript.Running sweepOnYarnUntilCommitted(String out, long n) throws Exception {
        for (int attempt = 1; ; attempt++) {
            SubmitScript.Running running = user().start(onYarn("sweep", config.toString(), "--out", out));
            if (awaitCommitted(out, n, running, attempt == 1)) {
                return running;
            }
        }
    }

    /**
     * Waits until the sweep has committed {@code n} chunks, while it still runs; false when it
     * ended because Spark did not start and {@code mayRetry}.
     */
    private static boolean awaitCommitted(String uri, long n, SubmitScript.Running running, boolean mayRetry)
            throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (committed(uri) < n) {
            if (!running.isAlive()) {
                String err = running.await(TIMEOUT).err();
                if (mayRetry && err.contains(NOT_STARTED) && committed(uri) == 0) {
                    printStartFailure(err);
                    return false;
                }
                fail("the sweep ended before " + n + " chunks were committed:\n" + err);
            }
            assertTrue(System.nanoTime() < deadline, "fewer than " + n + " chunks committed after " + TIMEOUT);
            Thread.sleep(100);
        }
        return true;
    }

    private static void printStartFailure(String err) throws Exception {
        System.out.println("SweepOnYarnIT: Spark did not start on YARN; started again. Its stderr:\n" + err
                + "\nYARN's latest application: " + cluster.latestApplication().map(a -> a.getApplicationId() + " "
                + a.getYarnApplicationState() + " " + a.getFinalApplicationStatus() + " diagnostics: "
                + a.getDiagnostics()).orElse("none"));
    }

    private static String applicationId(String err) {
        Matcher m = APPLICATION.matcher(err);
        assertTrue(m.find(), "no YARN application named in\n" + err);
        return m.group(1);
    }

    /** Later submissions find the archive of the first and neither upload nor replace it. */
    private static void assertArchiveReused(String err) throws IOException {
        assertFalse(err.contains(STAGED), err);
        FileStatus now = stagedArchive();
        assertEquals(archive.getPath(), now.getPath());
        assertEquals(archive.getModificationTime(), now.getModificationTime());
    }

    @Test
    void theTablesOnHdfsEqualALocalRunRowForRow() throws Exception {
        assertSameAsLocal(hdfs("plain"));
        JsonNode manifest = manifest(hdfs("plain"));
        assertEquals("yarn", manifest.get("master").asText());
        // submit.sh gives YARN's executors the Vector API module too.
        JsonNode kernel = manifest.get("kernel");
        assertEquals(CHUNKS, kernel.get("chunks").asLong(), kernel::toString);
        assertEquals(CHUNKS, kernel.get("simd_chunks").asLong(), kernel::toString);
        List<String> out = plainRun.outLines();
        assertEquals("output: " + hdfs("plain"), out.get(out.size() - 2), plainRun::describe);
        assertTrue(out.get(out.size() - 1).endsWith(", exp_euler_fast, SIMD)"), plainRun::describe);
        // The application ran on this YARN, and ended.
        String id = applicationId(plainRun.err());
        assertTrue(cluster.applications().stream().anyMatch(a -> a.getApplicationId().toString().equals(id)
                && a.getFinalApplicationStatus().toString().equals("SUCCEEDED")), () -> id + " not SUCCEEDED");
    }

    /**
     * Without SPARK_HOME, the first submission stages the driver's jars on HDFS as one archive
     * (said in one note); YARN's NodeManager localizes it for the containers.
     */
    @Test
    void sparksJarsAreStagedOnHdfsAsOneArchive() throws Exception {
        String err = plainRun.err();
        assertTrue(err.contains(STAGED + archive.getPath() + " ("), plainRun::describe);
        assertEquals(1, err.lines().filter(l -> l.startsWith("note: staged")).count(), err);
        // The archive holds the jars of submit.sh's class path for SparkSubmit, at its root.
        List<String> classPath = List.of(Files.readString(SubmitScript.ROOT.resolve("spark-jobs/target/classpath.txt"))
                .trim().split(":"));
        List<String> entries = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(hdfs.open(archive.getPath()))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                entries.add(e.getName());
            }
        }
        assertEquals(classPath.stream().map(p -> Path.of(p).getFileName().toString()).sorted().toList(),
                entries.stream().sorted().toList());
        assertTrue(entries.contains("spark-yarn_2.13-4.2.0.jar"), entries::toString);
        assertFalse(entries.stream().anyMatch(n -> n.startsWith("spark-jobs") || n.startsWith("sim-core")),
                "the application's own jars go with each submission, not in the shared archive");
        // The NodeManager unpacked it once into its cache (YARN's localization of spark.yarn.archive).
        try (Stream<Path> files = Files.walk(runDir.resolve("hadoop"))) {
            assertEquals(1, files.filter(p -> p.getFileName().toString().equals(archive.getPath().getName())
                    && p.getParent().getParent().getFileName().toString().equals("filecache")).count());
        }
    }

    /**
     * report through YARN, writing beside the output on HDFS; query and plot in local mode, which
     * reads hdfs:// with HADOOP_CONF_DIR on its class path (one YARN application fewer for CI).
     */
    @Test
    void reportQueryAndPlotReadTheHdfsOutput() throws Exception {
        String out = hdfs("plain");
        SubmitScript.Result report = runOnYarn("report", out);
        assertEquals(0, report.status(), report::describe);
        SECONDS.put("yarn report", report.millis() / 1e3);
        assertArchiveReused(report.err());
        String html;
        try (InputStream in = hdfs.open(new org.apache.hadoop.fs.Path(hadoopPath(out), "report.html"))) {
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // 2,000 neurons: too many for single neurons' traces and raster (ReportPlan), as in a local report.
        assertEquals(3, html.split("<img ", -1).length - 1, html);
        for (String kind : List.of("fi", "isi", "gates")) {
            assertTrue(html.contains("<img src=\"report/" + kind + ".png\""), kind);
            try (InputStream in = hdfs.open(new org.apache.hadoop.fs.Path(hadoopPath(out), "report/" + kind + ".png"))) {
                BufferedImage image = ImageIO.read(in);
                assertEquals(900, image.getWidth(), kind);
                assertEquals(600, image.getHeight(), kind);
            }
        }

        SubmitScript.Result query = user().run(TIMEOUT, "query", out,
                "SELECT count(*) AS neurons, sum(spike_count) AS spikes FROM summaries", "--format", "csv");
        assertEquals(0, query.status(), query::describe);
        SECONDS.put("local query of the HDFS output", query.millis() / 1e3);
        Object spikes = duckdb.scalar("SELECT sum(spike_count) FROM " + DuckDbReader.table(reference.resolve("summaries")));
        assertEquals(List.of("neurons,spikes", "2000," + spikes), query.outLines(), query::describe);

        Path png = runDir.resolve("raster-from-hdfs.png");
        SubmitScript.Result plot = user().run(TIMEOUT, "plot", out, "--kind", "raster", "--out", png.toString());
        assertEquals(0, plot.status(), plot::describe);
        SECONDS.put("local plot of the HDFS output", plot.millis() / 1e3);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(800, image.getWidth());
        assertEquals(600, image.getHeight());
    }

    @Test
    void anExecutorContainerKilledMidSweepLosesNothing() throws Exception {
        String out = hdfs("executor-killed");
        SubmitScript.Running running = sweepOnYarnUntilCommitted(out, 2);
        String id = applicationId(running.errSoFar());
        List<ProcessHandle> executors = cluster.containers(HadoopMiniCluster.EXECUTOR_CLASS).stream()
                .filter(p -> HadoopMiniCluster.commandLine(p).contains("--app-id " + id)).toList();
        assertEquals(2, executors.size(), () -> "executors of " + id + ": " + executors);
        ProcessHandle killed = executors.get(0);
        killed.destroyForcibly();
        killed.onExit().get();
        long committedAtKill = committed(out);
        SubmitScript.Result result = running.await(TIMEOUT);

        assertEquals(0, result.status(), result::describe);
        assertTrue(committedAtKill < CHUNKS, "the executor was killed after the last chunk");
        assertTrue(result.err().contains("Lost executor") && result.err().contains("Exit status: 137"),
                "Spark did not see the container die:\n" + result.err());
        assertSameAsLocal(out);
        assertArchiveReused(result.err());
        SECONDS.put("yarn sweep, an executor killed", result.millis() / 1e3);
        System.out.printf("SweepOnYarnIT: executor %d of %s killed with %d of %d chunks committed%n", killed.pid(), id,
                committedAtKill, CHUNKS);
    }

    @Test
    void aKilledDriverIsResumedToTheSameTables() throws Exception {
        String out = hdfs("driver-killed");
        SubmitScript.Running running = sweepOnYarnUntilCommitted(out, 2);
        // submit.sh execs the driver's JVM: its pid is the driver.
        ProcessHandle driver = ProcessHandle.of(running.pid()).orElseThrow();
        assertTrue(driver.info().command().orElse("").endsWith("java"), driver::toString);
        driver.destroyForcibly();
        SubmitScript.Result killed = running.await(TIMEOUT);
        long committedAtKill = committed(out);
        assertEquals(137, killed.status(), killed::describe);
        assertTrue(committedAtKill < CHUNKS, committedAtKill + " chunks committed at the kill");
        assertEquals("running", manifest(out).get("status").asText());

        // Resumed at once, as a user would: the killed application's executors may still be ending.
        SubmitScript.Result resumed = runOnYarn("sweep", config.toString(), "--out", out, "--resume");
        assertEquals(0, resumed.status(), resumed::describe);
        Matcher m = Pattern.compile("resumed: (\\d+) of " + CHUNKS + " chunks were committed before; ran the other"
                + " (\\d+) \\((\\d+) runs?\\)").matcher(resumed.out());
        assertTrue(m.find(), resumed::describe);
        long before = Long.parseLong(m.group(1));
        // A task that was finishing as the driver died may have committed its chunk since.
        assertTrue(before >= committedAtKill && before < CHUNKS, before + " committed before, " + committedAtKill
                + " at the kill");
        assertEquals(CHUNKS - before, Long.parseLong(m.group(2)), resumed::describe);
        assertEquals(CHUNKS - before, Long.parseLong(m.group(3)), resumed::describe);
        assertSameAsLocal(out);
        assertArchiveReused(resumed.err());
        // The killed driver's application ended on YARN: its ApplicationMaster saw the driver go.
        cluster.awaitNoActiveApplication(Duration.ofSeconds(60));
        SECONDS.put("yarn sweep killed + resumed", (killed.millis() + resumed.millis()) / 1e3);
        System.out.printf("SweepOnYarnIT: driver killed with %d of %d chunks committed; resume %.1f s%n",
                committedAtKill, CHUNKS, resumed.millis() / 1e3);
    }

    /**
     * A staging directory that cannot be made, and executors larger than the cluster's largest
     * container: one line each, exit 2, nothing written.
     */
    @Test
    void whatTheClusterCannotDoIsOneLine() throws Exception {
        org.apache.hadoop.fs.Path blocked = new org.apache.hadoop.fs.Path("/blocked");
        hdfs.create(blocked).close();
        String out = hdfs("never");
        SubmitScript.Result r = user().run(TIMEOUT, onYarn("--conf", "spark.yarn.stagingDir=" + blocked, "sweep",
                config.toString(), "--out", out));
        assertEquals(2, r.status(), r::describe);
        assertEquals(1, r.errLines().size(), r::describe);
        assertTrue(r.errLines().get(0).startsWith("error: cannot stage Spark's jars for YARN's containers in "
                + cluster.defaultFs() + "/blocked/.hhsweep ("), r::describe);

        // Spark's own check at submission (its stack trace and warnings quiet without --verbose).
        List<String> big = new ArrayList<>(List.of(onYarn("sweep", config.toString(), "--out", out)));
        big.set(big.indexOf("1g"), "8g");
        r = user().run(TIMEOUT, big.toArray(String[]::new));
        assertEquals(2, r.status(), r::describe);
        assertEquals(1, r.errLines().size(), r::describe);
        assertTrue(r.errLines().get(0).startsWith("error: could not start Spark with master yarn: Required executor"
                + " memory (8192 MB)"), r::describe);
        assertTrue(r.errLines().get(0).contains("is above the max threshold (" + HadoopMiniCluster.NODE_MEMORY_MB
                + " MB) of this cluster!"), r::describe);
        assertFalse(hdfs.exists(hadoopPath(out)), "no output directory");
    }
}
