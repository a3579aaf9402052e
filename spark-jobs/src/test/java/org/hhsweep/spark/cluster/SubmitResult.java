package org.hhsweep.spark.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How a spark-submit ended.
 *
 * @param output everything the driver printed (stdout and stderr, Spark's log included)
 * @param log    the file that output is kept in
 */
public record SubmitResult(int exitCode, String output, Path log, Duration elapsed) {

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** Exit code, time and the last lines of output: the message for a failed assertion. */
    public String describe() {
        List<String> lines = output.lines().toList();
        int from = Math.max(0, lines.size() - 60);
        return "spark-submit exited with " + exitCode + " after " + elapsed.toMillis() + " ms (log " + log
                + "), last lines:\n" + String.join("\n", lines.subList(from, lines.size()));
    }
}
