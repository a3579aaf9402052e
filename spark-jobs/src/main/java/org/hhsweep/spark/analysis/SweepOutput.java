package org.hhsweep.spark.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.hhsweep.sim.sweep.RunTemplate;
import org.hhsweep.spark.io.Json;
import org.hhsweep.spark.io.OutputDirectory;
import org.hhsweep.spark.io.Tables;
import org.hhsweep.spark.job.Manifest;

/**
 * A finished (or interrupted) sweep's output as the plots see it: its manifest, and its tables
 * registered as views under their own names in a Spark session. Everything a plot needs to know
 * about the sweep's shape (what is swept, units, the threshold, which rate to use) comes from here.
 */
public final class SweepOutput {
    private final SparkSession session;
    private final Path dir;
    private final JsonNode manifest;
    private final Set<String> tables;
    private String rateColumn;
    private Map<String, Integer> populations;

    /**
     * @param tables the tables with committed files, already registered as views in {@code session}
     */
    public SweepOutput(SparkSession session, Path dir, JsonNode manifest, Collection<String> tables) {
        this.session = session;
        this.dir = dir;
        this.manifest = manifest;
        this.tables = new LinkedHashSet<>(tables);
    }

    /** DIR/manifest.json, or a PlotException when DIR is not a sweep's output. */
    public static JsonNode readManifest(Path dir, Configuration conf) throws IOException {
        Path file = new Path(dir, Manifest.FILE);
        FileSystem fs = file.getFileSystem(conf);
        if (!fs.exists(file)) {
            throw new PlotException("no " + Manifest.FILE + " in " + OutputDirectory.display(dir)
                    + ": not an output directory of the sweep command");
        }
        try (InputStream in = fs.open(file)) {
            return Json.MAPPER.readTree(in);
        }
    }

    public SparkSession session() {
        return session;
    }

    public Path dir() {
        return dir;
    }

    public JsonNode manifest() {
        return manifest;
    }

    public String name() {
        return manifest.path("sweep").path("name").asText("sweep");
    }

    /** Whether the sweep ran to its end (an interrupted one has only its committed chunks). */
    public boolean complete() {
        return Manifest.COMPLETE.equals(manifest.path("status").asText());
    }

    public boolean has(String table) {
        return tables.contains(table);
    }

    /** Fails with a message saying what to record when a table a plot needs is not there. */
    public void require(String table, String what, String recordHint) {
        if (!has(table)) {
            throw new PlotException(what + " needs the " + table + " table, which " + OutputDirectory.display(dir)
                    + " does not have (record it with " + recordHint + " in the config)");
        }
    }

    /**
     * A query of the plots; checked like the query command's, as it may hold the user's --where.
     */
    public Dataset<Row> sql(String query) {
        ReadOnlySql.checkStatement(session, query, tables);
        Dataset<Row> result = session.sql(query);
        ReadOnlySql.checkAnalyzed(result.queryExecution().analyzed(), dir, tables);
        return result;
    }

    /** Whether the runs are networks, whose neurons belong to populations (they write the populations table). */
    public boolean network() {
        return has(Tables.POPULATIONS);
    }

    /** The columns naming a neuron in summaries and spikes: its population too in a network. */
    public String neuronKey() {
        return network() ? "run_id, population, neuron" : "run_id, neuron";
    }

    /**
     * A network's populations in config order with their sizes: from the manifest's resolved config,
     * else (a config without them) from the populations table by name. Empty without a network.
     */
    public synchronized Map<String, Integer> populations() {
        if (populations == null) {
            Map<String, Integer> p = new LinkedHashMap<>();
            if (network()) {
                JsonNode config = manifest.path("config").path("network").path("populations");
                config.fields().forEachRemaining(e -> p.put(e.getKey(), e.getValue().path("size").asInt()));
                if (p.isEmpty()) {
                    for (Row r : sql("SELECT population, max(neurons) FROM populations GROUP BY 1 ORDER BY 1")
                            .collectAsList()) {
                        p.put(r.getString(0), r.getInt(1));
                    }
                }
            }
            populations = Collections.unmodifiableMap(p);
        }
        return populations;
    }

