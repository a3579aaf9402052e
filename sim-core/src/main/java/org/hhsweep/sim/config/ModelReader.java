package org.hhsweep.sim.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hhsweep.sim.model.Channel;
import org.hhsweep.sim.model.Gate;
import org.hhsweep.sim.model.NeuronModel;
import org.hhsweep.sim.model.RateForm;
import org.hhsweep.sim.model.RateFunction;
import org.hhsweep.sim.units.EngineUnit;
import org.hhsweep.sim.units.Units;

/**
 * Reads a config's {@code model} section into a {@link NeuronModel}: a library model to start from
 * ({@code base}), a model file ({@code file}), channels and gates merged over those by name, and
 * the tutorial's short names (gNa, ...). Nothing downstream parses text. See docs/models.md.
 */
final class ModelReader {
    static final String DEFAULT_BASE = "hh";
    static final List<String> KEYS;
    static final List<String> FILE_KEYS;
    static final List<String> CHANNEL_KEYS = List.of("g", "E", "gates");
    static final List<String> GATE_KEYS = List.of("power", "alpha", "beta", "phi", "instantaneous", "initial");
    static final List<String> RATE_KEYS = List.of("form", "rate", "midpoint", "scale");
    static final double DEFAULT_C = 1.0;
    static final double DEFAULT_PHI = 1.0;
    /** Channel and gate names: one path component each, as output columns spell them. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    static {
        // the tutorial's names first, in the order messages have always listed them
        List<String> file = new ArrayList<>(NeuronModel.ALIAS_ORDER);
        file.addAll(List.of("C", "V_th", "phi", "base", "channels"));
        FILE_KEYS = List.copyOf(file);
        List<String> keys = new ArrayList<>(FILE_KEYS);
        keys.add("file");
        KEYS = List.copyOf(keys);
    }

    /** Reads a quantity that is given, recording how it was written. */
    interface Quantities {
        double read(JsonNode n, String field, EngineUnit unit);
    }

    private final Quantities quantities;

    private ModelReader(Quantities quantities) {
        this.quantities = quantities;
    }

    /**
     * The model of a config's section (null or absent: the tutorial's hh).
     *
     * @param configDir where a relative {@code model.file} is looked for
     */
    static NeuronModel read(JsonNode section, Path configDir, Quantities quantities) {
        return read(section, "model", configDir, quantities);
    }

    /** As {@link #read(JsonNode, Path, Quantities)} for a model section at {@code field} (a population's). */
    static NeuronModel read(JsonNode section, String field, Path configDir, Quantities quantities) {
        JsonNode tree = Fields.given(section) ? section : ModelLibrary.FACTORY.objectNode();
        ObjectNode given = Fields.section(tree, field, KEYS).deepCopy();
        if (Fields.given(given.get("file"))) {
            String name = Fields.text(given.get("file"), field + ".file", "the path of a model file such as \"cells/my_cell.yaml\"");
            ObjectNode fromFile = ModelFile.read(configDir.resolve(name), name, field + ".file");
            given.remove("file");
            given = merge(fromFile, given);
        } else {
            given.remove("file");
        }
        return new ModelReader(quantities).resolve(given, field);
    }

    /**
     * A model as resolved configs and manifests write it, numbers in engine units; the library's
     * text under an eight-number section (hh with the tutorial's names) is read as ever.
     */
    static NeuronModel readResolved(ObjectNode tree) {
        return new ModelReader((n, field, unit) -> n.isNumber() ? n.doubleValue() : Units.toEngine(n.asText(), unit))
                .resolve(tree, "model");
    }

    /** A model tree (library or user) with its base merged in, as a model. */
    NeuronModel resolve(ObjectNode given, String field) {
        ObjectNode tree = withBase(given, field);
        return parse(tree, field, Fields.given(given.get("base")) || !Fields.given(given.get("channels")));
    }

    /** The tree with its base's tree under it; without channels the base is hh, with channels none. */
    static ObjectNode withBase(ObjectNode given, String field) {
        String base = null;
        if (Fields.given(given.get("base"))) {
            base = Fields.choice(given.get("base"), field + ".base", ModelLibrary.NAMES);
        } else if (!Fields.given(given.get("channels"))) {
            base = DEFAULT_BASE;
        }
        ObjectNode own = given.deepCopy();
        own.remove("base");
        return base == null ? own : merge(withBase(ModelLibrary.tree(base), field + ".base"), own);
    }

