package org.hhsweep.spark.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.hhsweep.sim.sensitivity.SensitivityMethod;
import org.hhsweep.spark.io.Tables;

/**
 * The report's result tables, computed by Spark. Small sweeps list every neuron the way the sweep
 * command prints them (the tutorial's spike counts and mean rate); larger ones give the rate's
 * statistics overall and per value of each grid axis.
 */
final class SummaryTables {
    /** Sweeps up to this many neurons are listed neuron by neuron, as the sweep command does. */
    static final int LIST_NEURONS = 20;
    /** Rows of one per-value table, so a 20,000-value axis does not make a 20,000-row page. */
    static final int MAX_ROWS = 50;
    /** Grid axes tabulated. */
    static final int MAX_AXES = 4;

    /** A titled table; note says what was left out, or is empty. */
    record Table(String title, List<String> header, List<List<String>> rows, String note) {
    }

    private SummaryTables() {
    }

    static List<Table> of(SweepOutput out) {
        List<Table> tables = new ArrayList<>();
        long neurons = out.sql("SELECT count(*) FROM summaries").first().getLong(0);
        if (neurons <= LIST_NEURONS && !out.network()) {
            tables.add(perNeuron(out));
        }
        tables.add(overall(out));
        if (out.network()) {
            tables.add(populations(out));
        }
        List<String> grid = out.gridPaths();
        for (int i = 0; i < Math.min(MAX_AXES, grid.size()); i++) {
            tables.add(perValue(out, grid.get(i)));
        }
        if (out.has(Tables.SENSITIVITY)) {
            tables.add(sensitivity(out));
        }
        return tables;
    }

    /** The sensitivity indices of the first grid point, with what was left out of them. */
    static Table sensitivity(SweepOutput out) {
        Row first = out.sql("SELECT first(method), count(DISTINCT grid_point) FROM sensitivity").first();
        SensitivityMethod method = SensitivityMethod.fromName(first.getString(0));
        List<String> estimates = method.columns();
        List<Row> result = out.sql("SELECT output, param, " + String.join(", ", estimates) + ", used, left_out,"
                + " null_outputs, design_runs FROM sensitivity WHERE grid_point = 0 LIMIT " + (MAX_ROWS + 1)).collectAsList();
        List<List<String>> rows = new ArrayList<>();
        for (Row r : result.subList(0, Math.min(MAX_ROWS, result.size()))) {
            List<String> row = new ArrayList<>(List.of(r.getString(0), r.getString(1)));
            for (int i = 0; i < estimates.size(); i++) {
                row.add(fixed(r, 2 + i, 3));
            }
            int at = 2 + estimates.size();
            row.addAll(List.of(count(r, at), count(r, at + 1), count(r, at + 2) + " of " + count(r, at + 3)));
            rows.add(row);
        }
        List<String> header = new ArrayList<>(List.of("output", "param"));
        header.addAll(estimates);
        header.addAll(List.of(method == SensitivityMethod.SOBOL ? "rows used" : "effects used", "left out",
                "null design runs"));
        long points = first.getLong(1);
        String note = (points > 1 ? String.format(Locale.ROOT, "grid point 0 of %,d; ", points) : "")
                + "a _conf is the half-width of a bootstrap 95% interval; every row: ./submit.sh query DIR"
                + " \"SELECT * FROM sensitivity\"";
        return new Table("Sensitivity (" + method.configName() + ")", header, rows, note);
    }

    /** Every neuron's spikes and rate, and the mean rate (the tutorial's printed statistics). */
    static Table perNeuron(SweepOutput out) {
        boolean window = out.rateColumn().equals("window_rate_hz");
        List<List<String>> rows = new ArrayList<>();
        for (Row r : out.sql("SELECT run_id, neuron, spike_count, rate_hz, window_rate_hz, first_spike_ms, mean_isi_ms,"
                + " status FROM summaries ORDER BY run_id, neuron").collectAsList()) {
            List<String> row = new ArrayList<>(List.of(Long.toString(r.getLong(0)), Integer.toString(r.getInt(1)),
                    r.isNullAt(2) ? "-" : Integer.toString(r.getInt(2)), fixed(r, 3, 1)));
            if (window) {
                row.add(fixed(r, 4, 1));
            }
            row.add(fixed(r, 5, 2));
            row.add(fixed(r, 6, 2));
            row.add(r.getString(7));
            rows.add(row);
        }
        List<String> header = new ArrayList<>(List.of("run", "neuron", "spikes", "rate (Hz)"));
        if (window) {
            header.add("window rate (Hz)");
        }
        header.addAll(List.of("first spike (ms)", "mean ISI (ms)", "status"));
        Row mean = out.sql("SELECT avg(rate_hz) FROM summaries").first();
        String meanText = mean.isNullAt(0) ? "n/a (every neuron diverged)"
                : String.format(Locale.ROOT, "%.1f Hz", mean.getDouble(0));
        return new Table("Every neuron", header, rows, "mean firing rate: " + meanText);
    }

