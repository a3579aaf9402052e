package org.hhsweep.spark.io;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hhsweep.sim.config.ConfigLoader;
import org.hhsweep.sim.fit.Candidate;
import org.hhsweep.sim.fit.FitLoss;
import org.hhsweep.sim.fit.FitSpec;
import org.hhsweep.sim.network.PopulationSummary;
import org.hhsweep.sim.record.Trace;
import org.hhsweep.sim.record.TraceQuantization;
import org.hhsweep.sim.record.TraceVariable;
import org.hhsweep.sim.sensitivity.SensitivityMethod;
import org.hhsweep.sim.sensitivity.SensitivitySpec;
import org.hhsweep.sim.stats.NeuronStatistics;
import org.hhsweep.sim.sweep.RunSpec;
import org.hhsweep.sim.sweep.RunTemplate;
import org.hhsweep.sim.sweep.SearchResult;
import org.hhsweep.sim.sweep.SearchSpec;
import org.hhsweep.sim.sweep.SweepSpec;

/**
 * The one place that defines the output tables: every column's name, type, unit, meaning and
 * value. Writers, the manifest, the query command and the docs all read it from here.
 */
public final class Tables {
    public static final String RUNS = "runs";
    public static final String SUMMARIES = "summaries";
    public static final String SPIKES = "spikes";
    public static final String TRACES = "traces";
    public static final String THRESHOLDS = "thresholds";
    public static final String POPULATIONS = "populations";
    public static final String POPULATION_RATES = "population_rates";
    public static final String SENSITIVITY = "sensitivity";
    public static final String FIT = "fit";
    public static final String FIT_PREDICTIONS = "fit_predictions";
    /**
     * Every table any sweep writes, in the order a sweep's tables are listed. A table defined
     * below and missing here fails the construction of every {@code Tables} that holds it.
     */
    public static final List<String> ALL_NAMES = List.of(RUNS, SUMMARIES, SPIKES, TRACES, POPULATIONS,
            POPULATION_RATES, THRESHOLDS, SENSITIVITY, FIT, FIT_PREDICTIONS);
    /**
     * The tables written once the sweep's runs are all committed, from its other tables, rather than
     * by every chunk: one file each, {@code part-000000.parquet}, made visible by one rename.
     */
    public static final List<String> AFTER_RUNS = List.of(SENSITIVITY);

    /** Unit of a trace's values: it depends on the variable. */
    public static final String TRACE_VALUE_UNIT = Arrays.stream(TraceVariable.values())
            .map(v -> v.label() + ": " + v.unit()).collect(Collectors.joining(", "));

    /**
     * A run, once all its neurons are simulated.
     *
     * @param synapses the synapses of each group of a network run, in config order; null for a run
     *                 of independent neurons
     */
    public record RunRecord(RunSpec run, int neurons, int diverged, Map<String, Integer> synapses) {
        /** A run of independent neurons. */
        public RunRecord(RunSpec run, int neurons, int diverged) {
            this(run, neurons, diverged, null);
        }

        long synapseTotal() {
            return synapses == null ? 0 : synapses.values().stream().mapToLong(Integer::longValue).sum();
        }
    }

    /**
     * One neuron's statistics.
     *
     * @param population its population in a network run (neuron is then its index there), else null
     */
    public record NeuronRecord(RunSpec run, String population, int neuron, NeuronStatistics stats) {
        /** A neuron of a run of independent neurons. */
        public NeuronRecord(RunSpec run, int neuron, NeuronStatistics stats) {
            this(run, null, neuron, stats);
        }
    }

    /** One neuron's spike times; population as in {@link NeuronRecord}. */
    public record SpikeRecord(RunSpec run, String population, int neuron, double[] times, double[] interpolated) {
        /** A neuron of a run of independent neurons. */
        public SpikeRecord(RunSpec run, int neuron, double[] times, double[] interpolated) {
            this(run, null, neuron, times, interpolated);
        }
    }

    /** One population's activity over a network run. */
    public record PopulationRecord(RunSpec run, PopulationSummary summary) {
    }

    /** One bin of a population's rate over time in a network run. */
    public record RateRecord(RunSpec run, String population, int bin, double startMs, double rateHz) {
    }

    /**
     * One evaluation of a fit: a candidate, its loss, and the lowest loss of its generation and
     * every earlier one.
     */
    public record FitRecord(Candidate candidate, FitLoss.Evaluation evaluation, double bestSoFar) {
    }

    /**
     * A candidate's run under one target row: the row's condition values, the candidate's
     * prediction and the target's observed value of each loss statistic (null: none).
     */
    public record FitPredictionRecord(Candidate candidate, int row, long runId, double[] conditions,
                                      Double[] predicted, Double[] observed) {
    }

