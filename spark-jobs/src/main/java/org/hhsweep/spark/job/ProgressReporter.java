package org.hhsweep.spark.job;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * A driver thread printing the progress of a running sweep every few seconds. A sweep that lasted
 * long enough to show progress also gets a last line when it ends; a quick one prints nothing.
 */
final class ProgressReporter implements AutoCloseable {
    private final ProgressTracker tracker;
    private final long totalRuns;
    private final long totalSteps;
    private final PrintStream out;
    private final long start = System.nanoTime();
    private final Thread thread;
    private volatile boolean stopped;
    private long[] last;

    ProgressReporter(ProgressTracker tracker, long totalRuns, long totalSteps, PrintStream out, long intervalMillis) {
        this.tracker = tracker;
        this.totalRuns = totalRuns;
        this.totalSteps = totalSteps;
        this.out = out;
        thread = new Thread(() -> {
            while (!stopped) {
                try {
                    Thread.sleep(intervalMillis);
                } catch (InterruptedException e) {
                    return;
                }
                report();
            }
        }, "hhsweep-progress");
        thread.setDaemon(true);
        thread.start();
    }

    private synchronized void report() {
        print(tracker.snapshot());
    }

    private synchronized void print(long[] now) {
        if (!Arrays.equals(now, last)) {
            out.println(ProgressLine.format(now[0], totalRuns, now[1], totalSteps, (System.nanoTime() - start) / 1e9));
            last = now;
        }
    }

    /** The last line, with the final counts, if progress was shown at all. */
    void finish(long runs, long neuronSteps) {
        stop();
        synchronized (this) {
            if (last != null) {
                print(new long[] {runs, neuronSteps});
            }
        }
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

    @Override
    public void close() {
        stop();
    }
}