    /** The rate's statistics over all neurons. */
    static Table overall(SweepOutput out) {
        String rate = out.rateColumn();
        Row r = out.sql("SELECT count(DISTINCT run_id), count(*), sum(CASE WHEN status = 'diverged' THEN 1 ELSE 0 END),"
                + " sum(spike_count), avg(" + rate + "), stddev_samp(" + rate + "), min(" + rate + "), max(" + rate
                + ") FROM summaries").first();
        List<String> row = List.of(count(r, 0), count(r, 1), count(r, 2), count(r, 3), fixed(r, 4, 2), fixed(r, 5, 2),
                fixed(r, 6, 2), fixed(r, 7, 2));
        return new Table("All neurons: " + out.rateDescription(),
                List.of("runs", "neurons", "diverged", "spikes", "mean rate (Hz)", "s.d. (Hz)", "min (Hz)", "max (Hz)"),
                List.of(row), "");
    }

    /** A network's populations in config order, each averaged over the runs (the populations table). */
    static Table populations(SweepOutput out) {
        List<List<String>> rows = new ArrayList<>();
        List<Row> result = out.sql("SELECT population, count(*), first(neurons), avg(mean_rate_hz), avg(cv_isi_mean),"
                + " avg(synchrony_chi), avg(silent_fraction) FROM populations GROUP BY 1").collectAsList();
        for (String population : out.populations().keySet()) {
            for (Row r : result) {
                if (r.getString(0).equals(population)) {
                    rows.add(List.of(population, count(r, 1), count(r, 2), fixed(r, 3, 2), fixed(r, 4, 3), fixed(r, 5, 3),
                            fixed(r, 6, 3)));
                }
            }
        }
        return new Table("Populations, averaged over the runs",
                List.of("population", "runs", "neurons", "mean rate (Hz)", "CV of ISIs", "synchrony χ", "silent fraction"),
                rows, "per run: ./submit.sh query DIR \"SELECT * FROM populations\"");
    }

    /** The rate's statistics per value of one grid axis, pooled over everything else. */
    static Table perValue(SweepOutput out, String path) {
        String rate = out.rateColumn();
        String col = SweepOutput.column(path);
        List<Row> result = out.sql("SELECT " + col + ", count(DISTINCT run_id), count(*),"
                + " sum(CASE WHEN status = 'diverged' THEN 1 ELSE 0 END), avg(" + rate + "), stddev_samp(" + rate
                + "), min(" + rate + "), max(" + rate + ") FROM summaries GROUP BY 1 ORDER BY 1 LIMIT "
                + (MAX_ROWS + 1)).collectAsList();
        long values = result.size() > MAX_ROWS ? SweptAxes.distinct(out, path, null) : result.size();
        List<List<String>> rows = new ArrayList<>();
        for (Row r : result.subList(0, Math.min(MAX_ROWS, result.size()))) {
            rows.add(List.of(AxisLabels.number(r.getDouble(0)), count(r, 1), count(r, 2), count(r, 3), fixed(r, 4, 2),
                    fixed(r, 5, 2), fixed(r, 6, 2), fixed(r, 7, 2)));
        }
        String note = values > MAX_ROWS ? String.format(Locale.ROOT,
                "the first %d of %,d values; ./submit.sh query gives the rest", MAX_ROWS, values) : "";
        return new Table("Per value of " + out.axisTitle(path) + ": " + out.rateDescription(),
                List.of(path, "runs", "neurons", "diverged", "mean rate (Hz)", "s.d. (Hz)", "min (Hz)", "max (Hz)"),
                rows, note);
    }

    private static String fixed(Row r, int i, int decimals) {
        return r.isNullAt(i) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", ((Number) r.get(i)).doubleValue());
    }

    private static String count(Row r, int i) {
        return r.isNullAt(i) ? "0" : String.format(Locale.ROOT, "%,d", ((Number) r.get(i)).longValue());
    }
}