    /** One recorded variable of one neuron. */
    public record TraceRecord(RunSpec run, int neuron, Trace trace) {
    }

    /** The outcome of one run's threshold search. */
    public record ThresholdRecord(RunSpec run, SearchSpec search, SearchResult result) {
    }

    /**
     * One output's estimates for one parameter at one grid point (sweep.sensitivity), sent from the
     * executors that analyse grid points to the driver that writes them.
     *
     * @param gridValues the grid point's values of the grid axes, in config order
     * @param estimates  in the order of {@link SensitivityMethod#columns()}, NaN where undefined
     * @param used       rows (sobol) or the parameter's elementary effects (morris) the estimates used
     * @param leftOut    those left out as an output they need is null
     * @param nullOutputs design runs of the grid point whose output is null
     */
    public record SensitivityRecord(long gridPoint, double[] gridValues, String output, String param,
                                    SensitivityMethod method, double[] estimates, int used, int leftOut,
                                    int nullOutputs, int designRuns) implements Serializable {
        private static final long serialVersionUID = 1L;

        /** The estimate named {@code column}, one of the method's columns. */
        public double estimate(String column) {
            int i = method.columns().indexOf(column);
            if (i < 0) {
                throw new IllegalArgumentException(method.configName() + " estimates " + method.columns() + ", not " + column);
            }
            return estimates[i];
        }
    }

    /**
     * The tables of one sweep, in the order of {@link #ALL_NAMES}, runs first: the one list that
     * everything handling "the tables of this sweep" goes through (writing, committing, cleaning up,
     * resuming, estimating, describing), so a table added to a sweep is never left out of one of them.
     */
    private final List<Table<?>> written;
    /** Rows of the sensitivity table (grid points x outputs x params), 0 without one. */
    private final long sensitivityRows;

    private Tables(List<Table<?>> written) {
        this(written, 0);
    }

    private Tables(List<Table<?>> written, long sensitivityRows) {
        int last = -1;
        for (Table<?> t : written) {
            int position = ALL_NAMES.indexOf(t.name());
            if (position <= last) {
                throw new IllegalStateException("table " + t.name() + " is not in Tables.ALL_NAMES, or out of its order");
            }
            last = position;
        }
        if (written.isEmpty() || !List.of(RUNS, FIT).contains(written.get(0).name())) {
            throw new IllegalStateException("every sweep writes the runs table, and every fit the fit table: its"
                    + " commit mark, first");
        }
        this.written = List.copyOf(written);
        this.sensitivityRows = sensitivityRows;
    }

    private static Tables simulating(RunTemplate base, List<String> sweptPaths, boolean withSpikes, boolean withTraces,
                                     TraceQuantization quantization, boolean network, boolean withRates) {
        List<Table<?>> t = new ArrayList<>(List.of(runsTable(base, sweptPaths), summariesTable(base, sweptPaths)));
        if (withSpikes) {
            t.add(spikesTable());
        }
        if (withTraces) {
            t.add(quantization.active() ? quantizedTracesTable(quantization) : tracesTable());
        }
        if (network) {
            t.add(populationsTable(base, sweptPaths));
        }
        if (network && withRates) {
            t.add(populationRatesTable());
        }
        return new Tables(t);
    }

    /**
     * The tables a sweep writes: runs and summaries always, spikes and traces when recorded,
     * populations for a network and population_rates when its rates are recorded; for a threshold
     * search, runs (one per search, the commit mark) and thresholds.
     */
    public static Tables forSweep(SweepSpec spec) {
        RunTemplate base = spec.base();
        if (spec.search() != null) {
            return search(base, spec.sweptPaths(), spec.search().path());
        }
        Tables simulated = simulating(base, spec.sweptPaths(), base.keepSpikeTimes(),
                base.tracedNeurons() > 0 && !base.traceVariables().isEmpty(), base.traceQuantization(),
                base.network() != null, !Double.isNaN(base.ratesBinMs()));
        SensitivitySpec s = spec.sensitivity();
        if (s == null) {
            return simulated;
        }
        List<Table<?>> t = new ArrayList<>(simulated.list());
        List<String> gridPaths = spec.grid().stream().map(SweepSpec.GridAxis::path).toList();
        t.add(sensitivityTable(base, gridPaths, s.method()));
        return new Tables(t, Math.multiplyExact(spec.gridPoints(), (long) s.outputs().size() * s.paths().size()));
    }

    /**
     * The sensitivity table of a method, grid columns named after the given paths (of a config that
     * leaves everything else at its default), for docs and schemas.
     */
    public static Table<SensitivityRecord> sensitivity(List<String> gridPaths, SensitivityMethod method) {
        return sensitivityTable(defaults(), gridPaths, method);
    }

