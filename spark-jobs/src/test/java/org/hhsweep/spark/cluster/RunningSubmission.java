package org.hhsweep.spark.cluster;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A spark-submit that is still running, e.g. while a test kills an executor under it. */
public final class RunningSubmission implements AutoCloseable {

    private static final Duration GRACE = Duration.ofSeconds(10);

    private final ManagedProcess process;
    private final long startNanos;

    RunningSubmission(ManagedProcess process, long startNanos) {
        this.process = process;
        this.startNanos = startNanos;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.handle().pid();
    }

    /** What the application printed to stdout so far. */
    public String output() {
        return process.output();
    }

    /** Spark's log (stderr) so far: e.g. wait for "Starting task" before killing an executor. */
    public String errorOutput() {
        return process.errorOutput();
    }

    /**
     * Waits for the driver to exit.
     *
     * @throws IllegalStateException if it is still running after {@code timeout} (it is stopped first)
     */
    public SubmitResult await(Duration timeout) throws InterruptedException {
        if (!process.process().waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.stop(GRACE);
            throw new IllegalStateException("spark-submit did not finish within " + timeout + "\n"
                    + process.describe(60));
        }
        return new SubmitResult(process.process().exitValue(), process.output(), process.errorOutput(),
                process.log(), process.errorLog(), Duration.ofNanos(System.nanoTime() - startNanos));
    }

    /** Stops the driver if it is still running. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.stop(GRACE);
        }
    }
}
