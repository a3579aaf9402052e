package org.hhsweep.sim.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hhsweep.sim.sensitivity.MorrisDesign;
import org.hhsweep.sim.sensitivity.SensitivityMethod;
import org.hhsweep.sim.sensitivity.SensitivityParam;
import org.hhsweep.sim.sensitivity.SensitivitySpec;
import org.hhsweep.sim.sensitivity.SobolDesign;
import org.hhsweep.sim.stats.NeuronStatistics;
import org.hhsweep.sim.sweep.RunTemplate;
import org.hhsweep.sim.units.EngineUnit;
import org.hhsweep.sim.units.Units;

/** Reads sweep.sensitivity: the method, its samples, the parameters' ranges and the outputs. */
final class SensitivityReader {
    static final String FIELD = "sweep.sensitivity";
    static final List<String> KEYS = List.of("method", "samples", "params", "outputs", "levels");
    static final SensitivityMethod DEFAULT_METHOD = SensitivityMethod.SOBOL;
    static final String UNIFORM = "uniform";

    private SensitivityReader() {
    }

    /**
     * @param swept the swept paths so far (the grid's); each parameter is added with its range's
     *              bounds, which every run stays within
     */
    static SensitivitySpec read(JsonNode node, RunTemplate base, List<Swept> swept, long seed) {
        ObjectNode s = Fields.section(node, FIELD, KEYS);
        SensitivityMethod method = Fields.given(s.get("method"))
                ? SensitivityMethod.fromName(Fields.choice(s.get("method"), FIELD + ".method", SensitivityMethod.names()))
                : DEFAULT_METHOD;
        List<SensitivityParam> params = params(s.get("params"), base, swept);
        int samples = samples(s.get("samples"), method, params.size());
        int levels = levels(s.get("levels"), method);
        List<String> outputs = outputs(s.get("outputs"));
        return new SensitivitySpec(method, samples, levels, params, outputs, seed);
    }

    private static int samples(JsonNode n, SensitivityMethod method, int params) {
        String field = FIELD + ".samples";
        boolean sobol = method == SensitivityMethod.SOBOL;
        int max = sobol ? SobolDesign.MAX_SAMPLES : Integer.MAX_VALUE;
        String meaning = sobol ? " (base samples N, a power of 2: sobol runs N x (params + 2) per grid point)"
                : " (trajectories r: morris runs r x (params + 1) per grid point)";
        if (!Fields.given(n)) {
            throw Fields.missing(field, "a whole number from 2" + meaning);
        }
        int samples = Fields.integer(n, field, 2, max, meaning);
        if (sobol && Integer.bitCount(samples) != 1) {
            int below = Integer.highestOneBit(samples);
            throw new ConfigException(field, Integer.toString(samples), "a power of 2 such as " + below + " or "
                    + 2L * below + " (Sobol points are balanced in blocks of 2^m; N x (params + 2) runs per grid point)");
        }
        long runs = SensitivitySpec.runs(method, samples, params);
        if (runs > SensitivitySpec.MAX_RUNS) {
            throw new ConfigException(field, Integer.toString(samples), "at most " + SensitivitySpec.MAX_RUNS
                    + " design runs per grid point (the estimator holds a grid point's outputs in memory); these "
                    + params + " params give " + runs);
        }
        return samples;
    }

    private static int levels(JsonNode n, SensitivityMethod method) {
        String field = FIELD + ".levels";
        if (!Fields.given(n)) {
            return MorrisDesign.DEFAULT_LEVELS;
        }
        if (method != SensitivityMethod.MORRIS) {
            throw new ConfigException(field, Fields.showScalar(n), "no levels with method " + method.configName()
                    + ": levels are the grid of morris trajectories");
        }
        String meaning = " (an even number of grid levels per parameter for morris, default "
                + MorrisDesign.DEFAULT_LEVELS + ")";
        int levels = Fields.integer(n, field, 2, MorrisDesign.MAX_LEVELS, meaning);
        if (levels % 2 != 0) {
            throw new ConfigException(field, Integer.toString(levels), "an even number from 2 to " + MorrisDesign.MAX_LEVELS
                    + meaning + ": each move spans half the levels, Delta = p / (2 (p - 1))");
        }
        return levels;
    }

