package org.hhsweep.spark.job;

import java.util.Locale;

/** The one-line progress report: runs done, speed, time left, and what holds the sweep up. */
public final class ProgressLine {
    /** Shown instead of speed and time left until the work rate is known. */
    static final String ESTIMATING = "estimating time left";

    private ProgressLine() {
    }

    /**
     * E.g. "runs 550/1,000 (55%), 1.31e+07 neuron-steps/s, ~34 s left", "runs 0/1,000 (0%),
     * estimating time left; no executor alive for 21 s (...)".
     *
     * @param steps      neuron-steps done
     * @param totalSteps neuron-steps of the whole sweep (estimated for very large sweeps)
     * @param rate       neuron-steps per second, or NaN while it is not known yet
     * @param note       what holds the sweep up, or null
     */
    public static String format(long runs, long totalRuns, long steps, long totalSteps, double rate, String note) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "runs %,d/%,d (%.0f%%)", runs, totalRuns,
                totalRuns == 0 ? 100.0 : 100.0 * runs / totalRuns));
        if (rate > 0) {
            b.append(String.format(Locale.ROOT, ", %s neuron-steps/s", scientific(rate)));
            long left = Math.max(0, totalSteps - steps);
            b.append(", ~").append(duration(left / rate)).append(" left");
        } else {
            b.append(", ").append(ESTIMATING);
        }
        if (note != null) {
            b.append("; ").append(note);
        }
        return b.toString();
    }

    /** 1.23e+07 style, for rates spanning many orders of magnitude. */
    public static String scientific(double value) {
        return String.format(Locale.ROOT, "%.2e", value);
    }

    /** 42 s, 3m 05s, 2h 04m. */
    public static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh %02dm", s / 3600, (s % 3600) / 60);
    }
}
