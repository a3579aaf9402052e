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
    private final Path errorLog;

    private ManagedProcess(String name, Process process, Path log, Path errorLog) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.errorLog = errorLog;
    }

    /** Starts a process whose stdout and stderr both go to {@code log}. */
    static ManagedProcess start(String name, ProcessBuilder builder, Path log) {
        return start(name, builder, log, null);
    }

    /**
     * Starts a process whose stdout goes to {@code log} and stderr to {@code errorLog} (to
     * {@code log} too when null). A Spark driver logs to stderr, so apart they separate what the
     * application prints from Spark's log.
     */
    static ManagedProcess start(String name, ProcessBuilder builder, Path log, Path errorLog) {
        try {
            Files.createDirectories(log.getParent());
            builder.redirectOutput(log.toFile());
            if (errorLog == null) {
                builder.redirectErrorStream(true);
            } else {
                builder.redirectError(errorLog.toFile());
            }
            return new ManagedProcess(name, builder.start(), log, errorLog);
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

    /** Where stderr goes: {@link #log()} unless it was given its own file. */
    Path errorLog() {
        return errorLog == null ? log : errorLog;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** All the process wrote to stdout so far (and stderr, unless that has its own file). */
    String output() {
        return read(log);
    }

    /** All the process wrote to stderr so far. */
    String errorOutput() {
        return read(errorLog());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }

    /** The last lines of the output, headed by the process's name and state, for failure messages. */
    String describe(int lines) {
        String state = process.isAlive() ? "running" : "exited with " + process.exitValue();
        String head = "--- " + name + " (pid " + process.pid() + ", " + state + ")\n";
        if (errorLog == null) {
            return head + tail(log, lines);
        }
        return head + tail(log, lines / 3) + tail(errorLog, lines);
    }

    static String tail(Path file, int lines) {
        List<String> all = read(file).lines().toList();
        return "last " + Math.min(lines, all.size()) + " lines of " + file + ":\n"
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
