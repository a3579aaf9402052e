package org.hhsweep.spark.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The checkout's {@code submit.sh} run as a user runs it: {@code bash submit.sh ARGS} in a working
 * directory of the test's choosing, with the environment of the test JVM minus every {@code SPARK_*}
 * and {@code HHSWEEP_*} setting, HADOOP_CONF_DIR and YARN_CONF_DIR (a developer's shell must not
 * change what is tested) plus what the test adds.
 */
public final class SubmitScript {

    /** The checkout's root: failsafe's application jar lives in ROOT/spark-jobs/target/. */
    public static final Path ROOT = BuildArtifacts.fromSystemProperties().appJar().toAbsolutePath().getParent()
            .getParent().getParent();

    private final Path workDir;
    private final Map<String, String> env;

    private SubmitScript(Path workDir, Map<String, String> env) {
        this.workDir = workDir;
        this.env = env;
    }

    public static SubmitScript in(Path workDir) {
        return new SubmitScript(workDir, Map.of());
    }

    public SubmitScript withEnv(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(env);
        more.put(key, value);
        return new SubmitScript(workDir, more);
    }

    /** What one run of submit.sh did. */
    public record Result(List<String> command, int status, String out, String err, long millis) {
        public List<String> outLines() {
            return out.lines().toList();
        }

        public List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }

        public String describe() {
            return String.join(" ", command) + "\nexit " + status + " after " + millis + " ms\n--- stdout\n" + out
                    + "--- stderr\n" + err;
        }
    }

    /**
     * Runs submit.sh with {@code args} and waits for it.
     *
     * @throws AssertionError if it has not ended after {@code timeout} (it is killed, with its children)
     */
    public Result run(Duration timeout, String... args) throws IOException, InterruptedException {
        return start(args).await(timeout);
    }

    /** Starts submit.sh with {@code args} and returns at once, e.g. to kill its driver mid-sweep. */
    public Running start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve("submit.sh").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("SPARK_") || key.startsWith("HHSWEEP_")
                || key.equals("HADOOP_CONF_DIR") || key.equals("YARN_CONF_DIR"));
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close();
        return new Running(command, process, start);
    }

    /**
     * A submit.sh still running. Its process is the driver's JVM once the script has started it
     * (the script execs java), so killing {@link #pid()} kills the driver.
     */
    public static final class Running {
        private final List<String> command;
        private final Process process;
        private final long startNanos;
        // Both streams read as they come: a full pipe would stall the script.
        private final StringBuffer out = new StringBuffer();
        private final StringBuffer err = new StringBuffer();
        private final Thread outReader;
        private final Thread errReader;

        private Running(List<String> command, Process process, long startNanos) {
            this.command = command;
            this.process = process;
            this.startNanos = startNanos;
            this.outReader = reader(process.getInputStream(), out);
            this.errReader = reader(process.getErrorStream(), err);
        }

        private static Thread reader(InputStream stream, StringBuffer into) {
            Thread t = new Thread(() -> {
                try (Reader r = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
                    char[] buffer = new char[8192];
                    for (int n; (n = r.read(buffer)) > 0; ) {
                        into.append(buffer, 0, n);
                    }
                } catch (IOException e) {
                    into.append("(stream closed: ").append(e).append(")");
                }
            });
            t.setDaemon(true);
            t.start();
            return t;
        }

        public long pid() {
            return process.pid();
        }

        public boolean isAlive() {
            return process.isAlive();
        }

        /** What it wrote to stderr so far (progress lines, notes, Spark's warnings). */
        public String errSoFar() {
            return err.toString();
        }

        /**
         * Waits for it to end.
         *
         * @throws AssertionError if it has not ended after {@code timeout} (it is killed, with its children)
         */
        public Result await(Duration timeout) throws InterruptedException {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                outReader.join(5000);
                errReader.join(5000);
                throw new AssertionError(String.join(" ", command) + " did not end within " + timeout
                        + "\n--- stdout\n" + out + "--- stderr\n" + err);
            }
            long millis = (System.nanoTime() - startNanos) / 1_000_000;
            // The streams end when the last process holding them does (the script's stderr filter).
            outReader.join();
            errReader.join();
            return new Result(command, process.exitValue(), out.toString(), err.toString(), millis);
        }
    }
}
