package org.hhsweep.spark.job;

import java.util.UUID;
import org.apache.spark.SparkContext;

/**
 * The driver's watch over a sweep's Spark job while it runs: a thread that every interval looks at
 * the executors ({@link ExecutorWatch}) and prints a progress line ({@link ProgressReporter}), and
 * that cancels the job once there has been no executor for the whole timeout. {@link #explain}
 * then turns the job's failure into the one line saying why. Start it on the thread that runs the
 * job (the job carries a tag of that thread), inside the try whose catch explains (starting fails
 * on a context the master has already stopped), and close it there.
 */
final class SweepMonitor implements AutoCloseable {
    /** How long a failed job's context may take to stop when a master has removed the application. */
    private static final long STOP_WAIT_MILLIS = 5000;

    private final SparkContext sc;
    private final ProgressTracker tracker;
    private final ExecutorWatch watch;
    private final ProgressReporter reporter;
    private final String tag = "hhsweep-sweep-" + UUID.randomUUID();
    private final Thread thread;
    private volatile boolean stopped;
    private volatile boolean gaveUp;

    /**
     * @param reporter the progress lines, or null for none (the watch works either way)
     */
    SweepMonitor(SparkContext sc, ProgressTracker tracker, ExecutorWatch watch, ProgressReporter reporter,
                 long intervalMillis) {
        this.sc = sc;
        this.tracker = tracker;
        this.watch = watch;
        this.reporter = reporter;
        this.thread = new Thread(() -> loop(intervalMillis), "hhsweep-progress");
        thread.setDaemon(true);
    }

    void start() {
        sc.addSparkListener(tracker);
        sc.addJobTag(tag);
        thread.start();
    }

    private void loop(long intervalMillis) {
        while (!stopped) {
            try {
                Thread.sleep(intervalMillis);
            } catch (InterruptedException e) {
                return;
            }
            watch.check();
            if (gaveUp) {
                continue;
            }
            if (watch.expired()) {
                gaveUp = true;
                try {
                    sc.cancelJobsWithTag(tag, "no executor alive");
                } catch (RuntimeException e) {
                    // The context is stopping: the job fails without our help.
                }
            } else if (reporter != null) {
                reporter.tick();
            }
        }
    }

    /** The last progress line, with the final counts. */
    void finish(ChunkCounts done) {
        stop();
        if (reporter != null) {
            reporter.finish(done.runs(), done.neuronSteps());
        }
    }

    /**
     * Why the job failed, when it was the cluster's doing: no executor for the whole timeout, or a
     * master that ended the application while it had none (a standalone master does so after its
     * executors failed at start ten times in a row). Null for any other failure.
     */
    ClusterException explain(Exception failure) {
        if (gaveUp) {
            return new ClusterException(watch.gaveUp());
        }
        if (sc.isLocal()) {
            return null;
        }
        // A master that removes the application fails the job first and stops the context from another thread.
        long deadline = System.nanoTime() + STOP_WAIT_MILLIS * 1_000_000L;
        watch.check();
        while (!sc.isStopped() && watch.hasNone() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        watch.check();
        return sc.isStopped() && watch.hasNone() ? new ClusterException(watch.ended()) : null;
    }

    private void stop() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Also after a {@link #start} that failed part way. */
    @Override
    public void close() {
        stop();
        sc.removeSparkListener(tracker);
        sc.removeJobTag(tag);
    }
}
