package org.hhsweep.spark.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hhsweep.spark.cluster.SubmitScript.Result;
import org.hhsweep.spark.duckdb.DuckDbReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ./submit.sh cluster start|join|status|stop} as a user runs them: a Master and two Workers
 * from the project's jars, a third Worker joining from another cluster directory (as another host
 * would), a sweep through {@code --master} against them, and a stop that leaves no process behind.
 * Each cluster directory is a scratch one (HHSWEEP_CLUSTER_DIR), on free ports.
 */
class ClusterCommandIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(4);
    private static final String SMALL = """
            name: on-cluster
            simulation: {duration: 20 ms, dt: 0.01 ms}
            neurons: 3
            stimulus: {type: gaussian, mean: 10 uA/cm^2, sigma: 2 uA/cm^2}
            sweep: {grid: {stimulus.mean: [6 uA/cm^2, 8 uA/cm^2, 10 uA/cm^2, 12 uA/cm^2]}}
            execution: {chunk_runs: 1}
            """;

    private static Path dir;
    private static Path clusterDir;
    private static Path joinDir;
    private static int port;
    private static int webUiPort;

    @BeforeAll
    static void scratch() throws IOException {
        BuildArtifacts build = BuildArtifacts.fromSystemProperties();
        // As the script spells it: through links.
        dir = Files.createTempDirectory(Files.createDirectories(build.itDir()), "cluster-command-").toRealPath();
        clusterDir = dir.resolve("cluster");
        joinDir = dir.resolve("joined");
        port = StandaloneCluster.freePort();
        webUiPort = StandaloneCluster.freePort();
    }

    /** Whatever a failed test left running: every process started for these directories, and their children. */
    @AfterAll
    static void killLeftovers() {
        for (ProcessHandle p : processesOf(dir)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    private static SubmitScript script(Path clusterDirectory) {
        return SubmitScript.in(dir).withEnv("HHSWEEP_CLUSTER_DIR", clusterDirectory.toString());
    }

    private static Result cluster(Path clusterDirectory, String... args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("cluster"));
        all.addAll(List.of(args));
        return script(clusterDirectory).run(TIMEOUT, all.toArray(String[]::new));
    }

    private static void assertOneLine(Result r, String fragment) {
        assertEquals(2, r.status(), r::describe);
        assertEquals(1, r.errLines().size(), r::describe);
        assertTrue(r.errLines().get(0).startsWith("error: ") && r.errLines().get(0).contains(fragment),
                () -> "'" + fragment + "' not in\n" + r.describe());
    }

    @Test
    void badOptionsAreOneLineAndStartNothing() throws Exception {
        Path unused = dir.resolve("unused");
        assertOneLine(cluster(unused, "start", "--workers", "0"), "--workers 0: expected a whole number of Workers");
        assertOneLine(cluster(unused, "start", "--memory", "2"), "--memory 2: expected a size per Worker");
        assertOneLine(cluster(unused, "start", "--port", "70000"), "--port 70000: expected a TCP port number");
        assertOneLine(cluster(unused, "start", "--host", "0.0.0.0"), "--host 0.0.0.0: expected an address");
        assertOneLine(cluster(unused, "start", "--wrokers", "2"), "cluster start: unknown option --wrokers");
        assertOneLine(cluster(unused, "join"), "cluster join needs the master's URL");
        assertOneLine(cluster(unused, "join", "spark://nohost"),
                "cluster join spark://nohost: expected spark://HOST:PORT");
        assertOneLine(cluster(unused, "status", "--workers", "2"), "cluster status takes no options");
        assertOneLine(cluster(unused, "restart"), "unknown cluster command 'restart'");
        Result misplaced = script(unused).run(TIMEOUT, "--master", "local[2]", "cluster", "start");
        assertOneLine(misplaced, "cluster takes its options after it");
        assertFalse(Files.exists(unused), "nothing created");
    }

    /** The master's JVM starts and fails to bind: start stops it again and names the option to change. */
    @Test
    void anAddressOfAnotherMachineIsOneLineAndLeavesNothingRunning() throws Exception {
        Path elsewhere = dir.resolve("elsewhere");
        // TEST-NET-2 (RFC 5737): documentation only, never an address of this machine.
        Result start = cluster(elsewhere, "start", "--host", "198.51.100.7",
                "--port", Integer.toString(StandaloneCluster.freePort()),
                "--webui-port", Integer.toString(StandaloneCluster.freePort()));
        assertOneLine(start, "--host 198.51.100.7: not an address of this machine");
        assertTrue(Files.size(elsewhere.resolve("logs").resolve("master.log")) > 0, "the master's log is kept");
        assertEquals(List.of(), names(elsewhere.resolve("pids")));
        assertEquals(List.of(), processesOf(elsewhere).stream().map(ProcessHandle::pid).toList());
    }

    @Test
    void startStatusJoinSweepAndStop() throws Exception {
        Result before = cluster(clusterDir, "status");
        assertEquals(3, before.status(), before::describe);
        assertEquals(List.of("no cluster running from " + clusterDir), before.outLines(), before::describe);
        assertOneLine(cluster(clusterDir, "stop"), "nothing to stop: no cluster is running from " + clusterDir);

        // start: a Master and two Workers on 127.0.0.1, each registered before start returns.
        Result start = cluster(clusterDir, "start", "--workers", "2", "--cores", "1", "--memory", "2g",
                "--port", Integer.toString(port), "--webui-port", Integer.toString(webUiPort));
        assertEquals(0, start.status(), start::describe);
        String masterUrl = "spark://127.0.0.1:" + port;
        MasterState state = MasterState.fetch(URI.create("http://127.0.0.1:" + webUiPort + "/"));
        assertEquals("ALIVE", state.status());
        assertEquals(2, state.aliveWorkers(), state::toString);
        assertTrue(state.workers().stream().allMatch(w -> w.cores() == 1 && w.host().equals("127.0.0.1")),
                state::toString);
        long masterPid = pid("master");
        List<Long> workerPids = List.of(pid("worker-1"), pid("worker-2"));
        assertTrue(commandLine(masterPid).contains("org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "
                + port), commandLine(masterPid));
        for (long worker : workerPids) {
            assertTrue(commandLine(worker).contains("org.apache.spark.deploy.worker.Worker --host 127.0.0.1"),
                    commandLine(worker));
            Map<String, String> env = environment(worker);
            assertEquals("2.13", env.get("SPARK_SCALA_VERSION"), env::toString);
            assertEquals(clusterDir.resolve("spark-home").toString(), env.get("SPARK_HOME"), env::toString);
            assertEquals("127.0.0.1", env.get("SPARK_LOCAL_IP"), env::toString);
        }
        // Spark's jars linked from Maven's repository into the cluster's Spark home, not copied.
        Path sparkCore = clusterDir.resolve("spark-home").resolve("jars").resolve("spark-core_2.13-4.2.0.jar");
        assertTrue(Files.isSymbolicLink(sparkCore) && Files.isRegularFile(sparkCore), sparkCore.toString());
        assertTrue(start.out().contains("master: " + masterUrl + " (pid " + masterPid + ")"), start::describe);
        assertTrue(start.out().contains("./submit.sh cluster join spark://"), start::describe);

        // Started once: a second start here, or another cluster on the same port, is refused.
        assertOneLine(cluster(clusterDir, "start", "--port", Integer.toString(port)),
                "a cluster is already running from " + clusterDir + " (" + masterUrl + ")");
        assertOneLine(cluster(dir.resolve("second"), "start", "--port", Integer.toString(port), "--webui-port",
                Integer.toString(StandaloneCluster.freePort())),
                "--port " + port + ": 127.0.0.1:" + port + " is in use");

        Result status = cluster(clusterDir, "status");
        assertEquals(0, status.status(), status::describe);
        assertTrue(status.outLines().contains("master: " + masterUrl + " (pid " + masterPid + "),"
                + " web UI http://127.0.0.1:" + webUiPort), status::describe);
        assertTrue(status.out().contains("workers started here: 2, 1 core(s) and 2g each; running: worker-1 (pid "
                + workerPids.get(0) + "), worker-2 (pid " + workerPids.get(1) + ")"), status::describe);
        assertTrue(status.out().contains("alive workers (the master's count, joined hosts included): 2, 2 cores"
                + " (0 in use), 4096 MB"), status::describe);
        for (String log : List.of("master.log", "worker-1.log", "worker-2.log")) {
            assertTrue(Files.size(clusterDir.resolve("logs").resolve(log)) > 0, log);
        }
        assertTrue(status.out().contains("logs: " + clusterDir.resolve("logs") + "/"), status::describe);

        // join: a Worker started from another directory, as on another host; its stop stops only it.
        Result join = cluster(joinDir, "join", masterUrl, "--cores", "1", "--memory", "1g");
        assertEquals(0, join.status(), join::describe);
        long joinedPid = pid(joinDir, "worker-1");
        assertEquals(3, MasterState.fetch(URI.create("http://127.0.0.1:" + webUiPort + "/")).aliveWorkers());
        Result joinStop = cluster(joinDir, "stop");
        assertEquals(0, joinStop.status(), joinStop::describe);
        assertFalse(alive(joinedPid), "the joined Worker");
        assertTrue(Stream.concat(Stream.of(masterPid), workerPids.stream()).allMatch(ClusterCommandIT::alive),
                "the cluster started by start runs on");

        // A sweep through submit.sh --master, its chunks on SIMD lanes in the executors.
        Path config = Files.writeString(dir.resolve("on-cluster.yaml"), SMALL);
        Path out = dir.resolve("out");
        Result sweep = SubmitScript.in(dir).run(TIMEOUT, "--master", masterUrl, "sweep", config.toString(),
                "--out", out.toString());
        assertEquals(0, sweep.status(), sweep::describe);
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals("complete", manifest.get("status").asText());
        assertEquals(masterUrl, manifest.get("master").asText());
        assertEquals(4, manifest.get("kernel").get("chunks").asLong(), manifest.get("kernel")::toString);
        assertEquals(4, manifest.get("kernel").get("simd_chunks").asLong(), manifest.get("kernel")::toString);
        try (DuckDbReader duckdb = DuckDbReader.open()) {
            assertEquals(4L, duckdb.count(out.resolve("runs")));
            assertEquals(12L, duckdb.count(out.resolve("summaries")));
        }

        // stop: exactly what start started, executors included; nothing of the cluster is left.
        Result stop = cluster(clusterDir, "stop");
        assertEquals(0, stop.status(), stop::describe);
        assertTrue(stop.out().startsWith("stopped the master (pid " + masterPid + "), 2 worker(s)"), stop::describe);
        assertFalse(Stream.concat(Stream.of(masterPid), workerPids.stream()).anyMatch(ClusterCommandIT::alive));
        assertEquals(List.of(), processesOf(dir).stream().map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                .toList(), "processes of the cluster left behind");
        assertEquals(List.of(), names(clusterDir.resolve("pids")));
        assertOneLine(cluster(clusterDir, "stop"), "nothing to stop");
        assertEquals(3, cluster(clusterDir, "status").status());
    }

    private static long pid(String name) throws IOException {
        return pid(clusterDir, name);
    }

    private static long pid(Path clusterDirectory, String name) throws IOException {
        long pid = Long.parseLong(Files.readString(clusterDirectory.resolve("pids").resolve(name + ".pid")).trim());
        assertTrue(alive(pid), name + " (pid " + pid + ") is not running");
        return pid;
    }

    /**
     * Whether a process runs. A stopped daemon was started in the background by a shell that has
     * exited, so it may stay a zombie until its new parent reaps it; that counts as gone (as the
     * script's own check has it), while ProcessHandle calls it alive.
     */
    private static boolean alive(long pid) {
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // pid (comm) STATE ...: the state follows the last ')'.
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    private static String commandLine(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().commandLine()).orElse("");
    }

    /** A process's environment, as Linux shows it in /proc. */
    private static Map<String, String> environment(long pid) throws IOException {
        String raw = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ")),
                StandardCharsets.UTF_8);
        return Arrays.stream(raw.split("\0")).filter(e -> e.contains("="))
                .collect(Collectors.toMap(e -> e.substring(0, e.indexOf('=')),
                        e -> e.substring(e.indexOf('=') + 1), (a, b) -> b));
    }

    /** Every live process whose command line names a path under {@code root}: daemons and their executors. */
    private static List<ProcessHandle> processesOf(Path root) {
        String marker = root.toString();
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self && p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .filter(p -> p.info().commandLine().map(c -> c.contains("java")).orElse(false))
                .toList();
    }

    private static List<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