    private static List<SensitivityParam> params(JsonNode n, RunTemplate base, List<Swept> swept) {
        String field = FIELD + ".params";
        String expected = "a mapping of fields to their ranges, such as {model.gNa: {uniform: [100 mS/cm^2, 140 mS/cm^2]}}";
        if (!Fields.given(n)) {
            throw Fields.missing(field, expected);
        }
        if (!n.isObject() || n.isEmpty()) {
            throw new ConfigException(field, Fields.show(n), expected);
        }
        List<SensitivityParam> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            String path = e.getKey();
            String f = field + "." + path;
            SweepReader.checkPath(path, base, f);
            if (swept.stream().anyMatch(x -> x.path().equals(path))) {
                throw new ConfigException(f, "'" + path + "', already swept in sweep.grid",
                        "each field swept once: a grid axis is fixed within a grid point, where the analysis varies its params");
            }
            out.add(range(path, base.unit(path), e.getValue(), f, swept));
        }
        return out;
    }

    private static SensitivityParam range(String path, EngineUnit unit, JsonNode node, String field, List<Swept> swept) {
        String expected = "a range {uniform: [low, high]} with " + Units.dimensionName(unit) + " values such as \""
                + Units.example(unit) + "\"";
        if (!node.isObject() || node.size() != 1) {
            throw new ConfigException(field, Fields.show(node), expected);
        }
        String name = node.fieldNames().next();
        String f = field + "." + name;
        if (!name.equals(UNIFORM)) {
            throw new ConfigException(f, "'" + name + "'", "uniform: the indices are over a box of ranges [low, high]"
                    + Suggest.hint(name, List.of(UNIFORM)));
        }
        JsonNode args = node.get(name);
        if (!args.isArray() || args.size() != 2) {
            throw new ConfigException(f, Fields.show(args), "a list of two " + Units.dimensionName(unit) + " values, [low, high]");
        }
        Fields.Quantity low = Fields.quantity(args.get(0), f + "[0]", unit);
        Fields.Quantity high = Fields.quantity(args.get(1), f + "[1]", unit);
        if (!(high.value() > low.value())) {
            throw new ConfigException(f + "[1]", high.text(), "an upper bound above the lower bound " + low.text());
        }
        swept.add(new Swept(path, List.of(new Swept.Value(low.value(), f + "[0]", low.text()),
                new Swept.Value(high.value(), f + "[1]", high.text()))));
        return new SensitivityParam(path, low.value(), high.value());
    }

    private static List<String> outputs(JsonNode n) {
        String field = FIELD + ".outputs";
        String expected = "a list of statistics of the summaries table, such as [rate_hz, first_spike_ms]: any of "
                + String.join(", ", NeuronStatistics.NAMES);
        if (!Fields.given(n)) {
            throw Fields.missing(field, expected);
        }
        List<JsonNode> items = Fields.list(n, field, expected);
        if (items.isEmpty()) {
            throw new ConfigException(field, "an empty list", expected);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String f = field + "[" + i + "]";
            String name = Fields.text(items.get(i), f, "a statistic of the summaries table: one of "
                    + String.join(", ", NeuronStatistics.NAMES));
            if (!NeuronStatistics.NAMES.contains(name)) {
                throw new ConfigException(f, "'" + name + "'", "a statistic of the summaries table"
                        + Suggest.hint(name, NeuronStatistics.NAMES) + ": one of " + String.join(", ", NeuronStatistics.NAMES));
            }
            if (out.contains(name)) {
                throw new ConfigException(f, "'" + name + "'", "each statistic once (it is already outputs["
                        + out.indexOf(name) + "])");
            }
            out.add(name);
        }
        return out;
    }

    /** Checks that need the complete base run: a window rate needs a window. */
    static void check(SensitivitySpec sensitivity, RunTemplate base, List<Swept> swept) {
        if (sensitivity == null) {
            return;
        }
        int i = sensitivity.outputs().indexOf("window_rate_hz");
        boolean window = !Double.isNaN(base.windowStartMs())
                || swept.stream().anyMatch(s -> s.path().equals(RunTemplate.WINDOW_START));
        if (i >= 0 && !window) {
            throw new ConfigException(FIELD + ".outputs[" + i + "]", "'window_rate_hz'",
                    "a statistic the runs have: window_rate_hz needs simulation.window");
        }
    }
}
