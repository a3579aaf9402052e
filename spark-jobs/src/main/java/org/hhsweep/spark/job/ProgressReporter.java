package org.hhsweep.spark.job;

import java.io.PrintStream;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The progress lines of a running sweep: one per {@link #tick()} (every few seconds) whether or
 * not the counts moved, so a stall shows, with what holds the sweep up when something does. Speed
 * and time left come from the work done since the first task finished: before that, executors may
 * still be starting and a rate counted from the sweep's start would be far too low (minutes shown
 * for a sweep of seconds), so until then the line says "estimating time left". A sweep that
 * lasted long enough to show progress also gets a last line when it ends; a quick one prints
 * nothing.
 */
final class ProgressReporter {
    /** Counts that have not moved for this long get a word on the line. */
    static final long STALL_SECONDS = 30;

    private final Supplier<ProgressTracker.Progress> progress;
    private final Supplier<String> executorNote;
    private final long totalRuns;
    private final long totalSteps;
    private final PrintStream out;
    private final LongSupplier nanoClock;
    private final long start;
    private long rateFrom = -1;
    private long rateFromSteps;
    private ProgressTracker.Progress last = new ProgressTracker.Progress(0, 0, 0);
    private long lastChange;
    private boolean printed;

    /**
     * @param executorNote what the executors hold up, or null when nothing ({@link ExecutorWatch#note()})
     */
    ProgressReporter(Supplier<ProgressTracker.Progress> progress, Supplier<String> executorNote, long totalRuns,
                     long totalSteps, PrintStream out, LongSupplier nanoClock) {
        this.progress = progress;
        this.executorNote = executorNote;
        this.totalRuns = totalRuns;
        this.totalSteps = totalSteps;
        this.out = out;
        this.nanoClock = nanoClock;
        this.start = nanoClock.getAsLong();
        this.lastChange = start;
    }

    /** Prints the line of now. */
    synchronized void tick() {
        long now = nanoClock.getAsLong();
        ProgressTracker.Progress p = progress.get();
        if (rateFrom < 0 && p.tasksFinished() > 0) {
            rateFrom = now;
            rateFromSteps = p.neuronSteps();
        }
        if (!p.equals(last)) {
            last = p;
            lastChange = now;
        }
        String note = executorNote.get();
        long still = (now - lastChange) / 1_000_000_000L;
        if (note == null && still >= STALL_SECONDS) {
            note = "no progress for " + still + " s";
        }
        print(p.runs(), p.neuronSteps(), rate(now, p.neuronSteps()), note);
    }

    /** The last line, with the final counts, if progress was shown at all. */
    synchronized void finish(long runs, long neuronSteps) {
        if (!printed) {
            return;
        }
        long now = nanoClock.getAsLong();
        double rate = rate(now, neuronSteps);
        print(runs, neuronSteps, Double.isNaN(rate) && now > start ? neuronSteps / ((now - start) / 1e9) : rate, null);
    }

    /** Neuron-steps per second since the first task finished, NaN until that can be told. */
    private double rate(long now, long steps) {
        if (rateFrom < 0 || now <= rateFrom || steps <= rateFromSteps) {
            return Double.NaN;
        }
        return (steps - rateFromSteps) / ((now - rateFrom) / 1e9);
    }

    private void print(long runs, long steps, double rate, String note) {
        out.println(ProgressLine.format(runs, totalRuns, steps, totalSteps, rate, note));
        printed = true;
    }
}
