package org.hhsweep.spark.io;

import java.util.ArrayList;
import java.util.List;
import org.hhsweep.sim.sweep.RunTemplate;
import org.hhsweep.sim.sweep.SweepSize;

/**
 * Rows and uncompressed bytes each table of a sweep will hold, from the sweep's size alone (no
 * simulation): fixed-width columns exactly, list columns from their element counts. Spike lists
 * depend on firing, so they are given per spike.
 */
public final class OutputEstimate {
    /** Bytes of one spike in the spikes table: two doubles (end-of-step and interpolated time). */
    public static final int BYTES_PER_SPIKE = 16;

    /**
     * @param bytes uncompressed bytes, spike lists excluded
     */
    public record TableEstimate(String table, long rows, long bytes) {
    }

    private OutputEstimate() {
    }

    /**
     * @param base the sweep's base run: a network's populations and rate bins count its rows of
     *             populations and population_rates (from the base run's duration)
     */
    public static List<TableEstimate> of(Tables tables, SweepSize size, RunTemplate base) {
        List<TableEstimate> out = new ArrayList<>();
        long populations = base.network() == null ? 0 : base.network().populations().size();
        long bins = Double.isNaN(base.ratesBinMs()) ? 0 : (long) Math.ceil(base.durationMs() / base.ratesBinMs());
        for (Table<?> t : tables.list()) {
            long rows = switch (t.name()) {
                case Tables.RUNS, Tables.THRESHOLDS -> size.runs();
                case Tables.SUMMARIES, Tables.SPIKES -> size.neurons();
                case Tables.TRACES -> size.traceRows();
                case Tables.POPULATIONS -> size.runs() * populations;
                case Tables.POPULATION_RATES -> size.runs() * populations * bins;
                case Tables.SENSITIVITY -> tables.sensitivityRows();
                default -> throw new IllegalStateException("no size estimate for the " + t.name() + " table");
            };
            // a trace sample is 4 bytes: a float32, or an int32 of whole steps when quantised
            long samples = t.name().equals(Tables.TRACES) ? 4 * size.traceSamples() : 0;
            out.add(new TableEstimate(t.name(), rows, rows * fixedWidth(t) + samples));
        }
        return out;
    }

    /** Bytes of a row's fixed-width columns; strings count as 8 (short labels such as "ok"). */
    static long fixedWidth(Table<?> table) {
        long w = 0;
        for (Column<?> c : table.columns()) {
            w += switch (c.type()) {
                case INT32 -> 4;
                case INT64, DOUBLE, STRING -> 8;
                case DOUBLE_LIST, FLOAT_LIST, INT32_LIST -> 0;
            };
        }
        return w;
    }

    /** 1.2 kB, 35 MB: decimal units. */
    public static String human(double bytes) {
        String[] units = {"B", "kB", "MB", "GB", "TB", "PB"};
        int u = 0;
        while (bytes >= 1000 && u < units.length - 1) {
            bytes /= 1000;
            u++;
        }
        return u == 0 ? String.format(java.util.Locale.ROOT, "%.0f %s", bytes, units[u])
                : String.format(java.util.Locale.ROOT, "%.1f %s", bytes, units[u]);
    }
}
