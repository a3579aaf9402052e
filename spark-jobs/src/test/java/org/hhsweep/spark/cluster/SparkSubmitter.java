package org.hhsweep.spark.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Runs {@code org.apache.spark.deploy.SparkSubmit} in its own JVM, as the spark-submit script would,
 * against any master: a {@link StandaloneCluster}'s {@code spark://} URL or {@code local[N]}, so the
 * same application can be run both ways and the outputs compared. The driver runs in that JVM
 * (client mode); what it prints goes to logs/submit-NN.out and Spark's log to logs/submit-NN.log.
 */
public final class SparkSubmitter {

    private final SparkJvm jvm;
    private final Path logDir;
    private final AtomicInteger count = new AtomicInteger();

    /** @param dir gets logs/ (kept) and tmp/ (the JVMs' scratch space) */
    public SparkSubmitter(BuildArtifacts build, Path dir) {
        this(new SparkJvm(build, createDirectories(dir.resolve("tmp"))), createDirectories(dir.resolve("logs")));
    }

    SparkSubmitter(SparkJvm jvm, Path logDir) {
        this.jvm = jvm;
        this.logDir = logDir;
    }

    /**
     * Defaults for a small test application on this machine: no UI, the driver on loopback,
     * executors of 1 GiB with their scratch files in our tmp directory.
     */
    private Map<String, String> defaults() {
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("spark.driver.host", "127.0.0.1");
        conf.put("spark.driver.bindAddress", "127.0.0.1");
        conf.put("spark.ui.enabled", "false");
        conf.put("spark.executor.memory", "1g");
        conf.put("spark.executor.extraJavaOptions", "-Djava.io.tmpdir=" + jvm.tmpDir());
        return conf;
    }

    /** Starts the submission and returns at once. */
    public RunningSubmission start(String master, Submission submission) {
        Map<String, String> conf = defaults();
        conf.putAll(submission.conf());
        List<String> args = new ArrayList<>(List.of("--master", master));
        conf.forEach((key, value) -> args.addAll(List.of("--conf", key + "=" + value)));
        if (!submission.jars().isEmpty()) {
            args.add("--jars");
            args.add(submission.jars().stream().map(Path::toString).collect(Collectors.joining(",")));
        }
        args.addAll(List.of("--class", submission.mainClass(), submission.appJar().toString()));
        args.addAll(submission.args());
        String name = String.format("submit-%02d", count.incrementAndGet());
        long start = System.nanoTime();
        ManagedProcess process = ManagedProcess.start("spark-submit " + submission.mainClass(),
                jvm.processBuilder(submission.driverHeap(), "org.apache.spark.deploy.SparkSubmit", args),
                logDir.resolve(name + ".out"), logDir.resolve(name + ".log"));
        return new RunningSubmission(process, start);
    }

    static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
