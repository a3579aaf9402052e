package org.hhsweep.spark.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.List;
import org.hhsweep.sim.config.ConfigException;
import org.hhsweep.sim.config.Suggest;
import org.hhsweep.sim.sweep.BlockPlanner;
import org.hhsweep.sim.sweep.SweepChunks;
import org.hhsweep.sim.sweep.SweepSpec;

/**
 * How a sweep is cut up for execution; none of it changes a number in the output.
 *
 * @param blockNeurons    neurons simulated together in one block
 * @param maxTraceSamples trace samples one block may hold in memory
 * @param runsPerChunk    runs per chunk, or 0 for the project's rule (SweepChunks)
 * @param slices          Spark partitions, or 0 for min(chunks, 64 x default parallelism)
 */
public record ExecutionSettings(int blockNeurons, long maxTraceSamples, long runsPerChunk, int slices)
        implements Serializable {

    static final List<String> KEYS = List.of("block_neurons", "chunk_runs", "slices");

    public static final ExecutionSettings DEFAULTS = new ExecutionSettings(BlockPlanner.DEFAULT_MAX_NEURONS,
            BlockPlanner.DEFAULT_MAX_TRACE_SAMPLES, 0, 0);

    /**
     * The chunks a sweep started afresh is cut into: execution.chunk_runs when set, else the
     * project's rule ({@link SweepChunks#of(SweepSpec, int)}) for {@code parallelism} cores. What
     * {@code validate} prints and what {@code sweep} runs; a resumed sweep keeps the chunks its
     * manifest records instead.
     */
    public SweepChunks chunks(SweepSpec spec, int parallelism) {
        return runsPerChunk > 0 ? new SweepChunks(spec.runCount(), runsPerChunk) : SweepChunks.of(spec, parallelism);
    }

    public ExecutionSettings withRunsPerChunk(long runs) {
        return new ExecutionSettings(blockNeurons, maxTraceSamples, runs, slices);
    }

    public ExecutionSettings withSlices(int n) {
        return new ExecutionSettings(blockNeurons, maxTraceSamples, runsPerChunk, n);
    }

    public ExecutionSettings withBlockNeurons(int n) {
        return new ExecutionSettings(n, maxTraceSamples, runsPerChunk, slices);
    }

    /**
     * Reads the optional {@code execution} object of a resolved config: block_neurons,
     * chunk_runs and slices, each a positive integer.
     */
    public static ExecutionSettings fromConfig(JsonNode resolved) {
        ExecutionSettings s = DEFAULTS;
        JsonNode e = resolved == null ? null : resolved.get("execution");
        if (e == null || e.isNull()) {
            return s;
        }
        if (!e.isObject()) {
            throw new ConfigException("execution", e.toString(), "an object with block_neurons, chunk_runs, slices");
        }
        var fields = e.fieldNames();
        while (fields.hasNext()) {
            String name = fields.next();
            switch (name) {
                case "block_neurons" -> s = s.withBlockNeurons((int) positive(e, name, Integer.MAX_VALUE));
                case "chunk_runs" -> s = s.withRunsPerChunk(positive(e, name, Long.MAX_VALUE));
                case "slices" -> s = s.withSlices((int) positive(e, name, Integer.MAX_VALUE));
                default -> throw new ConfigException("execution." + name, "unknown key '" + name + "'",
                        "one of " + String.join(", ", KEYS) + Suggest.hint(name, KEYS));
            }
        }
        return s;
    }

    private static long positive(JsonNode e, String name, long max) {
        JsonNode v = e.get(name);
        if (!v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < 1 || v.asLong() > max) {
            // A quoted number reads like a number once the quotes are dropped: say it was a string.
            String shown = v.isTextual() ? "\"" + v.textValue() + "\" (a string)" : v.toString();
            throw new ConfigException("execution." + name, shown, "a positive integer");
        }
        return v.asLong();
    }
}
