package org.hhsweep.sim.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hhsweep.sim.model.Channel;
import org.hhsweep.sim.model.Gate;
import org.hhsweep.sim.model.NeuronModel;
import org.hhsweep.sim.model.RateFunction;
import org.hhsweep.sim.network.NetworkSpec;
import org.hhsweep.sim.record.TraceVariable;
import org.hhsweep.sim.sensitivity.SensitivityParam;
import org.hhsweep.sim.sensitivity.SensitivitySpec;
import org.hhsweep.sim.sweep.RunTemplate;
import org.hhsweep.sim.sweep.SearchSpec;
import org.hhsweep.sim.sweep.SweepSpec;

/**
 * The fully resolved config, for the manifest: every default filled in, every quantity a number in
 * engine units (listed in {@code units}), grid axes and sampled fields as ordered lists because
 * their order fixes the run ids. Its hash identifies what a sweep computes.
 */
public final class ResolvedConfig {
    static final JsonNodeFactory FACTORY = JsonNodeFactory.instance;
    /** Where results go and how they are computed do not change them: these are left out of the hash. */
    static final List<String> NOT_HASHED = List.of("output", "execution");
    // Jackson's own shortest-representation double writer: the canonical text of a double must not
    // depend on the JDK's Double.toString, which changed in JDK 19.
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();

    private ResolvedConfig() {
    }

    static ObjectNode build(SweepSpec spec, String output, JsonNode execution) {
        return build(spec, null, output, execution);
    }

    /** With a network, its section replaces model, initial, neurons and stimulus (which it refuses). */
    static ObjectNode build(SweepSpec spec, NetworkSpec network, String output, JsonNode execution) {
        RunTemplate t = spec.base();
        Map<String, String> units = new TreeMap<>();
        ObjectNode root = FACTORY.objectNode();
        root.put("name", spec.name());
        root.put("seed", spec.seed());

        ObjectNode sim = root.putObject("simulation");
        quantity(sim, units, RunTemplate.DURATION, t);
        quantity(sim, units, RunTemplate.DT, t);
        // the name of the code, not the config's spelling: exp_euler and exp_euler_fast are one sweep,
        // and an output recorded as exp_euler (the reference, before issue 11) is another
        sim.put("method", t.method().recordedName());
        if (Double.isNaN(t.windowStartMs())) {
            sim.putNull("window");
        } else {
            ObjectNode w = sim.putObject("window");
            quantity(w, units, RunTemplate.WINDOW_START, t);
            quantity(w, units, RunTemplate.WINDOW_END, t);
        }

        if (network != null) {
            NetworkResolved.write(root.putObject("network"), units, network);
        } else {
            singleNeurons(root, units, t);
        }
        sweep(root, spec);
        record(root, units, t);
        if (output == null) {
            root.putNull("output");
        } else {
            root.put("output", output);
        }
        if (execution != null && !execution.isMissingNode()) {
            root.set("execution", execution.deepCopy());
        }
        ObjectNode u = root.putObject("units");
        units.forEach(u::put);
        return root;
    }

    private static void singleNeurons(ObjectNode root, Map<String, String> units, RunTemplate t) {
        ObjectNode model = root.putObject("model");
        if (t.model().kinetics().equals(ModelLibrary.hh().kinetics())) {
            // the tutorial's kinetics: its eight numbers, as configs resolved before models were data,
            // so those sweeps keep their hash (and --resume keeps working across the upgrade)
            for (String p : TUTORIAL_NUMBERS) {
                quantity(model, units, RunTemplate.MODEL + p, t);
            }
        } else {
            model(model, units, t.model());
        }
        quantity(root.putObject("initial"), units, RunTemplate.V0, t);
        root.put("neurons", t.neurons());

        ObjectNode stim = root.putObject("stimulus");
        stim.put("type", t.stimulus().type());
        for (String f : t.stimulus().paths()) {
            quantity(holder(stim, f), units, RunTemplate.STIMULUS + f, t);
        }
        if (t.stimulus().random()) {
            stim.put("shared", t.stimulus().shared());
            stim.put("rng", t.stimulus().rng());
        }
    }

