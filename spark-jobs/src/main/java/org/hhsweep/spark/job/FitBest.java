package org.hhsweep.spark.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.hhsweep.sim.fit.Best;
import org.hhsweep.sim.fit.FitLoss;
import org.hhsweep.sim.fit.FitParam;
import org.hhsweep.sim.fit.FitSpec;
import org.hhsweep.sim.fit.LossTerm;
import org.hhsweep.spark.io.Json;

/**
 * The best evaluation of a fit so far with what the optimizer's {@link Best} leaves out: its
 * parameter values in engine units and each loss statistic's error and missed rows. Kept in the
 * manifest ({@code fit.best}), from which a resumed fit reads it back.
 */
public record FitBest(int generation, int candidate, double[] values, FitLoss.Evaluation evaluation) {

    public FitBest {
        values = values.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** The manifest's fit.best: generation, candidate, values by path with units, loss, errors and missed by statistic. */
    public ObjectNode toJson(FitSpec fit) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("generation", generation);
        n.put("candidate", candidate);
        ObjectNode v = n.putObject("values");
        List<FitParam> params = fit.params();
        for (int j = 0; j < params.size(); j++) {
            v.putObject(params.get(j).path()).put("value", values[j])
                    .put("unit", fit.sweep().base().unit(params.get(j).path()).symbol());
        }
        n.put("loss", evaluation.loss());
        ObjectNode errors = n.putObject("errors");
        ObjectNode missed = n.putObject("missed");
        List<LossTerm> terms = fit.loss().terms();
        for (int t = 0; t < terms.size(); t++) {
            errors.put(terms.get(t).statistic(), evaluation.errors()[t]);
            missed.put(terms.get(t).statistic(), evaluation.missed()[t]);
        }
        return n;
    }

    /** What {@link #toJson} wrote, or null when the node is not such an object of this fit. */
    public static FitBest fromJson(FitSpec fit, JsonNode n) {
        if (n == null || !n.isObject() || !n.path("loss").isNumber()) {
            return null;
        }
        List<FitParam> params = fit.params();
        double[] values = new double[params.size()];
        for (int j = 0; j < values.length; j++) {
            JsonNode value = n.path("values").path(params.get(j).path()).path("value");
            if (!value.isNumber()) {
                return null;
            }
            values[j] = value.asDouble();
        }
        List<LossTerm> terms = fit.loss().terms();
        double[] errors = new double[terms.size()];
        int[] missed = new int[terms.size()];
        for (int t = 0; t < terms.size(); t++) {
            JsonNode e = n.path("errors").path(terms.get(t).statistic());
            JsonNode m = n.path("missed").path(terms.get(t).statistic());
            if (!e.isNumber() || !m.canConvertToInt()) {
                return null;
            }
            errors[t] = e.asDouble();
            missed[t] = m.asInt();
        }
        return new FitBest(n.path("generation").asInt(), n.path("candidate").asInt(), values,
                new FitLoss.Evaluation(n.path("loss").asDouble(), errors, missed));
    }

    /** Whether this is the evaluation the optimizer's best names. */
    public boolean is(Best best) {
        return best != null && best.generation() == generation && best.candidate() == candidate;
    }
}
