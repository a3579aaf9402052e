package org.hhsweep.spark.job;

import java.util.Locale;

/** The one-line progress report: runs done, speed, and time left. */
public final class ProgressLine {
    private ProgressLine() {
    }

    /**
     * @param steps      neuron-steps done
     * @param totalSteps neuron-steps of the whole sweep (estimated for very large sweeps)
     */
    public static String format(long runs, long totalRuns, long steps, long totalSteps, double elapsedSeconds) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "runs %,d/%,d (%.0f%%)", runs, totalRuns,
                totalRuns == 0 ? 100.0 : 100.0 * runs / totalRuns));
        if (elapsedSeconds > 0 && steps > 0) {
            double rate = steps / elapsedSeconds;
            b.append(String.format(Locale.ROOT, ", %s neuron-steps/s", scientific(rate)));
            long left = Math.max(0, totalSteps - steps);
            b.append(", ~").append(duration(left / rate)).append(" left");
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
