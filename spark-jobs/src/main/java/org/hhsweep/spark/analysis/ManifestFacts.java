package org.hhsweep.spark.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hhsweep.sim.integrate.Method;

/** The manifest as the report's "Run" table: what ran, by which software, where, how long, how fast. */
final class ManifestFacts {
    private ManifestFacts() {
    }

    static List<List<String>> of(JsonNode m) {
        List<List<String>> rows = new ArrayList<>();
        JsonNode sweep = m.path("sweep");
        JsonNode sw = m.path("software");
        JsonNode counts = m.path("counts");
        add(rows, "sweep", sweep.path("name").asText(""));
        add(rows, "status", m.path("status").asText(""));
        add(rows, "software", "hhsweep " + sw.path("version").asText("?") + ", commit " + sw.path("git_commit").asText("?"));
        add(rows, "platform", "Spark " + sw.path("spark").asText("?") + ", Java " + sw.path("java").asText("?"));
        add(rows, "master", m.path("master").asText(""));
        add(rows, "method", method(m));
        add(rows, "started", m.path("started").asText(""));
        add(rows, "finished", m.path("finished").isNull() ? "not yet" : m.path("finished").asText(""));
        if (m.path("wall_time_s").isNumber()) {
            add(rows, "wall time", String.format(Locale.ROOT, "%.1f s", m.path("wall_time_s").asDouble()));
        }
        if (m.path("neuron_steps_per_second").isNumber()) {
            add(rows, "throughput", String.format(Locale.ROOT, "%.3g neuron-steps/s",
                    m.path("neuron_steps_per_second").asDouble()));
        }
        List<String> swept = new ArrayList<>();
        sweep.path("swept").forEach(p -> swept.add(p.asText()));
        add(rows, "swept", swept.isEmpty() ? "nothing" : String.join(", ", swept));
        JsonNode fit = m.path("fit");
        if (fit.isObject()) {
            add(rows, "fit", String.format(Locale.ROOT, "%d of %d generations (%s) of %d candidates x %d target rows",
                    fit.path("generations_done").asInt(), fit.path("generations").asInt(),
                    fit.path("stopped").isTextual() ? "stopped: " + fit.path("stopped").asText() : "not finished",
                    fit.path("population").asInt(), fit.path("rows").asInt()));
        }
        add(rows, "seed", sweep.path("seed").asText(""));
        add(rows, "runs", String.format(Locale.ROOT, "%,d of %,d neurons each (%,d neurons)",
                sweep.path("runs").asLong(), sweep.path("neurons_per_run").asLong(), sweep.path("neurons").asLong()));
        add(rows, "neuron-steps", String.format(Locale.ROOT, "%,d%s", sweep.path("neuron_steps").asLong(),
                sweep.path("neuron_steps_exact").asBoolean(true) ? "" : " (estimated)"));
        if (counts.isObject()) {
            add(rows, "spikes", String.format(Locale.ROOT, "%,d", counts.path("spikes").asLong()));
            add(rows, "diverged neurons", String.format(Locale.ROOT, "%,d", counts.path("diverged").asLong()));
            add(rows, "mean firing rate (whole runs)", counts.path("mean_rate_hz").isNumber()
                    ? String.format(Locale.ROOT, "%.1f Hz", counts.path("mean_rate_hz").asDouble()) : "n/a");
        }
        JsonNode part = m.path("partitioning");
        if (part.isObject()) {
            add(rows, "chunks", String.format(Locale.ROOT, "%,d of up to %,d runs, %d Spark slices",
                    part.path("chunks").asLong(), part.path("runs_per_chunk").asLong(), part.path("slices").asLong()));
        }
        add(rows, "config hash", sweep.path("config_hash").asText(""));
        return rows;
    }

    /** The integrator that ran, by its name now: an output recorded under a former name says so. */
    static String method(JsonNode m) {
        String recorded = m.at("/config/simulation/method").asText("");
        Method former = Method.fromFormerName(recorded);
        return former == null ? recorded : former.recordedName() + " (recorded under its former name " + recorded + ")";
    }

    private static void add(List<List<String>> rows, String key, String value) {
        rows.add(List.of(key, value));
    }
}
