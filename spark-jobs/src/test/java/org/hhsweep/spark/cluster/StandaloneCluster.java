package org.hhsweep.spark.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntPredicate;
import java.util.stream.Stream;

/**
 * A real Spark standalone cluster on 127.0.0.1: one Master and N Workers, each a separate JVM started
 * from the build's Spark home, as on a real cluster but on one machine. Applications reach it
 * through {@link #submit} (spark-submit in a further JVM). Everything it started is stopped by
 * {@link #close}, also when a test fails or the test JVM exits early.
 *
 * <p>Files go to one directory per cluster: logs/ (master, workers, each submission, and each
 * executor's stderr copied at close; kept for diagnosis), work/ (the workers' work dirs) and tmp/
 * (java.io.tmpdir of every JVM, so also Spark's local dirs of driver, Workers and executors), both
 * deleted at close.
 */
public final class StandaloneCluster implements AutoCloseable {

    private static final String MASTER = "org.apache.spark.deploy.master.Master";
    private static final String WORKER = "org.apache.spark.deploy.worker.Worker";
    private static final String EXECUTOR = "org.apache.spark.executor.CoarseGrainedExecutorBackend";
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    private static final int LOG_TAIL = 40;

    private final Path dir;
    private final String masterUrl;
    private final URI webUi;
    private final SparkSubmitter submitter;
    private final SparkJvm jvm;
    private final List<ManagedProcess> daemons = new ArrayList<>();
    private final List<RunningSubmission> submissions = new ArrayList<>();
    private final Thread shutdownHook = new Thread(this::stopEverything, "standalone-cluster-stop");
    private Duration startupTime;

    private StandaloneCluster(Path dir, int masterPort, int webUiPort, SparkJvm jvm) {
        this.dir = dir;
        this.masterUrl = "spark://127.0.0.1:" + masterPort;
        this.webUi = URI.create("http://127.0.0.1:" + webUiPort + "/");
        this.submitter = new SparkSubmitter(jvm, logDir());
        this.jvm = jvm;
    }

    /**
     * Starts a Master and {@code workers} Workers of one core and 2 GiB each and waits until every
     * Worker has registered.
     *
     * @throws IllegalStateException if they have not after {@code timeout}, with the logs' last lines
     */
    public static StandaloneCluster start(BuildArtifacts build, int workers, Duration timeout)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        Files.createDirectories(build.itDir());
        Path dir = Files.createTempDirectory(build.itDir(), "cluster-");
        SparkJvm jvm = new SparkJvm(build, Files.createDirectories(dir.resolve("tmp")));
        Files.createDirectories(dir.resolve("logs"));
        int masterPort = freePort();
        int webUiPort = freePort();
        StandaloneCluster cluster = new StandaloneCluster(dir, masterPort, webUiPort, jvm);
        Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
        try {
            // No REST submission server: it would take port 6066, which parallel builds share.
            cluster.daemons.add(ManagedProcess.start("master", jvm.processBuilder("1g", MASTER, List.of(
                    "--host", "127.0.0.1", "--port", Integer.toString(masterPort),
                    "--webui-port", Integer.toString(webUiPort),
                    "--properties-file", cluster.writeMasterProperties().toString())),
                    cluster.logDir().resolve("master.log")));
            for (int i = 1; i <= workers; i++) {
                cluster.daemons.add(cluster.worker(i, true));
            }
            cluster.awaitWorkers(n -> n >= workers, workers + " workers registered", timeout);
            cluster.startupTime = Duration.ofNanos(System.nanoTime() - start);
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /**
     * A Worker JVM of one core and 2 GiB.
     *
     * @param scalaVersion whether its environment has SPARK_SCALA_VERSION: without it, as on a
     *                     Worker started by hand without Spark's scripts, every executor it
     *                     launches dies at once ("Cannot find any build directories")
     */
    private ManagedProcess worker(int i, boolean scalaVersion) throws IOException {
        Path workDir = Files.createDirectories(dir.resolve("work").resolve("worker-" + i));
        ProcessBuilder builder = jvm.processBuilder("1g", WORKER, List.of("--host", "127.0.0.1", "--cores", "1",
                "--memory", "2g", "--work-dir", workDir.toString(), "--webui-port", "0", masterUrl));
        if (!scalaVersion) {
            builder.environment().remove("SPARK_SCALA_VERSION");
        }
        return ManagedProcess.start("worker-" + i, builder, logDir().resolve("worker-" + i + ".log"));
    }

    /**
     * Starts one more Worker and waits until the master counts it.
     *
     * @param scalaVersion false for a Worker whose executors die as they start (see {@link #worker})
     */
    public synchronized void addWorker(boolean scalaVersion, Duration timeout)
            throws IOException, InterruptedException {
        // The master may still count a Worker killed a moment ago: first let it catch up.
        int alive = (int) workers().filter(ManagedProcess::isAlive).count();
        awaitWorkers(n -> n == alive, alive + " alive workers", timeout);
        daemons.add(worker((int) workers().count() + 1, scalaVersion));
        awaitWorkers(n -> n == alive + 1, alive + 1 + " alive workers", timeout);
    }

    /**
     * Kills every Worker and its executors at once (SIGKILL, as if their machines went down) and
     * waits until they are gone; the Master and running drivers stay.
     */
    public void killWorkers() throws InterruptedException {
        List<ProcessHandle> doomed = new ArrayList<>();
        for (ManagedProcess w : workers().filter(ManagedProcess::isAlive).toList()) {
            doomed.add(w.handle());
            w.handle().descendants().forEach(doomed::add);
        }
        doomed.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : doomed) {
            try {
                p.onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("process " + p.pid() + " did not exit after SIGKILL", e);
            }
        }
    }