    /**
     * The tables of a threshold search over {@code searchedPath} (for docs and schemas), the paths
     * those of a config that leaves everything else at its default.
     */
    public static Tables search(List<String> sweptPaths, String searchedPath) {
        return search(defaults(), sweptPaths, searchedPath);
    }

    private static Tables search(RunTemplate base, List<String> sweptPaths, String searchedPath) {
        return new Tables(List.of(runsTable(base, sweptPaths), thresholdsTable(base, sweptPaths, searchedPath)));
    }

    /**
     * Every table of a simulating sweep, swept columns named after the given paths (of a config
     * that leaves everything else at its default), traces in the default layout (whole steps), for
     * docs and schemas.
     */
    public static Tables all(List<String> sweptPaths) {
        return simulating(defaults(), sweptPaths, true, true,
                TraceQuantization.defaults(List.of(TraceVariable.values())), true, true);
    }

    /**
     * The run of a config that sets only what it must: a path's unit can depend on the run (on its
     * stimulus type, on its model), so docs take theirs from the run a user gets by default.
     */
    private static RunTemplate defaults() {
        return ConfigLoader.parse("{\"simulation\": {\"duration\": \"100 ms\"}}", "defaults.json").spec().base();
    }

    /**
     * The tables a fit writes, one file each per generation: fit (one row per evaluation, the
     * generation's commit mark) and fit_predictions (one row per evaluation and target row). A fit
     * writes no runs or summaries: its runs are many and alike, and what a user compares is here.
     */
    public static Tables forFit(FitSpec fit) {
        return fitting(fit.sweep().base(), fit.params().stream().map(p -> p.path()).toList(), fit.target().conditions(),
                fit.loss().terms().stream().map(t -> t.statistic()).toList());
    }

    /** The tables of a fit of the given paths and loss statistics, over a config's defaults (for docs). */
    public static Tables fitOf(List<String> params, List<String> conditions, List<String> statistics) {
        return fitting(defaults(), params, conditions, statistics);
    }

    private static Tables fitting(RunTemplate base, List<String> params, List<String> conditions, List<String> statistics) {
        return new Tables(List.of(fitTable(base, params, statistics),
                fitPredictionsTable(base, conditions, statistics)));
    }

    /** The traces table of a sweep with record.traces.quantize: none (for docs and schemas). */
    public static Table<TraceRecord> losslessTraces() {
        return tracesTable();
    }

    /** The tables written, in the order of {@link #ALL_NAMES}, runs first. */
    public List<Table<?>> list() {
        return written;
    }

    /** The names of the tables written, in the order of {@link #list()}. */
    public List<String> names() {
        return written.stream().map(Table::name).toList();
    }

    /** The tables every chunk writes a file of (all but {@link #AFTER_RUNS}), runs first. */
    public List<Table<?>> chunked() {
        return written.stream().filter(t -> !AFTER_RUNS.contains(t.name())).toList();
    }

    /** Rows the sensitivity table will hold: grid points x outputs x params (0 without one). */
    public long sensitivityRows() {
        return sensitivityRows;
    }

    public Table<RunRecord> runs() {
        return this.<RunRecord>find(RUNS).orElseThrow();
    }

    /** The summaries table; empty for a threshold search. */
    public Optional<Table<NeuronRecord>> summaries() {
        return find(SUMMARIES);
    }

    /** The spikes table; empty when spike times are not recorded. */
    public Optional<Table<SpikeRecord>> spikes() {
        return find(SPIKES);
    }

    /** The traces table; empty when nothing is traced. */
    public Optional<Table<TraceRecord>> traces() {
        return find(TRACES);
    }

    /** The populations table; empty unless the runs are networks. */
    public Optional<Table<PopulationRecord>> populations() {
        return find(POPULATIONS);
    }

    /** The population_rates table; empty unless the runs are networks recording record.rates. */
    public Optional<Table<RateRecord>> populationRates() {
        return find(POPULATION_RATES);
    }

    /** The thresholds table; empty unless the sweep is a threshold search. */
    public Optional<Table<ThresholdRecord>> thresholds() {
        return find(THRESHOLDS);
    }

    /** The sensitivity table; empty unless the sweep has sweep.sensitivity. */
    public Optional<Table<SensitivityRecord>> sensitivity() {
        return find(SENSITIVITY);
    }

    /** The fit table; empty unless the output is a fit's. */
    public Optional<Table<FitRecord>> fit() {
        return find(FIT);
    }

    /** The fit_predictions table; empty unless the output is a fit's. */
    public Optional<Table<FitPredictionRecord>> fitPredictions() {
        return find(FIT_PREDICTIONS);
    }

