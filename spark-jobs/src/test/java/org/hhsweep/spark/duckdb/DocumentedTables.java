package org.hhsweep.spark.duckdb;

import java.util.ArrayList;
import java.util.List;

/**
 * The output tables of a sweep as documented, written down here independently of the job's own
 * schema code so that a test comparing the two can fail.
 *
 * <p>runs and summaries carry one DOUBLE column per swept parameter, whose names and units depend on
 * the config; the caller passes them in. Units use the engine's symbols ({@code mV}, {@code ms},
 * {@code Hz}, {@code 1} for dimensionless).
 */
public final class DocumentedTables {

    /** The footer key-value entry holding a JSON object column -> unit. */
    public static final String UNITS_KEY = "hhsweep.units";

    private static final String BIGINT = "BIGINT";
    private static final String INTEGER = "INTEGER";
    private static final String DOUBLE = "DOUBLE";
    private static final String VARCHAR = "VARCHAR";

    private DocumentedTables() {
    }

    /**
     * The four tables of a sweep whose swept parameters are {@code swept} (in config order), traces
     * in the default layout (whole steps).
     */
    public static List<DocumentedTable> all(List<DocumentedColumn> swept) {
        return List.of(runs(swept), summaries(swept), spikes(), traces());
    }

    /** A swept parameter's column: always DOUBLE, in the engine unit of that parameter. */
    public static DocumentedColumn swept(String name, String unit) {
        return DocumentedColumn.of(name, DOUBLE, unit);
    }

    public static DocumentedTable runs(List<DocumentedColumn> swept) {
        List<DocumentedColumn> columns = new ArrayList<>(List.of(
                DocumentedColumn.of("run_id", BIGINT),
                DocumentedColumn.of("seed", BIGINT),
                DocumentedColumn.of("replicate", INTEGER)));
        columns.addAll(swept);
        columns.addAll(List.of(
                DocumentedColumn.of("neurons", INTEGER, "1"),
                DocumentedColumn.of("diverged", INTEGER, "1"),
                DocumentedColumn.of("status", VARCHAR),
                DocumentedColumn.of("synapses", BIGINT, "1"),
                DocumentedColumn.of("synapses_by_group", VARCHAR)));
        return new DocumentedTable("runs", columns);
    }

    public static DocumentedTable summaries(List<DocumentedColumn> swept) {
        List<DocumentedColumn> columns = new ArrayList<>(List.of(
                DocumentedColumn.of("run_id", BIGINT),
                DocumentedColumn.of("population", VARCHAR),
                DocumentedColumn.of("neuron", INTEGER),
                DocumentedColumn.of("seed", BIGINT)));
        columns.addAll(swept);
        columns.addAll(List.of(
                DocumentedColumn.of("spike_count", INTEGER, "1"),
                DocumentedColumn.of("rate_hz", DOUBLE, "Hz"),
                DocumentedColumn.of("window_rate_hz", DOUBLE, "Hz"),
                DocumentedColumn.of("first_spike_ms", DOUBLE, "ms"),
                DocumentedColumn.of("mean_isi_ms", DOUBLE, "ms"),
                DocumentedColumn.of("cv_isi", DOUBLE, "1"),
                DocumentedColumn.of("v_min_mV", DOUBLE, "mV"),
                DocumentedColumn.of("v_max_mV", DOUBLE, "mV"),
                DocumentedColumn.of("status", VARCHAR),
                DocumentedColumn.of("diverged_step", BIGINT, "step")));
        return new DocumentedTable("summaries", columns);
    }

    /** A network's populations table: one row per run and population. */
    public static DocumentedTable populations(List<DocumentedColumn> swept) {
        List<DocumentedColumn> columns = new ArrayList<>(List.of(
                DocumentedColumn.of("run_id", BIGINT),
                DocumentedColumn.of("population", VARCHAR),
                DocumentedColumn.of("seed", BIGINT)));
        columns.addAll(swept);
        columns.addAll(List.of(
                DocumentedColumn.of("neurons", INTEGER, "1"),
                DocumentedColumn.of("mean_rate_hz", DOUBLE, "Hz"),
                DocumentedColumn.of("cv_isi_mean", DOUBLE, "1"),
                DocumentedColumn.of("synchrony_chi", DOUBLE, "1"),
                DocumentedColumn.of("silent_fraction", DOUBLE, "1")));
        return new DocumentedTable("populations", columns);
    }