    private Path writeMasterProperties() throws IOException {
        return Files.writeString(dir.resolve("master.properties"), String.join("\n",
                "spark.master.rest.enabled=false",
                // The ports were free a moment ago; if another process took one since, fail at once
                // instead of Spark moving to the next port, where the Workers would not look.
                "spark.port.maxRetries=0",
                ""));
    }

    /** A port free on 127.0.0.1 a moment ago. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private void awaitWorkers(IntPredicate wanted, String what, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer yet";
        List<ManagedProcess> alive = daemons.stream().filter(ManagedProcess::isAlive).toList();
        while (System.nanoTime() < deadline) {
            for (ManagedProcess daemon : alive) {
                if (!daemon.isAlive()) {
                    throw new IllegalStateException(daemon.name() + " exited while waiting for " + what + "\n"
                            + describeDaemons());
                }
            }
            try {
                MasterState state = masterState();
                if (wanted.test(state.aliveWorkers())) {
                    return;
                }
                last = state.status() + " with " + state.aliveWorkers() + " alive workers";
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the standalone cluster did not have " + what + " after " + timeout
                + " (master: " + last + ")\n" + describeDaemons());
    }

    /** The last log lines of Master and Workers, for failure messages. */
    public String describeDaemons() {
        StringBuilder s = new StringBuilder();
        for (ManagedProcess daemon : daemons) {
            s.append(daemon.describe(LOG_TAIL));
        }
        return s.toString();
    }

    public String masterUrl() {
        return masterUrl;
    }

    public URI webUi() {
        return webUi;
    }

    /** From starting the Master until every Worker was registered. */
    public Duration startupTime() {
        return startupTime;
    }

    public Path logDir() {
        return dir.resolve("logs");
    }

    /** java.io.tmpdir of the cluster's JVMs, deleted at close: for executors started otherwise too. */
    public Path tmpDir() {
        return dir.resolve("tmp");
    }

    public MasterState masterState() throws IOException, InterruptedException {
        return MasterState.fetch(webUi);
    }