    /**
     * over on top of under: mappings merge key by key (channels and gates by name, a new name adds
     * one), anything else replaces; a rate function given with a form replaces the under one whole.
     */
    static ObjectNode merge(ObjectNode under, ObjectNode over) {
        ObjectNode out = under.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = over.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode old = out.get(e.getKey());
            JsonNode value = e.getValue();
            boolean replaces = !value.isObject() || old == null || !old.isObject()
                    || ((e.getKey().equals("alpha") || e.getKey().equals("beta")) && value.has("form"));
            out.set(e.getKey(), replaces ? value.deepCopy() : merge((ObjectNode) old, (ObjectNode) value));
        }
        return out;
    }

    private NeuronModel parse(ObjectNode tree, String field, boolean hasBase) {
        Fields.section(tree, field, FILE_KEYS);
        double c = number(tree.get("C"), field + ".C", EngineUnit.MICROFARAD_PER_CM2, DEFAULT_C);
        if (!hasBase && !Fields.given(tree.get("V_th"))) {
            throw Fields.missing(field + ".V_th", "a voltage such as \"-20 mV\": the spike threshold (upward"
                    + " crossings) of a model without a base (with channels and no base the model is exactly those"
                    + " channels; add base: hh to change the tutorial's)");
        }
        double vth = number(tree.get("V_th"), field + ".V_th", EngineUnit.MILLIVOLT, Double.NaN);
        double phi = number(tree.get("phi"), field + ".phi", EngineUnit.DIMENSIONLESS, DEFAULT_PHI);
        String cf = field + ".channels";
        if (!Fields.given(tree.get("channels")) || !tree.get("channels").isObject() || tree.get("channels").isEmpty()) {
            throw new ConfigException(cf, Fields.given(tree.get("channels")) ? Fields.show(tree.get("channels")) : "nothing",
                    "a mapping of channels such as {leak: {g: 0.03 mS/cm^2, E: -54.4 mV}}");
        }
        List<Channel> channels = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.get("channels").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            channels.add(channel(e.getKey(), e.getValue(), cf + "." + checkName(e.getKey(), cf, "channel")));
        }
        NeuronModel model = new NeuronModel(c, vth, phi, channels);
        for (String alias : NeuronModel.ALIAS_ORDER) {
            JsonNode n = tree.get(alias);
            if (Fields.given(n)) {
                String target = NeuronModel.ALIASES.get(alias);
                double v = number(n, field + "." + alias, NeuronModel.unitOf(target), Double.NaN);
                if (!model.has(target)) {
                    String channel = target.split("\\.")[1];
                    throw new ConfigException(field + "." + alias, Fields.show(n), "a model with a channel '" + channel
                            + "' (" + alias + " stands for " + field + "." + target + ")");
                }
                model = model.with(target, v);
            }
        }
        return model;
    }

    static String checkName(String name, String parent, String what) {
        if (!NAME.matcher(name).matches()) {
            throw new ConfigException(parent + "." + name, "a " + what + " called '" + name + "'",
                    "a " + what + " name of letters, digits and _, starting with a letter (it becomes part of paths and columns)");
        }
        return name;
    }

    private Channel channel(String name, JsonNode n, String field) {
        ObjectNode o = Fields.section(n, field, CHANNEL_KEYS);
        double g = number(o.get("g"), field + ".g", EngineUnit.MILLISIEMENS_PER_CM2, Double.NaN);
        double e = number(o.get("E"), field + ".E", EngineUnit.MILLIVOLT, Double.NaN);
        List<Gate> gates = new ArrayList<>();
        if (Fields.given(o.get("gates"))) {
            String gf = field + ".gates";
            if (!o.get("gates").isObject()) {
                throw new ConfigException(gf, Fields.show(o.get("gates")),
                        "a mapping of gates such as {n: {power: 4, alpha: {...}, beta: {...}}}");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = o.get("gates").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> ge = it.next();
                gates.add(gate(ge.getKey(), ge.getValue(), gf + "." + checkName(ge.getKey(), gf, "gate")));
            }
        }
        return new Channel(name, g, e, gates);
    }

    private Gate gate(String name, JsonNode n, String field) {
        ObjectNode o = Fields.section(n, field, GATE_KEYS);
        double power = Fields.given(o.get("power"))
                ? Fields.integer(o.get("power"), field + ".power", 1, Gate.MAX_POWER, " (the gate's exponent)") : 1;
        RateFunction alpha = rate(o.get("alpha"), field + ".alpha");
        RateFunction beta = rate(o.get("beta"), field + ".beta");
        double phi = Fields.given(o.get("phi"))
                ? number(o.get("phi"), field + ".phi", EngineUnit.DIMENSIONLESS, Double.NaN) : Double.NaN;
        boolean instantaneous = Fields.given(o.get("instantaneous")) && Fields.bool(o.get("instantaneous"), field + ".instantaneous");
        double initial = Double.NaN;
        if (Fields.given(o.get("initial"))) {
            if (instantaneous) {
                throw new ConfigException(field + ".initial", Fields.show(o.get("initial")),
                        "no initial value: an instantaneous gate is always at its steady state");
            }
            initial = number(o.get("initial"), field + ".initial", EngineUnit.DIMENSIONLESS, Double.NaN);
        }
        return new Gate(name, power, alpha, beta, phi, instantaneous, initial);
    }

    private RateFunction rate(JsonNode n, String field) {
        if (!Fields.given(n)) {
            throw Fields.missing(field, "a rate function such as {form: exponential, rate: 4 /ms, midpoint: -65 mV,"
                    + " scale: -18 mV} (a gate needs both alpha and beta)");
        }
        ObjectNode o = Fields.section(n, field, RATE_KEYS);
        if (!Fields.given(o.get("form"))) {
            throw Fields.missing(field + ".form", "one of " + String.join(", ", RateForm.configNames()));
        }
        RateForm form = RateForm.fromConfigName(Fields.choice(o.get("form"), field + ".form", RateForm.configNames()));
        double rate = number(o.get("rate"), field + ".rate", EngineUnit.PER_MILLISECOND, Double.NaN);
        double midpoint = number(o.get("midpoint"), field + ".midpoint", EngineUnit.MILLIVOLT, Double.NaN);
        double scale = number(o.get("scale"), field + ".scale", EngineUnit.MILLIVOLT, Double.NaN);
        return new RateFunction(form, rate, midpoint, scale);
    }

    /** A given quantity, or the default; a missing one without default is an error. */
    private double number(JsonNode n, String field, EngineUnit unit, double dflt) {
        if (!Fields.given(n)) {
            if (Double.isNaN(dflt)) {
                throw Fields.missing(field, "a " + org.hhsweep.sim.units.Units.dimensionName(unit) + " such as \""
                        + Fields.example(field, unit) + "\"");
            }
            return dflt;
        }
        return quantities.read(n, field, unit);
    }
}
