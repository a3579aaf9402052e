package org.hhsweep.spark.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The checkout's {@code submit.sh} run as a user runs it: {@code bash submit.sh ARGS} in a working
 * directory of the test's choosing, with the environment of the test JVM minus every {@code SPARK_*}
 * and {@code HHSWEEP_*} setting (a developer's shell must not change what is tested) plus what the
 * test adds.
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
        List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve("submit.sh").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("SPARK_") || key.startsWith("HHSWEEP_"));
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close();
        // Both streams read as they come: a full pipe would stall the script.
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            throw new AssertionError(String.join(" ", command) + " did not end within " + timeout
                    + "\n--- stdout\n" + out.join() + "--- stderr\n" + err.join());
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Result(command, process.exitValue(), out.join(), err.join(), millis);
    }

    private static String read(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