    /** A network's population_rates table (record.rates): one row per run, population and bin. */
    public static DocumentedTable populationRates() {
        return new DocumentedTable("population_rates", List.of(
                DocumentedColumn.of("run_id", BIGINT),
                DocumentedColumn.of("population", VARCHAR),
                DocumentedColumn.of("bin", INTEGER),
                DocumentedColumn.of("t_ms", DOUBLE, "ms"),
                DocumentedColumn.of("rate_hz", DOUBLE, "Hz")));
    }

    public static DocumentedTable spikes() {
        return new DocumentedTable("spikes", List.of(
                DocumentedColumn.of("run_id", BIGINT),
                DocumentedColumn.of("population", VARCHAR),
                DocumentedColumn.of("neuron", INTEGER),
                DocumentedColumn.of("spike_ms", "DOUBLE[]", "ms"),
                DocumentedColumn.of("spike_interp_ms", "DOUBLE[]", "ms")));
    }

    /**
     * Traces in the default layout: whole steps of each sample, and the step, whose unit follows
     * from {@code variable} (the entry says how).
     */
    public static DocumentedTable traces() {
        return new DocumentedTable("traces", List.of(
                DocumentedColumn.of("run_id", BIGINT),
                DocumentedColumn.of("neuron", INTEGER),
                DocumentedColumn.of("variable", VARCHAR),
                DocumentedColumn.of("t0_ms", DOUBLE, "ms"),
                DocumentedColumn.of("dt_ms", DOUBLE, "ms"),
                DocumentedColumn.of("step", DOUBLE, "V: mV, m: 1, h: 1, n: 1, I: uA/cm^2"),
                DocumentedColumn.of("values_q", "INTEGER[]", "step")));
    }

    /**
     * Traces with record.traces.quantize: none; values has no single unit: its unit follows from
     * {@code variable}, and the entry says how.
     */
    public static DocumentedTable losslessTraces() {
        return new DocumentedTable("traces", List.of(
                DocumentedColumn.of("run_id", BIGINT),
                DocumentedColumn.of("neuron", INTEGER),
                DocumentedColumn.of("variable", VARCHAR),
                DocumentedColumn.of("t0_ms", DOUBLE, "ms"),
                DocumentedColumn.of("dt_ms", DOUBLE, "ms"),
                DocumentedColumn.of("values", "FLOAT[]", "V: mV, m: 1, h: 1, n: 1, I: uA/cm^2")));
    }

    /**
     * The thresholds table of a threshold search (docs/search.md): the threshold and the bracket
     * take the unit of the searched parameter, {@code searchedUnit}.
     */
    public static DocumentedTable thresholds(List<DocumentedColumn> swept, String searchedUnit) {
        List<DocumentedColumn> columns = new ArrayList<>(List.of(
                DocumentedColumn.of("run_id", BIGINT),
                DocumentedColumn.of("seed", BIGINT),
                DocumentedColumn.of("replicate", INTEGER)));
        columns.addAll(swept);
        columns.addAll(List.of(
                DocumentedColumn.of("param", VARCHAR),
                DocumentedColumn.of("criterion", VARCHAR),
                DocumentedColumn.of("threshold", DOUBLE, searchedUnit),
                DocumentedColumn.of("bracket_low", DOUBLE, searchedUnit),
                DocumentedColumn.of("bracket_high", DOUBLE, searchedUnit),
                DocumentedColumn.of("iterations", INTEGER, "1"),
                DocumentedColumn.of("probes", INTEGER, "1"),
                DocumentedColumn.of("status", VARCHAR),
                DocumentedColumn.of("detail", VARCHAR)));
        return new DocumentedTable("thresholds", columns);
    }
}
