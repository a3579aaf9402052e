package org.hhsweep.sim.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hhsweep.sim.fit.FitParam;
import org.hhsweep.sim.fit.FitSpec;
import org.hhsweep.sim.fit.LossTerm;
import org.hhsweep.sim.fit.OptimizerMethod;
import org.hhsweep.sim.fit.OptimizerSettings;
import org.hhsweep.sim.fit.Target;
import org.hhsweep.sim.network.NetworkSpec;
import org.hhsweep.sim.sweep.Criterion;
import org.hhsweep.sim.sweep.RunTemplate;
import org.hhsweep.sim.sweep.SweepSpec;
import org.hhsweep.sim.units.EngineUnit;
import org.hhsweep.sim.units.Units;

/**
 * Reads the {@code fit} section: {@code target} (a CSV file, {@link TargetFile}), {@code params}
 * ({PATH: [LOW, HIGH]}), {@code loss} ({STATISTIC: weight}) and {@code optimizer} ({method,
 * population, generations}). A fit's runs are its candidates under the target's rows, so the
 * config has no sweep section beside it, and no network (whose statistics are per population).
 */
final class FitReader {
    static final List<String> KEYS = List.of("target", "params", "loss", "optimizer");
    static final List<String> OPTIMIZER_KEYS = List.of("method", "population", "generations");
    static final List<String> METHODS = OptimizerMethod.labels();
    static final int MAX_POPULATION = 1_000_000;
    static final int MAX_GENERATIONS = 1_000_000;

    /**
     * The section as read against the base run, before the base is complete; {@code swept} lists
     * the values fit runs give paths (each parameter's bounds, each condition's values), for the
     * base's missing fields and the checks.
     */
    record Read(List<FitParam> params, Target target, List<LossTerm> loss, OptimizerSettings optimizer,
                List<Swept> swept) {

        FitSpec spec(SweepSpec sweep) {
            return new FitSpec(sweep, params, target, loss, optimizer);
        }
    }

    private FitReader() {
    }

    static Read read(JsonNode node, JsonNode sweep, NetworkSpec network, RunTemplate base, Path configDir) {
        ObjectNode fit = Fields.section(node, "fit", KEYS);
        if (network != null) {
            throw new ConfigException("fit", "a fit of a network", "a fit of independent neurons (a network's"
                    + " statistics are per population; fitting them is not supported yet)");
        }
        if (Fields.given(sweep)) {
            throw new ConfigException("sweep", "a sweep section beside fit", "no sweep section: a fit's runs are its"
                    + " candidates under the rows of fit.target, whose condition columns play the grid's part");
        }
        List<FitParam> params = new ArrayList<>();
        List<Swept> swept = new ArrayList<>();
        params(fit.get("params"), base, params, swept);
        List<String> fitted = params.stream().map(FitParam::path).toList();

        if (!Fields.given(fit.get("target"))) {
            throw Fields.missing(TargetFile.FIELD, "the path of a CSV file of conditions and observed statistics,"
                    + " such as data/fi-target.csv (relative to the config's directory)");
        }
        String file = Fields.text(fit.get("target"), TargetFile.FIELD, "the path of a CSV file such as data/fi-target.csv");
        Target target = TargetFile.read(file, configDir, base, fitted);
        for (int c = 0; c < target.conditions().size(); c++) {
            List<Swept.Value> values = new ArrayList<>();
            for (int r = 0; r < target.rows(); r++) {
                double v = target.condition(r, c);
                values.add(new Swept.Value(v, TargetFile.FIELD, Units.format(v, base.unit(target.conditions().get(c)))
                        + " ('" + file + "' row " + (r + 1) + ")"));
            }
            swept.add(new Swept(target.conditions().get(c), values));
        }

        List<LossTerm> loss = loss(fit.get("loss"), target);
        OptimizerSettings optimizer = optimizer(fit.get("optimizer"), params.size());
        return new Read(params, target, loss, optimizer, swept);
    }

    private static void params(JsonNode node, RunTemplate base, List<FitParam> out, List<Swept> swept) {
        String expected = "a mapping of fitted fields to their bounds, such as {model.gNa: [80 mS/cm^2, 160 mS/cm^2]}";
        if (!Fields.given(node)) {
            throw Fields.missing("fit.params", expected);
        }
        if (!node.isObject() || node.isEmpty()) {
            throw new ConfigException("fit.params", Fields.show(node), expected);
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String path = e.getKey();
            String field = "fit.params." + path;
            SweepReader.checkPath(path, base, field);
            EngineUnit unit = base.unit(path);
            JsonNode bounds = e.getValue();
            if (!bounds.isArray() || bounds.size() != 2) {
                throw new ConfigException(field, Fields.show(bounds), "the bounds of the search, [low, high], two "
                        + Units.dimensionName(unit) + " values such as [" + Units.example(unit) + ", ...]");
            }
            Fields.Quantity low = Fields.quantity(bounds.get(0), field + "[0]", unit);
            Fields.Quantity high = Fields.quantity(bounds.get(1), field + "[1]", unit);
            if (!(high.value() > low.value())) {
                throw new ConfigException(field + "[1]", high.text(), "an upper bound above the lower bound " + low.text());
            }
            out.add(new FitParam(path, low.value(), high.value()));
            swept.add(new Swept(path, List.of(new Swept.Value(low.value(), field + "[0]", low.text()),
                    new Swept.Value(high.value(), field + "[1]", high.text()))));
        }
    }