    /**
     * SQL for a neuron's row in a run's raster, network or not: its population's offset (the sizes
     * of the populations before it, in config order) plus its index there.
     */
    public String neuronInRunSql() {
        if (!network()) {
            return "CAST(neuron AS BIGINT)";
        }
        StringBuilder b = new StringBuilder("CAST(CASE population");
        long offset = 0;
        for (Map.Entry<String, Integer> e : populations().entrySet()) {
            b.append(" WHEN '").append(e.getKey().replace("'", "''")).append("' THEN ").append(offset);
            offset += e.getValue();
        }
        return b.append(" END + neuron AS BIGINT)").toString();
    }

    public long neuronsPerRun() {
        return manifest.path("sweep").path("neurons_per_run").asLong();
    }

    public long runs() {
        return manifest.path("sweep").path("runs").asLong();
    }

    public long neurons() {
        return manifest.path("sweep").path("neurons").asLong();
    }

    /** Swept config paths, grid axes first, as the output's columns name them. */
    public List<String> sweptPaths() {
        List<String> out = new ArrayList<>();
        manifest.path("sweep").path("swept").forEach(p -> out.add(p.asText()));
        return out;
    }

    /**
     * The grid axes' paths (a grid has few distinct values per axis, unlike randomly sampled
     * parameters); all swept paths when the manifest's config does not say.
     */
    public List<String> gridPaths() {
        JsonNode grid = manifest.path("config").path("sweep").path("grid");
        if (!grid.isArray()) {
            return sweptPaths();
        }
        List<String> out = new ArrayList<>();
        grid.forEach(a -> out.add(a.path("path").asText()));
        return out;
    }

    /**
     * The swept path a user named, as a config path (stimulus.amplitude) or a column
     * (stimulus_amplitude).
     */
    public String sweptPath(String name, String option) {
        for (String p : sweptPaths()) {
            if (p.equals(name) || RunTemplate.column(p).equals(name)) {
                return p;
            }
        }
        List<String> swept = sweptPaths();
        throw new PlotException(option + " " + name + " is not swept in this output; "
                + (swept.isEmpty() ? "nothing is swept" : "swept: " + String.join(", ", swept)));
    }

    /** The output column of a swept path. */
    public static String column(String path) {
        return RunTemplate.column(path);
    }

    /** A column's unit from the manifest ("" when it has none or the manifest does not say). */
    public String unit(String table, String column) {
        for (JsonNode c : manifest.path("tables").path(table).path("columns")) {
            if (c.path("name").asText().equals(column)) {
                return c.path("unit").asText("");
            }
        }
        return "";
    }

    /** An axis title for a swept path: the path and its unit, e.g. "stimulus.amplitude (µA/cm²)". */
    public String axisTitle(String path) {
        return AxisLabels.withUnit(path, unit(Tables.SUMMARIES, column(path)));
    }

    /** A number of the resolved config by its dotted path (model.V_th), if the manifest has it. */
    public OptionalDouble configNumber(String dotted) {
        JsonNode n = manifest.path("config");
        for (String part : dotted.split("\\.")) {
            n = n.path(part);
        }
        return n.isNumber() ? OptionalDouble.of(n.asDouble()) : OptionalDouble.empty();
    }

    /**
     * The rate the plots show: window_rate_hz when the sweep has an analysis window (the onset
     * transient left out), else rate_hz over the whole run.
     */
    public synchronized String rateColumn() {
        if (rateColumn == null) {
            long windowed = sql("SELECT count(window_rate_hz) FROM summaries").first().getLong(0);
            rateColumn = windowed > 0 ? "window_rate_hz" : "rate_hz";
        }
        return rateColumn;
    }

    /** What the rate column measures, for titles. */
    public String rateDescription() {
        if (!rateColumn().equals("window_rate_hz")) {
            return "firing rate over the whole run";
        }
        OptionalDouble start = configNumber("simulation.window.start");
        OptionalDouble end = configNumber("simulation.window.end");
        return start.isPresent() && end.isPresent()
                ? String.format(Locale.ROOT, "firing rate in %s-%s ms", AxisLabels.number(start.getAsDouble()),
                AxisLabels.number(end.getAsDouble()))
                : "firing rate in the analysis window";
    }

    /**
     * " AND (predicate)" to append to a WHERE clause, or "" without one. The line break keeps a
     * "--" comment at the predicate's end from swallowing the closing parenthesis.
     */
    public static String and(String predicate) {
        return predicate == null || predicate.isBlank() ? "" : " AND (" + predicate + "\n)";
    }
}