    /** Each name's table is built by one method above for one record type, so the cast holds. */
    @SuppressWarnings("unchecked")
    private <R> Optional<Table<R>> find(String name) {
        return written.stream().filter(t -> t.name().equals(name)).findFirst().map(t -> (Table<R>) t);
    }

    private static <R> Column<R> col(String name, ColumnType type, boolean nullable, String unit, String description,
                                     Function<R, Object> value) {
        return new Column<>(name, type, nullable, unit, description, value);
    }

    private static <R> List<Column<R>> swept(RunTemplate base, List<String> paths, Function<R, RunSpec> run) {
        List<Column<R>> out = new ArrayList<>();
        for (int k = 0; k < paths.size(); k++) {
            int index = k;
            String path = paths.get(k);
            out.add(col(RunTemplate.column(path), ColumnType.DOUBLE, false, base.unit(path).symbol(),
                    "swept parameter " + path, r -> run.apply(r).sweptValues()[index]));
        }
        return out;
    }

    private static Table<RunRecord> runsTable(RunTemplate base, List<String> sweptPaths) {
        List<Column<RunRecord>> c = new ArrayList<>();
        c.add(col("run_id", ColumnType.INT64, false, "", "the run's index in the sweep's expansion",
                r -> r.run().runId()));
        c.add(col("seed", ColumnType.INT64, false, "", "the run's seed (shared by the runs of one replicate)",
                r -> r.run().seed()));
        c.add(col("replicate", ColumnType.INT32, false, "", "seed replicate number, 0-based",
                r -> r.run().replicate()));
        c.addAll(swept(base, sweptPaths, RunRecord::run));
        c.add(col("status", ColumnType.STRING, false, "", "\"ok\", or \"diverged\" if any neuron diverged",
                r -> r.diverged() > 0 ? NeuronStatistics.DIVERGED : NeuronStatistics.OK));
        c.add(col("neurons", ColumnType.INT32, false, "1", "neurons in the run (a network's: all its populations')",
                RunRecord::neurons));
        c.add(col("diverged", ColumnType.INT32, false, "1", "neurons that diverged", RunRecord::diverged));
        c.add(col("synapses", ColumnType.INT64, false, "1", "synapses of a network run, every group's (0 without a network)",
                RunRecord::synapseTotal));
        c.add(col("synapses_by_group", ColumnType.STRING, true, "",
                "a network run's synapses per group as a JSON object in config order, e.g. {\"EE\":2013,\"EI\":512} "
                        + "(null without a network)",
                r -> r.synapses() == null ? null : Json.write(new LinkedHashMap<>(r.synapses()))));
        return new Table<>(RUNS, "one row per run", c);
    }

    private static Table<NeuronRecord> summariesTable(RunTemplate base, List<String> sweptPaths) {
        List<Column<NeuronRecord>> c = new ArrayList<>();
        c.add(col("run_id", ColumnType.INT64, false, "", "the run", r -> r.run().runId()));
        c.add(col("population", ColumnType.STRING, true, "", POPULATION, NeuronRecord::population));
        c.add(col("neuron", ColumnType.INT32, false, "", NEURON, NeuronRecord::neuron));
        c.add(col("seed", ColumnType.INT64, false, "", "the run's seed", r -> r.run().seed()));
        c.addAll(swept(base, sweptPaths, NeuronRecord::run));
        c.add(col("spike_count", ColumnType.INT32, true, "1", "spikes in the whole run (null if the neuron diverged, like every statistic)",
                r -> r.stats().spikeCount()));
        c.add(col("rate_hz", ColumnType.DOUBLE, true, "Hz", "spike_count over the run's duration",
                r -> r.stats().rateHz()));
        c.add(col("window_rate_hz", ColumnType.DOUBLE, true, "Hz",
                "spikes in the analysis window over its length (null without a window)",
                r -> r.stats().windowRateHz()));
        c.add(col("first_spike_ms", ColumnType.DOUBLE, true, "ms", "end of the first threshold-crossing step (null without spikes)",
                r -> r.stats().firstSpikeMs()));
        c.add(col("mean_isi_ms", ColumnType.DOUBLE, true, "ms", "mean inter-spike interval (null below 2 spikes)",
                r -> r.stats().meanIsiMs()));
        c.add(col("cv_isi", ColumnType.DOUBLE, true, "1",
                "population standard deviation over mean of the intervals (null below 3 spikes)", r -> r.stats().cvIsi()));
        c.add(col("v_min_mV", ColumnType.DOUBLE, true, "mV", "lowest V reached, initial state included",
                r -> r.stats().vMinMv()));
        c.add(col("v_max_mV", ColumnType.DOUBLE, true, "mV", "highest V reached", r -> r.stats().vMaxMv()));
        c.add(col("status", ColumnType.STRING, false, "", "\"ok\" or \"diverged\" (then every statistic is null)",
                r -> r.stats().status()));
        c.add(col("diverged_step", ColumnType.INT64, true, "step", "the step at which |V| left 1000 mV or became NaN (null unless diverged)",
                r -> r.stats().divergedStep()));
        return new Table<>(SUMMARIES, "one row per neuron", c);
    }

