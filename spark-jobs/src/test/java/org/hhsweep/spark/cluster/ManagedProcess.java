package org.hhsweep.spark.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM whose output goes to a log file, and that is stopped together with everything it
 * started (a Worker's executors), even when it ignores the polite request.
 */
final class ManagedProcess {

    private final String name;
    private final Process process;
    private final Path log;

    private ManagedProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ManagedProcess start(String name, ProcessBuilder builder, Path log) {
        try {
            Files.createDirectories(log.getParent());
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
            return new ManagedProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + builder.command(), e);
        }
    }

    String name() {
        return name;
    }

    Process process() {
        return process;
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The whole log (for results and assertions on what the process printed). */
    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    /** The last lines of the log, headed by the process's name and state, for failure messages. */
    String describe(int lines) {
        List<String> all = output().lines().toList();
        String state = process.isAlive() ? "running" : "exited with " + process.exitValue();
        return "--- " + name + " (pid " + process.pid() + ", " + state + ", log " + log + "), last "
                + Math.min(lines, all.size()) + " lines:\n"
                + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size())) + "\n";
    }

    /**
     * Asks the process to stop (SIGTERM, so a Worker's shutdown hook can stop its executors), kills it
     * after {@code grace}, then kills whatever it had started and left behind.
     */
    void stop(Duration grace) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        for (ProcessHandle child : children) {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
        for (ProcessHandle child : children) {
            try {
                child.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                // Reported by the caller, who checks that nothing is left alive.
            }
        }
    }
}