    /** fit.loss; left out, every statistic of the target with weight 1. */
    private static List<LossTerm> loss(JsonNode node, Target target) {
        List<LossTerm> out = new ArrayList<>();
        if (!Fields.given(node)) {
            target.statistics().forEach(s -> out.add(new LossTerm(s, 1)));
        } else {
            String expected = "a mapping of statistics of the target to weights, such as {rate_hz: 1, first_spike_ms: 1}";
            if (!node.isObject() || node.isEmpty()) {
                throw new ConfigException("fit.loss", Fields.show(node), expected);
            }
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String s = e.getKey();
                String field = "fit.loss." + s;
                if (!Criterion.STATISTICS.contains(s)) {
                    throw Fields.unknownKey(field, s, Criterion.STATISTICS);
                }
                if (!target.statistics().contains(s)) {
                    throw new ConfigException(field, "'" + s + "', not a column of '" + target.file() + "'",
                            "a statistic the target observes: " + String.join(", ", target.statistics()));
                }
                JsonNode w = e.getValue();
                if (!w.isNumber() || !Double.isFinite(w.doubleValue()) || w.doubleValue() < 0) {
                    throw new ConfigException(field, Fields.showScalar(w), "a weight, a number >= 0 such as 1");
                }
                out.add(new LossTerm(s, w.doubleValue()));
            }
            if (out.stream().noneMatch(t -> t.weight() > 0)) {
                throw new ConfigException("fit.loss", Fields.show(node), "at least one positive weight");
            }
        }
        for (LossTerm t : out) {
            int c = target.statistics().indexOf(t.statistic());
            boolean observed = false;
            for (int r = 0; r < target.rows() && !observed; r++) {
                observed = target.observed(r, c) != null;
            }
            if (!observed) {
                throw new ConfigException(Fields.given(node) ? "fit.loss." + t.statistic() : TargetFile.FIELD,
                        "'" + t.statistic() + "', whose column in '" + target.file() + "' is empty",
                        "a statistic observed in at least one row");
            }
        }
        return out;
    }

    private static OptimizerSettings optimizer(JsonNode node, int k) {
        ObjectNode o = Fields.given(node) ? Fields.section(node, "fit.optimizer", OPTIMIZER_KEYS)
                : ResolvedConfig.FACTORY.objectNode();
        OptimizerMethod method = Fields.given(o.get("method"))
                ? OptimizerMethod.of(Fields.choice(o.get("method"), "fit.optimizer.method", METHODS))
                : OptimizerMethod.CMAES;
        int population = Fields.given(o.get("population"))
                ? Fields.integer(o.get("population"), "fit.optimizer.population", method.minPopulation(), MAX_POPULATION,
                " (candidates per generation)")
                : method.defaultPopulation(k);
        int generations = Fields.given(o.get("generations"))
                ? Fields.integer(o.get("generations"), "fit.optimizer.generations", 1, MAX_GENERATIONS,
                " (the budget of generations)")
                : OptimizerSettings.DEFAULT_GENERATIONS;
        return new OptimizerSettings(method.label(), population, generations);
    }

    /**
     * The checks that need the complete base run: every target row is a valid run, with every
     * fitted parameter at its bounds (in every combination, as swept values are checked), and a
     * window when the loss has window_rate_hz.
     */
    static void check(Read fit, RunTemplate base) {
        Target target = fit.target();
        List<Swept> params = fit.swept().subList(0, fit.params().size());
        boolean windowFitted = fit.params().stream().anyMatch(p -> p.path().equals(RunTemplate.WINDOW_START));
        for (int r = 0; r < target.rows(); r++) {
            RunTemplate t = base;
            for (int c = 0; c < target.conditions().size(); c++) {
                t = t.with(target.conditions().get(c), target.condition(r, c));
            }
            RunChecks.Problem p = RunChecks.firstProblem(t);
            if (p != null) {
                throw rowError(fit, r, p, t);
            }
            SweptChecks.check(t, params, List.of());
            boolean window = !Double.isNaN(t.windowStartMs()) || windowFitted;
            if (!window && fit.loss().stream().anyMatch(l -> l.statistic().equals("window_rate_hz"))) {
                throw new ConfigException("fit.loss.window_rate_hz", "window_rate_hz without an analysis window",
                        "a statistic the runs have: window_rate_hz needs simulation.window");
            }
        }
    }

    /** A row's broken rule at the row's condition that takes part in it, else at its first field. */
    private static ConfigException rowError(Read fit, int row, RunChecks.Problem p, RunTemplate t) {
        Target target = fit.target();
        for (Map.Entry<String, String> e : p.expectedByField().entrySet()) {
            int c = target.conditions().indexOf(e.getKey());
            if (c >= 0) {
                Swept.Value v = fit.swept().get(fit.params().size() + c).values().get(row);
                return new ConfigException(TargetFile.FIELD, v.text() + " in column " + e.getKey(), e.getValue());
            }
        }
        Map.Entry<String, String> first = p.expectedByField().entrySet().iterator().next();
        return new ConfigException(first.getKey(), Units.format(RunChecks.value(t, first.getKey()),
                RunChecks.unit(t, first.getKey())) + " under the conditions of '" + target.file() + "' row "
                + (row + 1), first.getValue());
    }
}