    private static final String POPULATION = "the neuron's population in a network run (network.populations), null"
            + " in a run of independent neurons";
    private static final String NEURON = "the neuron's index in its run, or in its population in a network run";

    /** NaN (nothing to average) as null, as the statistics of the summaries table. */
    private static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static Table<PopulationRecord> populationsTable(RunTemplate base, List<String> sweptPaths) {
        List<Column<PopulationRecord>> c = new ArrayList<>();
        c.add(col("run_id", ColumnType.INT64, false, "", "the run", r -> r.run().runId()));
        c.add(col("population", ColumnType.STRING, false, "", "the population (network.populations), in config order",
                r -> r.summary().population()));
        c.add(col("seed", ColumnType.INT64, false, "", "the run's seed", r -> r.run().seed()));
        c.addAll(swept(base, sweptPaths, PopulationRecord::run));
        c.add(col("neurons", ColumnType.INT32, false, "1", "the population's size", r -> r.summary().neurons()));
        c.add(col("mean_rate_hz", ColumnType.DOUBLE, true, "Hz",
                "rate_hz averaged over the population's neurons that did not diverge (null if all did)",
                r -> orNull(r.summary().meanRateHz())));
        c.add(col("cv_isi_mean", ColumnType.DOUBLE, true, "1",
                "cv_isi averaged over the neurons with at least 3 spikes (null if none has)",
                r -> orNull(r.summary().cvIsiMean())));
        c.add(col("synchrony_chi", ColumnType.DOUBLE, true, "1",
                "Golomb's chi: sqrt(var_t(mean_i V_i) / mean_i var_t(V_i)), 0 for independent neurons, 1 for identical"
                        + " ones (null when a neuron diverged or every V is constant)",
                r -> orNull(r.summary().synchronyChi())));
        c.add(col("silent_fraction", ColumnType.DOUBLE, true, "1", "the fraction of the neurons that did not diverge without a spike (null if all diverged)",
                r -> orNull(r.summary().silentFraction())));
        return new Table<>(POPULATIONS, "one row per run and population, for a network", c);
    }

    private static Table<RateRecord> populationRatesTable() {
        List<Column<RateRecord>> c = new ArrayList<>();
        c.add(col("run_id", ColumnType.INT64, false, "", "the run", r -> r.run().runId()));
        c.add(col("population", ColumnType.STRING, false, "", "the population (network.populations)",
                RateRecord::population));
        c.add(col("bin", ColumnType.INT32, false, "", "the bin's index: bin b covers [b bin, (b + 1) bin) of record.rates",
                RateRecord::bin));
        c.add(col("t_ms", ColumnType.DOUBLE, false, "ms", "the bin's start, bin x record.rates.bin", RateRecord::startMs));
        c.add(col("rate_hz", ColumnType.DOUBLE, false, "Hz",
                "spikes in the bin per neuron per second (a spike's time is the end of its crossing step); the last"
                        + " bin may be shorter, ending with the run, and is divided by its own length",
                RateRecord::rateHz));
        return new Table<>(POPULATION_RATES, "one row per run, population and time bin, for a network with record.rates",
                c);
    }

    private static Table<SpikeRecord> spikesTable() {
        List<Column<SpikeRecord>> c = new ArrayList<>();
        c.add(col("run_id", ColumnType.INT64, false, "", "the run", r -> r.run().runId()));
        c.add(col("population", ColumnType.STRING, true, "", POPULATION, SpikeRecord::population));
        c.add(col("neuron", ColumnType.INT32, false, "", NEURON, SpikeRecord::neuron));
        c.add(col("spike_ms", ColumnType.DOUBLE_LIST, false, "ms",
                "spike times: end of each threshold-crossing step, as the tutorial reports them (empty if diverged)",
                SpikeRecord::times));
        c.add(col("spike_interp_ms", ColumnType.DOUBLE_LIST, false, "ms",
                "the same spikes' linearly interpolated threshold-crossing times", SpikeRecord::interpolated));
        return new Table<>(SPIKES, "one row per neuron, when record.spikes is on", c);
    }

