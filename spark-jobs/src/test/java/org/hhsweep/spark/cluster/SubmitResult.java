package org.hhsweep.spark.cluster;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a spark-submit ended.
 *
 * @param output      what the application printed to stdout
 * @param errorOutput what went to stderr: Spark's log (INFO and up) and any stack trace
 * @param log         the file {@code output} is kept in; {@code errorLog} likewise
 */
public record SubmitResult(int exitCode, String output, String errorOutput, Path log, Path errorLog,
                           Duration elapsed) {

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** Exit code, time and the last lines of both outputs: the message for a failed assertion. */
    public String describe() {
        return "spark-submit exited with " + exitCode + " after " + elapsed.toMillis() + " ms\n"
                + ManagedProcess.tail(log, 20) + ManagedProcess.tail(errorLog, 60);
    }
}
