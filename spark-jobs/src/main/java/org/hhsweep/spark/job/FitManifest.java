package org.hhsweep.spark.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import org.hhsweep.sim.config.SweepConfig;
import org.hhsweep.sim.fit.FitSpec;
import org.hhsweep.sim.fit.Optimizer;
import org.hhsweep.spark.io.Json;
import org.hhsweep.spark.io.Tables;

/**
 * manifest.json of a fit: the keys every output's manifest has (software, the resolved config,
 * the base model, times, the tables), what was run so far under {@code sweep}, and under {@code
 * fit} the search's settings, its progress, the optimizer's state after the last finished
 * generation (what --resume continues from) and the best evaluation. Rewritten atomically after
 * every generation, after that generation's files are committed.
 */
final class FitManifest {
    /** How a fit's files are named and committed, for the manifest's readers. */
    static final String FILES = "<table>/part-<generation, 6 digits>.parquet; a generation's fit_predictions file is"
            + " committed before its fit file, and the generation counts once fit.generations_done does (a file of a"
            + " later generation is what a crash left, removed by --resume)";

    /**
     * What the fit has recorded: a snapshot, so that a manifest written after a failure names the
     * last generation whose files were committed, not one the optimizer was told of since.
     *
     * @param state   the optimizer's state after the generations done
     * @param stopped why it finished ("budget" or "collapsed"), or null while it goes on
     */
    record Progress(String state, int generationsDone, FitBest best, long neuronSteps, int generationsBefore,
                    String stopped) {
        static Progress of(FitSpec fit, Optimizer o, FitBest best, long neuronSteps, int generationsBefore) {
            return new Progress(o.state(), o.generation(), best, neuronSteps, generationsBefore,
                    o.finished() ? FitManifest.stopped(fit, o) : null);
        }
    }

    private FitManifest() {
    }

    /**
     * @param finished null while running
     */
    static ObjectNode build(SweepConfig config, String master, String sparkVersion, Instant started, Instant finished,
                            Progress p) {
        FitSpec fit = config.fit();
        ObjectNode m = Manifest.start(finished == null ? Manifest.RUNNING : Manifest.COMPLETE, sparkVersion);
        long runsPerGeneration = (long) fit.optimizer().population() * fit.conditions();
        long runs = runsPerGeneration * p.generationsDone();
        int neurons = fit.sweep().base().neurons();
        ObjectNode sweep = m.putObject("sweep");
        sweep.put("name", fit.sweep().name());
        sweep.put("config_hash", config.hash());
        sweep.put("seed", fit.sweep().seed());
        sweep.put("runs", runs);
        sweep.put("neurons_per_run", neurons);
        sweep.put("neurons", runs * neurons);
        sweep.put("neuron_steps", p.neuronSteps());
        sweep.put("neuron_steps_exact", true);
        ArrayNode swept = sweep.putArray("swept");
        fit.runPaths().forEach(swept::add);
        m.set("config", config.resolved() == null ? null : config.resolved().deepCopy());
        m.set("model", Manifest.model(fit.sweep().base().model()));
        m.put("started", started.toString());
        m.put("finished", finished == null ? null : finished.toString());
        m.put("master", master);

        ObjectNode f = m.putObject("fit");
        f.put("method", fit.optimizer().method());
        f.put("population", fit.optimizer().population());
        f.put("generations", fit.optimizer().generations());
        f.put("rows", fit.conditions());
        f.put("runs_per_generation", runsPerGeneration);
        f.put("generations_done", p.generationsDone());
        f.put("generations_before", p.generationsBefore());
        f.put("stopped", finished == null ? null : p.stopped());
        f.put("files", FILES);
        try {
            f.set("state", Json.MAPPER.readTree(p.state()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the optimizer's state is not JSON", e);
        }
        f.set("best", p.best() == null ? null : p.best().toJson(fit));
        if (finished != null) {
            m.put("wall_time_s", Duration.between(started, finished).toNanos() / 1e9);
        }
        Manifest.tables(m, Tables.forFit(fit));
        return m;
    }

    /** Why a finished search stopped: its budget spent, or its distribution collapsed first. */
    static String stopped(FitSpec fit, Optimizer o) {
        return o.generation() >= fit.optimizer().generations() ? "budget" : "collapsed";
    }
}