    private static Table<TraceRecord> tracesTable() {
        List<Column<TraceRecord>> c = new ArrayList<>();
        c.add(col("run_id", ColumnType.INT64, false, "", "the run", r -> r.run().runId()));
        c.add(col("neuron", ColumnType.INT32, false, "", "the neuron's index in its run", TraceRecord::neuron));
        c.add(col("variable", ColumnType.STRING, false, "", "V, m, h, n or I",
                r -> r.trace().variable().label()));
        c.add(col("t0_ms", ColumnType.DOUBLE, false, "ms", "time of the first sample", r -> r.trace().t0Ms()));
        c.add(col("dt_ms", ColumnType.DOUBLE, false, "ms", "time between samples", r -> r.trace().dtMs()));
        c.add(col("values", ColumnType.FLOAT_LIST, false, TRACE_VALUE_UNIT,
                "samples (float32): values[j] at t0_ms + j * dt_ms", r -> r.trace().values()));
        return new Table<>(TRACES, "one row per traced neuron and variable, with record.traces.quantize: none", c);
    }

    /** Description of a grid column of the sensitivity table; docs show them as one row. */
    static final String GRID_PARAMETER = "grid parameter ";
    /** The unit of the estimates that are in the output's unit (its column's in summaries). */
    public static final String OUTPUT_UNIT = "the output's";
    /** What each estimate column holds, by name (the names are SensitivityMethod's). */
    private static final Map<String, String> ESTIMATES = Map.of(
            "S1", "first-order Sobol index: the share of the output's variance due to the parameter alone"
                    + " (Saltelli et al. 2010); null when undefined (every output equal, fewer than 2 rows used)",
            "S1_conf", "half-width of S1's bootstrap 95% interval (1,000 resamples of the rows)",
            "ST", "total Sobol index: the share of the variance due to the parameter with all its interactions"
                    + " (Jansen 1999); null when undefined",
            "ST_conf", "half-width of ST's bootstrap 95% interval",
            "mu_star", "mean absolute elementary effect (Campolongo et al. 2007), in the output's unit per full range"
                    + " of the parameter; null with fewer than 2 effects used",
            "mu_star_conf", "half-width of mu_star's bootstrap 95% interval (1,000 resamples of the effects)",
            "sigma", "standard deviation of the elementary effects (over n - 1): interactions or non-linearity");

    /**
     * Sensitivity indices, one row per grid point, output and parameter: the estimate columns of
     * the method only (a sobol sweep's table has no morris columns, so a null estimate always
     * means undefined, never "other method").
     */
    private static Table<SensitivityRecord> sensitivityTable(RunTemplate base, List<String> gridPaths,
                                                             SensitivityMethod method) {
        List<Column<SensitivityRecord>> c = new ArrayList<>();
        c.add(col("grid_point", ColumnType.INT64, false, "",
                "the grid point's index (0 without a grid); its runs are run_id grid_point x R to (grid_point + 1) x R - 1,"
                        + " R = design runs x seeds", SensitivityRecord::gridPoint));
        for (int k = 0; k < gridPaths.size(); k++) {
            int index = k;
            String path = gridPaths.get(k);
            c.add(col(RunTemplate.column(path), ColumnType.DOUBLE, false, base.unit(path).symbol(),
                    GRID_PARAMETER + path, r -> r.gridValues()[index]));
        }
        c.add(col("output", ColumnType.STRING, false, "", "the summaries statistic analysed (sweep.sensitivity.outputs)",
                SensitivityRecord::output));
        c.add(col("param", ColumnType.STRING, false, "", "the parameter's config path (sweep.sensitivity.params)",
                SensitivityRecord::param));
        c.add(col("method", ColumnType.STRING, false, "", "sweep.sensitivity.method: sobol or morris",
                r -> r.method().configName()));
        List<String> estimates = method.columns();
        for (int k = 0; k < estimates.size(); k++) {
            int index = k;
            String name = estimates.get(k);
            String unit = method == SensitivityMethod.SOBOL ? "1" : OUTPUT_UNIT;
            c.add(col(name, ColumnType.DOUBLE, true, unit, ESTIMATES.get(name), r -> orNull(r.estimates()[index])));
        }
        c.add(col("used", ColumnType.INT32, false, "1", method == SensitivityMethod.SOBOL
                ? "base-sample rows the estimates used (rows of A, B and every AB_i), of sweep.sensitivity.samples"
                : "the parameter's elementary effects the estimates used, of sweep.sensitivity.samples",
                SensitivityRecord::used));
        c.add(col("left_out", ColumnType.INT32, false, "1", method == SensitivityMethod.SOBOL
                ? "rows left out because an output of theirs is null" : "effects left out because an output they need is null",
                SensitivityRecord::leftOut));
        c.add(col("null_outputs", ColumnType.INT32, false, "1",
                "design runs of the grid point whose output is null (a neuron without the statistic, or diverged)",
                SensitivityRecord::nullOutputs));
        c.add(col("design_runs", ColumnType.INT32, false, "1", "design runs at the grid point (before seed replicates)",
                SensitivityRecord::designRuns));
        return new Table<>(SENSITIVITY, "one row per grid point, output and parameter, for sweep.sensitivity with method "
                + method.configName(), c);
    }