    private static void sweep(ObjectNode root, SweepSpec spec) {
        ObjectNode sweep = root.putObject("sweep");
        ArrayNode grid = sweep.putArray("grid");
        for (SweepSpec.GridAxis axis : spec.grid()) {
            ObjectNode a = grid.addObject();
            a.put("path", axis.path());
            ArrayNode values = a.putArray("values");
            for (double v : axis.values()) {
                values.add(v);
            }
        }
        sweep.put("seeds", spec.seeds());
        ObjectNode random = sweep.putObject("random");
        random.put("samples", spec.samples());
        ArrayNode params = random.putArray("params");
        for (SweepSpec.RandomParam p : spec.random()) {
            ObjectNode o = params.addObject();
            o.put("path", p.path());
            o.put("distribution", p.distribution().configName());
            o.put("a", p.a());
            o.put("b", p.b());
        }
        if (spec.search() == null) {
            sweep.putNull("search");
        } else {
            SearchSpec s = spec.search();
            ObjectNode o = sweep.putObject("search");
            o.put("param", s.path());
            o.put("from", s.from());
            o.put("to", s.to());
            o.put("tolerance", s.tolerance());
            o.put("criterion", s.criterion().toString());
        }
        // only when given, so that configs without it keep their hash
        if (spec.sensitivity() != null) {
            sensitivity(sweep.putObject("sensitivity"), spec.sensitivity());
        }
        // only when given, so that configs without links keep their hash
        if (!spec.links().isEmpty()) {
            ArrayNode links = sweep.putArray("link");
            for (SweepSpec.Link l : spec.links()) {
                ObjectNode o = links.addObject();
                o.put("path", l.follower());
                o.put("leader", l.leader());
            }
        }
        sweep.put("runs", spec.runCount());
    }

    /** sweep.sensitivity as read: ranges as {path, low, high} in their engine units; levels for morris only. */
    private static void sensitivity(ObjectNode out, SensitivitySpec s) {
        out.put("method", s.method().configName());
        out.put("samples", s.samples());
        if (s.morris() != null) {
            out.put("levels", s.levels());
        }
        ArrayNode params = out.putArray("params");
        for (SensitivityParam p : s.params()) {
            params.addObject().put("path", p.path()).put("low", p.low()).put("high", p.high());
        }
        ArrayNode outputs = out.putArray("outputs");
        s.outputs().forEach(outputs::add);
    }

    private static void record(ObjectNode root, Map<String, String> units, RunTemplate t) {
        ObjectNode record = root.putObject("record");
        if (t.tracedNeurons() > 0) {
            ObjectNode traces = record.putObject("traces");
            ArrayNode vars = traces.putArray("variables");
            for (TraceVariable v : t.traceVariables()) {
                vars.add(v.label());
            }
            traces.put("every", t.traceEveryMs());
            units.put(RunChecks.TRACE_EVERY, RunChecks.unit(t, RunChecks.TRACE_EVERY).symbol());
            traces.put("neurons", t.tracedNeurons());
            // only when quantised, so lossless sweeps keep the hash they had before the key existed
            if (t.traceQuantization().active()) {
                ObjectNode steps = traces.putObject("quantize");
                t.traceQuantization().steps().forEach((v, step) -> {
                    steps.put(v.label(), step);
                    units.put("record.traces.quantize." + v.label(), v.unit());
                });
            }
        } else {
            record.putNull("traces");
        }
        record.put("spikes", t.keepSpikeTimes());
        // only when asked for, so configs without it keep the hash they had before the key existed
        if (!Double.isNaN(t.ratesBinMs())) {
            record.putObject("rates").put("bin", t.ratesBinMs());
            units.put(ConfigReader.RATES_BIN, org.hhsweep.sim.units.EngineUnit.MILLISECOND.symbol());
        }
    }

    /** The tutorial model's numbers in the order resolved configs have always listed them. */
    static final List<String> TUTORIAL_NUMBERS = List.of("ENa", "gNa", "EK", "gK", "EL", "gL", "C", "V_th");

    /**
     * The model fully resolved: every channel, gate, rate function and number, whether it came
     * from the library, a model file or the config, so the manifest alone says what was simulated.
     */
    public static void model(ObjectNode out, Map<String, String> units, NeuronModel m) {
        model(out, units, m, RunTemplate.MODEL);
    }