    /** Submits to this cluster and returns at once. */
    public synchronized RunningSubmission startSubmit(Submission submission) {
        RunningSubmission running = submitter.start(masterUrl, submission);
        submissions.add(running);
        return running;
    }

    /** Submits to this cluster and waits for the driver to exit. */
    public SubmitResult submit(Submission submission, Duration timeout) throws InterruptedException {
        try (RunningSubmission running = startSubmit(submission)) {
            return running.await(timeout);
        }
    }

    /** The process ids of the Worker JVMs, the parents of every executor JVM. */
    public List<Long> workerPids() {
        return workers().map(w -> w.handle().pid()).toList();
    }

    private Stream<ManagedProcess> workers() {
        return daemons.stream().filter(d -> d.name().startsWith("worker-"));
    }

    /** The executor JVMs running now: children of the Workers running Spark's executor backend. */
    public List<ProcessHandle> executors() {
        return workers().flatMap(w -> w.handle().children())
                .filter(p -> p.info().commandLine().map(c -> c.contains(EXECUTOR)).orElse(false))
                .toList();
    }

    /**
     * Kills executor JVM {@code pid} at once (SIGKILL, as a crashed machine would), and waits until it
     * is gone.
     *
     * @throws IllegalArgumentException if {@code pid} is not one of this cluster's executors
     */
    public void killExecutor(long pid) throws InterruptedException {
        ProcessHandle executor = executors().stream().filter(p -> p.pid() == pid).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(pid + " is not an executor of this cluster;"
                        + " executors: " + executors().stream().map(ProcessHandle::pid).toList()));
        executor.destroyForcibly();
        try {
            executor.onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("executor " + pid + " did not exit after SIGKILL", e);
        }
    }

    /** Kills one running executor, if any, and returns its pid. */
    public Optional<Long> killAnyExecutor() throws InterruptedException {
        List<ProcessHandle> running = executors();
        if (running.isEmpty()) {
            return Optional.empty();
        }
        killExecutor(running.get(0).pid());
        return Optional.of(running.get(0).pid());
    }

    /** Every process of this cluster now alive: daemons, their executors and running submissions. */
    public List<ProcessHandle> processes() {
        List<ProcessHandle> all = new ArrayList<>();
        for (ManagedProcess daemon : daemons) {
            all.add(daemon.handle());
            daemon.handle().descendants().forEach(all::add);
        }
        synchronized (this) {
            for (RunningSubmission submission : submissions) {
                ProcessHandle.of(submission.pid()).ifPresent(all::add);
            }
        }
        return all.stream().filter(ProcessHandle::isAlive).toList();
    }

    /** Stops every process (drivers, then Workers with their executors, then the Master) and deletes work/ and tmp/. */
    @Override
    public void close() {
        stopEverything();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down and the hook is running or done.
        }
        keepExecutorLogs();
        deleteTree(dir.resolve("work"));
        deleteTree(dir.resolve("tmp"));
    }

    private synchronized void stopEverything() {
        for (RunningSubmission submission : submissions) {
            submission.close();
        }
        List<ManagedProcess> reversed = new ArrayList<>(daemons);
        java.util.Collections.reverse(reversed);
        for (ManagedProcess daemon : reversed) {
            if (daemon.isAlive()) {
                daemon.stop(STOP_GRACE);
            }
        }
    }

    /** Copies each executor's stderr (work/worker-N/app-ID/E/stderr) to logs/ before work/ is deleted. */
    private void keepExecutorLogs() {
        Path work = dir.resolve("work");
        if (!Files.isDirectory(work)) {
            return;
        }
        try (Stream<Path> files = Files.walk(work)) {
            for (Path stderr : files.filter(p -> p.getFileName().toString().equals("stderr")).toList()) {
                Path relative = work.relativize(stderr);
                Files.copy(stderr, logDir().resolve(String.join("-", relative.toString().split("/")) + ".log"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