    /** "V 0.0001 mV, m 0.000001, ...": the default steps in words, for the docs. */
    private static String defaultSteps() {
        return Arrays.stream(TraceVariable.values()).map(v -> v.label() + " "
                        + new BigDecimal(Double.toString(TraceQuantization.DEFAULT_STEPS.get(v))).stripTrailingZeros().toPlainString()
                        + (v.unit().equals("1") ? "" : " " + v.unit()))
                .collect(Collectors.joining(", "));
    }

    /** Column of the quantised traces table holding whole steps; its presence marks the layout. */
    public static final String TRACE_STEPS_COLUMN = "values_q";
    public static final String TRACE_STEP_COLUMN = "step";
    /**
     * Spark SQL for a quantised trace's samples as the float32 values column of a lossless one, so
     * queries and plots read both layouts alike.
     */
    public static final String DEQUANTIZED_VALUES_SQL = "transform(values_q, q -> CAST(q * step AS FLOAT))";

    /**
     * Traces as whole steps, which any Parquet reader turns back into values with one
     * multiplication: values[j] = values_q[j] * step. Stored as absolute steps rather than their
     * differences: Parquet's DELTA_BINARY_PACKED takes the differences itself, and a reader then
     * needs no running sum.
     */
    private static Table<TraceRecord> quantizedTracesTable(TraceQuantization quantization) {
        List<Column<TraceRecord>> c = new ArrayList<>(tracesTable().columns().subList(0, 5));
        c.add(col(TRACE_STEP_COLUMN, ColumnType.DOUBLE, false, TRACE_VALUE_UNIT,
                "the quantisation step of the variable (record.traces.quantize; by default " + defaultSteps() + ")",
                r -> quantization.step(r.trace().variable())));
        c.add(col(TRACE_STEPS_COLUMN, ColumnType.INT32_LIST, false, "step",
                "samples in whole steps, rounded to nearest: values[j] = values_q[j] * step, within step / 2 of the "
                        + "float32 sample; an element is null where the sample was NaN or beyond 2^31 steps",
                r -> TraceQuantization.quantize(r.trace().values(), quantization.step(r.trace().variable()))));
        return new Table<>(TRACES, "one row per traced neuron and variable", c);
    }

    private static Table<ThresholdRecord> thresholdsTable(RunTemplate base, List<String> sweptPaths,
                                                          String searchedPath) {
        String unit = base.unit(searchedPath).symbol();
        List<Column<ThresholdRecord>> c = new ArrayList<>();
        c.add(col("run_id", ColumnType.INT64, false, "", "the run (grid point, sample and replicate) searched",
                r -> r.run().runId()));
        c.add(col("seed", ColumnType.INT64, false, "", "the run's seed, the same at every probe",
                r -> r.run().seed()));
        c.add(col("replicate", ColumnType.INT32, false, "", "seed replicate number, 0-based",
                r -> r.run().replicate()));
        c.addAll(swept(base, sweptPaths, ThresholdRecord::run));
        c.add(col("param", ColumnType.STRING, false, "", "the searched field's config path (sweep.search.param)",
                r -> r.search().path()));
        c.add(col("criterion", ColumnType.STRING, false, "", "the criterion searched for, as in sweep.search.criterion",
                r -> r.search().criterion().toString()));
        c.add(col("threshold", ColumnType.DOUBLE, true, unit,
                "the smallest probed value where the criterion held for every neuron: bracket_high (null unless status is ok)",
                r -> r.result().threshold()));
        c.add(col("bracket_low", ColumnType.DOUBLE, false, unit,
                "lower end of the final bracket, where the criterion failed (from when there was no change)",
                r -> r.result().bracketLow()));
        c.add(col("bracket_high", ColumnType.DOUBLE, false, unit,
                "upper end of the final bracket, where the criterion held (to when there was no change)",
                r -> r.result().bracketHigh()));
        c.add(col("iterations", ColumnType.INT32, false, "1", "bisection steps after the two ends",
                r -> r.result().iterations()));
        c.add(col("probes", ColumnType.INT32, false, "1", "simulations of the run: the two ends and every bisection step",
                r -> r.result().probes()));
        c.add(col("status", ColumnType.STRING, false, "",
                "\"ok\"; \"no_change_in_bracket\" when the criterion does not fail at from and hold at to; "
                        + "\"diverged\" when a probe diverged",
                r -> r.result().status()));
        c.add(col("detail", ColumnType.STRING, false, "", "what the search found, in words",
                r -> r.result().detail()));
        return new Table<>(THRESHOLDS, "one row per threshold search (grid point, sample and replicate), for sweep.search", c);
    }

