package org.hhsweep.sim.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hhsweep.sim.fit.FitParam;
import org.hhsweep.sim.fit.FitSpec;
import org.hhsweep.sim.fit.LossTerm;
import org.hhsweep.sim.fit.Target;

/**
 * The fit section of the resolved config: the parameters with their bounds, the target's data
 * and its data (so the manifest alone says what was fitted, and the hash changes with the data),
 * the loss terms and the optimizer, with every default filled in.
 */
final class FitResolved {
    private FitResolved() {
    }

    /** Adds {@code fit} (and its units) to a resolved config; only fits have it, so other hashes stay. */
    static void write(ObjectNode resolved, FitSpec fit) {
        ObjectNode units = (ObjectNode) resolved.get("units");
        ObjectNode out = resolved.putObject("fit");
        ArrayNode params = out.putArray("params");
        for (FitParam p : fit.params()) {
            ObjectNode o = params.addObject();
            o.put("path", p.path());
            o.put("low", p.low());
            o.put("high", p.high());
            units.put("fit.params." + p.path(), fit.sweep().base().unit(p.path()).symbol());
        }
        Target t = fit.target();
        ObjectNode target = out.putObject("target");
        target.put("file", t.file());
        ArrayNode conditions = target.putArray("conditions");
        t.conditions().forEach(conditions::add);
        t.conditions().forEach(c -> units.put("fit.target." + c, fit.sweep().base().unit(c).symbol()));
        ArrayNode statistics = target.putArray("statistics");
        t.statistics().forEach(statistics::add);
        ArrayNode rows = target.putArray("rows");
        for (int r = 0; r < t.rows(); r++) {
            ArrayNode row = rows.addArray();
            for (int c = 0; c < t.conditions().size(); c++) {
                row.add(t.condition(r, c));
            }
            for (int s = 0; s < t.statistics().size(); s++) {
                Double v = t.observed(r, s);
                if (v == null) {
                    row.addNull();
                } else {
                    row.add(v);
                }
            }
        }
        ArrayNode loss = out.putArray("loss");
        for (LossTerm l : fit.loss().terms()) {
            loss.addObject().put("statistic", l.statistic()).put("weight", l.weight());
        }
        out.putObject("optimizer").put("method", fit.optimizer().method())
                .put("population", fit.optimizer().population())
                .put("generations", fit.optimizer().generations());
    }
}
