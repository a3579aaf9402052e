package org.hhsweep.spark.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.hhsweep.sim.config.ConfigException;
import org.hhsweep.sim.config.ResolvedConfig;
import org.hhsweep.sim.model.NeuronModel;
import org.hhsweep.sim.sweep.RunTemplate;
import org.hhsweep.spark.io.Tables;

/**
 * The model an output simulated, for the figures and the report: the base run's from the
 * manifest's {@code model}, and a run's as the base with that run's swept model numbers (from its
 * row of the runs table, which holds every swept value) put in. Outputs written before the
 * manifest had {@code model} give the base from the resolved config, which holds hh as the
 * tutorial's eight numbers.
 *
 * @param model the model
 * @param name  which model it is, briefly: "the base model", "run 3"
 * @param what  which model it is, with the run's swept model numbers: "run 3 (model.gK = 30 mS/cm²)"
 */
record RunModel(NeuronModel model, String name, String what) {
    static final String BASE = "the base model";

    /** The manifest's model, else its resolved config's. */
    static NeuronModel base(JsonNode manifest) {
        JsonNode section = written(manifest) ? manifest.get("model") : manifest.path("config").get("model");
        try {
            return ResolvedConfig.readModel(section);
        } catch (ConfigException e) {
            throw new PlotException("the manifest's " + (written(manifest) ? "model" : "config's model")
                    + " is not one hhsweep reads (" + e.getMessage() + ")");
        }
    }

    /** Whether the manifest holds the model whole (outputs since issue 12), not only the config's numbers. */
    static boolean written(JsonNode manifest) {
        return manifest.path("model").isObject();
    }

    /** The swept paths that are model numbers, in the output's order. */
    static List<String> sweptModelPaths(SweepOutput out) {
        return out.sweptPaths().stream().filter(p -> p.startsWith(RunTemplate.MODEL)).toList();
    }

    /** The base model when run is null, else that run's. */
    static RunModel of(SweepOutput out, Long run) {
        RunModel r = withSweptValues(out, run);
        // a threshold search sets its parameter anew at every probe: no one value is the run's
        String searched = out.manifest().path("config").path("sweep").path("search").path("param").asText("");
        return searched.startsWith(RunTemplate.MODEL) ? new RunModel(r.model(), r.name(), r.what() + "; " + searched
                + " is searched, so it differs per probe: shown at its base value") : r;
    }

    private static RunModel withSweptValues(SweepOutput out, Long run) {
        NeuronModel base = base(out.manifest());
        if (run == null) {
            return new RunModel(base, BASE, BASE);
        }
        if (run < 0 || run >= out.runs()) {
            throw new PlotException("--run " + run + " is not a run of this output: its runs are 0 to " + (out.runs() - 1));
        }
        List<String> paths = sweptModelPaths(out);
        if (paths.isEmpty()) {
            return new RunModel(base, "run " + run, "run " + run + " (no model number is swept: the base model)");
        }
        out.require(Tables.RUNS, "a run's model", "any sweep (it is always written)");
        List<String> columns = paths.stream().map(SweepOutput::column).toList();
        List<Row> rows = out.sql("SELECT " + String.join(", ", columns) + " FROM runs WHERE run_id = " + run)
                .collectAsList();
        if (rows.isEmpty()) {
            throw new PlotException("run " + run + " is not among the runs " + out.name()
                    + " committed (its sweep did not finish)");
        }
        NeuronModel m = base;
        List<String> values = new ArrayList<>();
        for (int k = 0; k < paths.size(); k++) {
            String path = paths.get(k);
            double v = rows.get(0).getDouble(k);
            m = m.with(path.substring(RunTemplate.MODEL.length()), v);
            String unit = m.unit(path.substring(RunTemplate.MODEL.length())).symbol();
            values.add(path + " = " + AxisLabels.number(v) + (unit.equals("1") ? "" : " " + AxisLabels.pretty(unit)));
        }
        return new RunModel(m, "run " + run, "run " + run + " (" + String.join(", ", values) + ")");
    }
}