    private static final String GENERATION = "the generation, 0-based";
    private static final String CANDIDATE = "the candidate's index in its generation, 0-based";

    private static Table<FitRecord> fitTable(RunTemplate base, List<String> params, List<String> statistics) {
        List<Column<FitRecord>> c = new ArrayList<>();
        c.add(col("generation", ColumnType.INT32, false, "", GENERATION, r -> r.candidate().generation()));
        c.add(col("candidate", ColumnType.INT32, false, "", CANDIDATE, r -> r.candidate().index()));
        for (int k = 0; k < params.size(); k++) {
            int index = k;
            String path = params.get(k);
            c.add(col(RunTemplate.column(path), ColumnType.DOUBLE, false, base.unit(path).symbol(),
                    "the candidate's value of fitted parameter " + path + " (one column per fit.params path)",
                    r -> r.candidate().values()[index]));
        }
        c.add(col("loss", ColumnType.DOUBLE, false, "1", "the sum over loss statistics of weight x error",
                r -> r.evaluation().loss()));
        for (int t = 0; t < statistics.size(); t++) {
            int term = t;
            String s = statistics.get(t);
            c.add(col(s + "_error", ColumnType.DOUBLE, false, "1", "the unweighted error e_s of " + s
                            + ": mean over the target rows observing it of ((predicted - observed) / scale)^2, a missed"
                            + " row counting " + new BigDecimal(Double.toString(FitLoss.MISSED_PENALTY)).stripTrailingZeros()
                            .toPlainString() + " (one column per fit.loss statistic)",
                    r -> r.evaluation().errors()[term]));
            c.add(col(s + "_missed", ColumnType.INT32, false, "1", "target rows observing " + s
                    + " where the candidate's run has no value (no spike, diverged)", r -> r.evaluation().missed()[term]));
        }
        c.add(col("best_so_far", ColumnType.DOUBLE, false, "1",
                "the lowest loss of this generation and every earlier one", FitRecord::bestSoFar));
        return new Table<>(FIT, "one row per evaluation (generation and candidate) of a fit", c);
    }

    private static Table<FitPredictionRecord> fitPredictionsTable(RunTemplate base, List<String> conditions,
                                                                  List<String> statistics) {
        List<Column<FitPredictionRecord>> c = new ArrayList<>();
        c.add(col("generation", ColumnType.INT32, false, "", GENERATION, r -> r.candidate().generation()));
        c.add(col("candidate", ColumnType.INT32, false, "", CANDIDATE, r -> r.candidate().index()));
        c.add(col("target_row", ColumnType.INT32, false, "", "the target file's row (condition), 0-based in file order",
                FitPredictionRecord::row));
        c.add(col("run_id", ColumnType.INT64, false, "", "the run: (generation x population + candidate) x rows + row",
                FitPredictionRecord::runId));
        for (int k = 0; k < conditions.size(); k++) {
            int index = k;
            String path = conditions.get(k);
            c.add(col(RunTemplate.column(path), ColumnType.DOUBLE, false, base.unit(path).symbol(),
                    "the row's value of condition " + path + " (one column per condition column of the target)",
                    r -> r.conditions()[index]));
        }
        for (int t = 0; t < statistics.size(); t++) {
            int term = t;
            String s = statistics.get(t);
            String unit = statisticUnit(base, s);
            c.add(col(s, ColumnType.DOUBLE, true, unit, "the candidate's prediction of " + s + ": the mean over the"
                    + " run's neurons with a value, null when none has one (one column per fit.loss statistic)",
                    r -> r.predicted()[term]));
            c.add(col(s + "_target", ColumnType.DOUBLE, true, unit, "the target's observed " + s
                    + " in this row, null where the target does not observe it", r -> r.observed()[term]));
        }
        return new Table<>(FIT_PREDICTIONS, "one row per evaluation and target row of a fit", c);
    }

    /** A statistic's unit, as the summaries table has it. */
    private static String statisticUnit(RunTemplate base, String statistic) {
        return summariesTable(base, List.of()).columns().stream().filter(c -> c.name().equals(statistic))
                .findFirst().map(Column::unit)
                .orElseThrow(() -> new IllegalArgumentException("'" + statistic + "' is not a column of the summaries table"));
    }
}