    /** As {@link #model(ObjectNode, Map, NeuronModel)} for a model section whose paths start with {@code prefix}. */
    static void model(ObjectNode out, Map<String, String> units, NeuronModel m, String prefix) {
        modelNumber(out, units, prefix, "C", m.C());
        modelNumber(out, units, prefix, "V_th", m.Vth());
        modelNumber(out, units, prefix, "phi", m.phi());
        ObjectNode channels = out.putObject("channels");
        for (Channel c : m.channels()) {
            String cp = NeuronModel.CHANNELS + c.name() + ".";
            ObjectNode co = channels.putObject(c.name());
            modelNumber(co, units, prefix, cp + "g", c.g());
            modelNumber(co, units, prefix, cp + "E", c.E());
            ObjectNode gates = co.putObject("gates");
            for (Gate g : c.gates()) {
                String gp = cp + NeuronModel.GATES + g.name() + ".";
                ObjectNode go = gates.putObject(g.name());
                go.put("power", g.power());
                go.put("instantaneous", g.instantaneous());
                if (!Double.isNaN(g.phi())) {
                    modelNumber(go, units, prefix, gp + "phi", g.phi());
                }
                if (!Double.isNaN(g.initial())) {
                    modelNumber(go, units, prefix, gp + "initial", g.initial());
                }
                rate(go.putObject("alpha"), units, prefix, gp + "alpha.", g.alpha());
                rate(go.putObject("beta"), units, prefix, gp + "beta.", g.beta());
            }
        }
    }

    /**
     * The model a resolved model section describes: what {@link #model} writes (a {@code units}
     * object beside the numbers is ignored), or the tutorial's eight numbers, which mean hh with
     * those numbers. How the analysis side gets back the model an output simulated.
     *
     * @throws ConfigException naming the first field that is not as written here
     */
    public static NeuronModel readModel(JsonNode section) {
        if (section == null || !section.isObject()) {
            throw new ConfigException("model", section == null ? "nothing" : Fields.show(section),
                    "a resolved model (channels, gates and numbers in engine units)");
        }
        ObjectNode tree = (ObjectNode) section.deepCopy();
        tree.remove("units");
        return ModelReader.readResolved(tree);
    }

    private static void rate(ObjectNode out, Map<String, String> units, String section, String prefix, RateFunction f) {
        out.put("form", f.form().configName());
        for (String n : RateFunction.NUMBERS) {
            modelNumber(out, units, section, prefix + n, f.get(n));
        }
    }

    private static void modelNumber(ObjectNode parent, Map<String, String> units, String section, String path,
                                    double value) {
        parent.put(path.substring(path.lastIndexOf('.') + 1), value);
        if (NeuronModel.unitOf(path) != org.hhsweep.sim.units.EngineUnit.DIMENSIONLESS) {
            units.put(section + path, NeuronModel.unitOf(path).symbol());
        }
    }

    private static void quantity(ObjectNode parent, Map<String, String> units, String path, RunTemplate t) {
        parent.put(path.substring(path.lastIndexOf('.') + 1), t.get(path));
        units.put(path, t.unit(path).symbol());
    }

    /**
     * The object that holds the last part of a path within its section, made as needed, so that a
     * model's nested paths resolve as the config writes them: channels.na.g in {channels: {na: {g}}}.
     */
    private static ObjectNode holder(ObjectNode section, String relative) {
        ObjectNode o = section;
        String[] parts = relative.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            o = o.has(parts[i]) ? (ObjectNode) o.get(parts[i]) : o.putObject(parts[i]);
        }
        return o;
    }

    /** Hex SHA-256 of the canonical form of {@code resolved} (sorted keys, compact), without {@link #NOT_HASHED}. */
    static String hash(JsonNode resolved) {
        JsonNode copy = resolved.deepCopy();
        if (copy instanceof ObjectNode o) {
            o.remove(NOT_HASHED);
        }
        try {
            byte[] text = CANONICAL.writeValueAsBytes(sorted(copy));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the resolved config", e);
        }
    }

    /** A copy with every object's keys in sorted order (arrays keep theirs: their order means something). */
    static JsonNode sorted(JsonNode n) {
        if (n.isObject()) {
            ObjectNode out = FACTORY.objectNode();
            List<String> keys = new ArrayList<>();
            n.fieldNames().forEachRemaining(keys::add);
            Collections.sort(keys);
            for (String k : keys) {
                out.set(k, sorted(n.get(k)));
            }
            return out;
        }
        if (n.isArray()) {
            ArrayNode out = FACTORY.arrayNode();
            n.forEach(x -> out.add(sorted(x)));
            return out;
        }
        return n;
    }
}
