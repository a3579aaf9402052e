package org.hhsweep.spark.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.hhsweep.sim.config.ResolvedConfig;
import org.hhsweep.sim.config.SweepConfig;
import org.hhsweep.sim.model.NeuronModel;
import org.hhsweep.sim.sweep.SweepChunks;
import org.hhsweep.sim.sweep.SweepSize;
import org.hhsweep.sim.sweep.SweepSpec;
import org.hhsweep.spark.io.AtomicWrite;
import org.hhsweep.spark.io.BuildInfo;
import org.hhsweep.spark.io.Column;
import org.hhsweep.spark.io.Json;
import org.hhsweep.spark.io.OutputLayout;
import org.hhsweep.spark.io.Table;
import org.hhsweep.spark.io.TableFile;
import org.hhsweep.spark.io.Tables;

/**
 * manifest.json of an output directory: what was run (the resolved config), by which software, on
 * what, how it was cut up, what came out (counts, every table's columns with their units) and how
 * long it took. Written as "running" when a sweep starts and replaced (atomically: readers see
 * the old manifest or the new) by "complete" at its end, or "failed" when it ends with an error. A
 * sweep killed outright leaves "running" behind; only "complete" means every table is whole.
 */
public final class Manifest {
    public static final String FILE = OutputLayout.MANIFEST;
    public static final String RUNNING = "running";
    public static final String COMPLETE = "complete";
    public static final String FAILED = "failed";
    /** The key of the model's units (by config path, as the config's units) inside the manifest's model. */
    public static final String MODEL_UNITS = "units";

    /**
     * Where and how the sweep is executed.
     *
     * @param chunkParallelism the parallelism the chunks were cut for (by the first attempt of a
     *                         resumed sweep), or 0 when unknown
     */
    public record Execution(String master, String sparkVersion, int defaultParallelism, SweepChunks chunks,
                            int slices, ExecutionSettings settings, int chunkParallelism) {
    }

    private Manifest() {
    }

    /**
     * @param finished null while running
     * @param counts   null while running
     */
    public static ObjectNode build(SweepConfig config, SweepSize size, Execution execution, Instant started,
                                   Instant finished, ChunkCounts counts) {
        SweepSpec spec = config.spec();
        ObjectNode m = start(finished == null ? RUNNING : COMPLETE, execution.sparkVersion());

        ObjectNode sweep = m.putObject("sweep");
        sweep.put("name", spec.name());
        sweep.put("config_hash", config.hash());
        sweep.put("seed", spec.seed());
        sweep.put("runs", spec.runCount());
        sweep.put("neurons_per_run", spec.base().neurons());
        sweep.put("neurons", spec.neuronCount());
        sweep.put("neuron_steps", size.neuronSteps());
        sweep.put("neuron_steps_exact", size.exact());
        ArrayNode swept = sweep.putArray("swept");
        spec.sweptPaths().forEach(swept::add);
        m.set("config", config.resolved() == null ? null : config.resolved().deepCopy());
        m.set("model", model(spec.base().model()));

        m.put("started", started.toString());
        m.put("finished", finished == null ? null : finished.toString());
        m.put("master", execution.master());

        ObjectNode part = m.putObject("partitioning");
        part.put("rule", SweepChunks.RULE
                + (execution.settings().runsPerChunk() > 0 ? "; overridden by execution.chunk_runs" : ""));
        part.put("parallelism", execution.chunkParallelism() > 0 ? execution.chunkParallelism() : null);
        part.put("runs_per_chunk", execution.chunks().runsPerChunk());
        part.put("chunks", execution.chunks().count());
        part.put("max_neurons_per_chunk", SweepChunks.MAX_NEURONS);
        part.put("target_neuron_steps_per_chunk", SweepChunks.TARGET_NEURON_STEPS);
        part.put("min_neuron_steps_per_chunk", SweepChunks.MIN_NEURON_STEPS);
        part.put("chunks_per_core", SweepChunks.CHUNKS_PER_CORE);
        part.put("slices", execution.slices());
        part.put("default_parallelism", execution.defaultParallelism());
        part.put("block_neurons", execution.settings().blockNeurons());
        part.put("max_trace_samples_per_block", execution.settings().maxTraceSamples());
        part.put("files", "<table>/part-<chunk, 6 digits>.parquet; a chunk is committed when runs/part-<chunk>.parquet"
                + " exists, and that file's footer holds the chunk's counts (" + ChunkCounts.FOOTER_KEY + ")");

        if (counts != null) {
            ObjectNode c = m.putObject("counts");
            c.put("runs", counts.runs());
            c.put("neurons", counts.neurons());
            c.put("spikes", counts.spikes());
            c.put("diverged", counts.diverged());
            c.put("neuron_steps", counts.neuronSteps());
            c.put("mean_rate_hz", Double.isNaN(counts.meanRateHz()) ? null : counts.meanRateHz());
            double wall = Duration.between(started, finished).toNanos() / 1e9;
            m.put("wall_time_s", wall);
            m.put("neuron_steps_per_second", wall > 0 ? counts.neuronSteps() / wall : null);
        }

        tables(m, Tables.forSweep(spec));
        return m;
    }

    /**
     * A manifest's first keys, which make the directory recognisably hhsweep's: format, status and
     * the software.
     */
    public static ObjectNode start(String status, String sparkVersion) {
        ObjectNode m = Json.MAPPER.createObjectNode();
        m.put("format", 1);
        m.put("status", status);
        BuildInfo build = BuildInfo.get();
        ObjectNode software = m.putObject("software");
        software.put("name", OutputLayout.SOFTWARE);
        software.put("version", build.version());
        software.put("git_commit", build.gitCommit());
        software.put("spark", sparkVersion);
        software.put("java", System.getProperty("java.version"));
        return m;
    }

    /** The tables written, each with its columns, and the Parquet settings of their files. */
    public static void tables(ObjectNode m, Tables written) {
        ObjectNode tables = m.putObject("tables");
        for (Table<?> t : written.list()) {
            tables.set(t.name(), table(t));
        }
        ObjectNode meta = m.putObject("parquet");
        meta.put("compression", TableFile.COMPRESSION.name());
        meta.put("data_page_version", TableFile.DATA_PAGE_VERSION);
        meta.put("dictionary_encoding", TableFile.DICTIONARY_ENCODING);
        ObjectNode encodings = meta.putObject("encodings");
        TableFile.ENCODINGS.forEach((type, encoding) -> encodings.put(type, encoding.name()));
        meta.put("units_metadata_key", TableFile.UNITS_KEY);
    }

    /**
     * The base run's model written out whole, whatever its kinetics: the config keeps the
     * tutorial's eight numbers for hh so old outputs keep their hash, which leaves readers to know
     * hh's gates; here they need not. Outside the config, so outside the hash.
     */
    static ObjectNode model(NeuronModel model) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        Map<String, String> units = new TreeMap<>();
        ResolvedConfig.model(n, units, model);
        ObjectNode u = n.putObject(MODEL_UNITS);
        units.forEach(u::put);
        return n;
    }

    private static JsonNode table(Table<?> t) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("path", t.name());
        n.put("description", t.description());
        ArrayNode cols = n.putArray("columns");
        for (Column<?> c : t.columns()) {
            ObjectNode col = cols.addObject();
            col.put("name", c.name());
            col.put("type", c.type().sql());
            col.put("unit", c.unit());
            col.put("nullable", c.nullable());
            col.put("description", c.description());
        }
        return n;
    }

    /** Writes or atomically replaces an output's manifest. */
    public static void write(ObjectNode manifest, Path output, Configuration conf) throws IOException {
        AtomicWrite.replace(new Path(output, FILE), Json.MAPPER.writeValueAsBytes(manifest), conf);
    }

    /** An output's manifest, or null when it has none. */
    public static ObjectNode read(Path output, Configuration conf) throws IOException {
        Path file = new Path(output, FILE);
        FileSystem fs = file.getFileSystem(conf);
        if (!fs.exists(file)) {
            return null;
        }
        try (InputStream in = fs.open(file)) {
            JsonNode n = Json.MAPPER.readTree(in);
            return n instanceof ObjectNode o ? o : null;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }

    /** Marks a manifest as failed, with the error's one-line message. */
    public static ObjectNode failed(ObjectNode manifest, String error) {
        manifest.put("status", FAILED);
        manifest.put("error", error);
        return manifest;
    }

    /**
     * Records the attempts of a resumed sweep: each one's start and the chunks committed before
     * it; throughput then counts the last attempt's work only.
     *
     * @param earlier   the attempts array of the manifest found, or null
     * @param firstStart the start of the first attempt, when {@code earlier} is null
     */
    public static ObjectNode attempts(ObjectNode manifest, JsonNode earlier, String firstStart, Instant started,
                                      long committedBefore, ChunkCounts ran) {
        ArrayNode attempts = manifest.putArray("attempts");
        if (earlier != null && earlier.isArray()) {
            earlier.forEach(attempts::add);
        } else {
            ObjectNode first = attempts.addObject();
            first.put("started", firstStart);
            first.put("chunks_committed_before", 0);
        }
        ObjectNode now = attempts.addObject();
        now.put("started", started.toString());
        now.put("chunks_committed_before", committedBefore);
        JsonNode wall = manifest.get("wall_time_s");
        if (ran != null && wall != null && wall.isNumber()) {
            manifest.put("neuron_steps_per_second", wall.asDouble() > 0 ? ran.neuronSteps() / wall.asDouble() : null);
        }
        return manifest;
    }
}
