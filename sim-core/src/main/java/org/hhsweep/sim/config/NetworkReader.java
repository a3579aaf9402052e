package org.hhsweep.sim.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hhsweep.sim.model.NeuronModel;
import org.hhsweep.sim.network.ConnectRule;
import org.hhsweep.sim.network.Connectivity;
import org.hhsweep.sim.network.InitialValue;
import org.hhsweep.sim.network.NetworkSpec;
import org.hhsweep.sim.network.Population;
import org.hhsweep.sim.network.SynapseGroup;
import org.hhsweep.sim.stimulus.StimulusSpec;
import org.hhsweep.sim.units.EngineUnit;
import org.hhsweep.sim.units.Units;

/**
 * Reads a config's {@code network} section into a {@link NetworkSpec}: populations (a model and a
 * stimulus section each, read as the top-level ones are) and synapse groups between them. Every
 * reference and number is checked here, so the engine never sees a network it cannot run at the
 * base step; errors name the field's full path ({@code network.synapses.EE.connect.p}).
 */
final class NetworkReader {
    static final String FIELD = "network";
    static final String POPULATIONS = FIELD + ".populations";
    static final String SYNAPSES = FIELD + ".synapses";
    static final List<String> KEYS = List.of("populations", "synapses");
    static final List<String> POPULATION_KEYS = List.of("size", "model", "stimulus", "initial", "refractory");
    static final List<String> SYNAPSE_KEYS = List.of("from", "to", "connect", "weight", "tau", "E", "delay");
    static final String P = "p";
    static final String INDEGREE = "indegree";
    static final String ONE_TO_ONE = "one_to_one";
    static final String ALL_TO_ALL = "all_to_all";
    static final String AUTAPSES = "autapses";
    static final List<String> RULES = List.of(P, INDEGREE, ONE_TO_ONE, ALL_TO_ALL);
    static final List<String> CONNECT_KEYS = List.of(P, INDEGREE, ONE_TO_ONE, ALL_TO_ALL, AUTAPSES);
    static final List<String> DISTRIBUTIONS = List.of("normal", "uniform");
    private static final String CONNECT_EXPECTED = "a rule: {p: 0.02} (each pair with that probability), {indegree: 100}"
            + " (each target from that many sources), one_to_one or all_to_all";
    private static final String POPULATIONS_EXPECTED = "a mapping of populations such as {E: {size: 3200, model: {base:"
            + " traub_miles}}, I: {size: 800, model: {base: traub_miles}}}";

    /** What the config reader lends: quantities recorded as written, and its stimulus section reader. */
    interface Context {
        double quantity(JsonNode n, String field, EngineUnit unit);

        StimulusSpec stimulus(JsonNode n, String field, int neurons);

        /** A field's value as written, or null when it was not read as a quantity. */
        String written(String field);
    }

    private final Context context;
    private final Path configDir;
    private final double dt;

    private NetworkReader(Context context, Path configDir, double dt) {
        this.context = context;
        this.configDir = configDir;
        this.dt = dt;
    }

    /** @param dt the base run's step, which every delay must be a whole number of */
    static NetworkSpec read(JsonNode n, Path configDir, double dt, Context context) {
        return new NetworkReader(context, configDir, dt).network(n);
    }

    private NetworkSpec network(JsonNode n) {
        ObjectNode net = Fields.section(n, FIELD, KEYS);
        JsonNode pops = net.get("populations");
        if (!Fields.given(pops) || !pops.isObject() || pops.isEmpty()) {
            throw new ConfigException(POPULATIONS, Fields.given(pops) ? Fields.show(pops) : "nothing", POPULATIONS_EXPECTED);
        }
        Map<String, ObjectNode> popNodes = new LinkedHashMap<>();
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = pops.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String field = POPULATIONS + "." + ModelReader.checkName(e.getKey(), POPULATIONS, "population");
            ObjectNode o = Fields.section(e.getValue(), field, POPULATION_KEYS);
            if (!Fields.given(o.get("size"))) {
                throw Fields.missing(field + ".size", "a whole number of neurons >= 1");
            }
            sizes.put(e.getKey(), Fields.integer(o.get("size"), field + ".size", 1, Integer.MAX_VALUE, " (neurons)"));
            popNodes.put(e.getKey(), o);
        }
        long total = sizes.values().stream().mapToLong(Integer::longValue).sum();
        if (total > Integer.MAX_VALUE) {
            throw new ConfigException(POPULATIONS, total + " neurons in all", "at most " + Integer.MAX_VALUE
                    + " neurons in a network");
        }

        List<SynapseGroup> groups = new ArrayList<>();
        JsonNode syns = net.get("synapses");
        if (Fields.given(syns)) {
            if (!syns.isObject()) {
                throw new ConfigException(SYNAPSES, Fields.show(syns), "a mapping of synapse groups such as {EE: {from: E,"
                        + " to: E, connect: {p: 0.02}, weight: 0.03 mS/cm^2, tau: 5 ms, E: 0 mV}}");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = syns.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                groups.add(synapseGroup(e.getKey(), e.getValue(), sizes));
            }
        }

        List<Population> populations = new ArrayList<>();
        for (Map.Entry<String, ObjectNode> e : popNodes.entrySet()) {
            List<SynapseGroup> incoming = groups.stream().filter(s -> s.to().equals(e.getKey())).toList();
            populations.add(population(e.getKey(), sizes.get(e.getKey()), e.getValue(), incoming));
        }
        try {
            return new NetworkSpec(populations, groups);
        } catch (IllegalArgumentException e) {
            // every rule of NetworkSpec is checked above with its field; this is a backstop
            throw new ConfigException(FIELD, e.getMessage(), "a network the engine can run", e);
        }
    }

    private Population population(String name, int size, ObjectNode o, List<SynapseGroup> incoming) {
        String field = POPULATIONS + "." + name;
        NeuronModel model = ModelReader.read(o.get("model"), field + ".model", configDir, context::quantity);
        RunChecks.Problem problem = RunChecks.model(model, field + ".model.");
        if (problem != null) {
            throw asException(problem, path -> NeuronModel.unitOf(path.substring((field + ".model.").length())),
                    path -> model.get(path.substring((field + ".model.").length())));
        }
        for (SynapseGroup s : incoming) {
            if (model.channel(s.conductance()) != null) {
                throw new ConfigException(field + ".model.channels." + s.conductance(), "a channel called " + s.conductance(),
                        "no channel of that name: synapse group " + s.name() + " adds its conductance " + s.conductance());
            }
        }
        StimulusSpec stimulus = context.stimulus(o.get("stimulus"), field + ".stimulus", size);
        if (StimulusSpec.RNG_JAX.equals(stimulus.rng())) {
            throw new ConfigException(field + ".stimulus.rng", stimulus.rng(),
                    "rng: default: a network draws its inputs from the project's generator (the JAX replay is per run of"
                            + " one population)");
        }
        String prefix = field + ".stimulus.";
        problem = RunChecks.stimulus(stimulus, prefix, f -> prefix + f + " ("
                + Units.format(stimulus.get(f), stimulus.unit(f)) + ")");
        if (problem != null) {
            throw asException(problem, path -> stimulus.unit(path.substring(prefix.length())),
                    path -> stimulus.get(path.substring(prefix.length())));
        }
        Map<String, InitialValue> initial = Fields.given(o.get("initial"))
                ? initial(o.get("initial"), field + ".initial", incoming) : Map.of();
        double refractory = Fields.given(o.get("refractory"))
                ? context.quantity(o.get("refractory"), field + ".refractory", EngineUnit.MILLISECOND) : 0.0;
        if (!(refractory >= 0)) {
            throw new ConfigException(field + ".refractory", context.written(field + ".refractory"),
                    "a time >= 0 (no new spike within it after a spike; 0 for none)");
        }
        return new Population(name, size, model, stimulus, initial, refractory);
    }

    /** A broken rule as an error at its first field, with the value as written or as it is. */
    private ConfigException asException(RunChecks.Problem p, java.util.function.Function<String, EngineUnit> unit,
                                        java.util.function.ToDoubleFunction<String> value) {
        Map.Entry<String, String> first = p.expectedByField().entrySet().stream()
                .filter(e -> context.written(e.getKey()) != null).findFirst()
                .orElse(p.expectedByField().entrySet().iterator().next());
        String field = first.getKey();
        String shown = context.written(field) != null ? context.written(field)
                : Units.format(value.applyAsDouble(field), unit.apply(field)) + " (the default)";
        return new ConfigException(field, shown, first.getValue());
    }

    private Map<String, InitialValue> initial(JsonNode n, String field, List<SynapseGroup> incoming) {
        List<String> known = new ArrayList<>(List.of(Population.V));
        incoming.forEach(s -> known.add(s.conductance()));
        ObjectNode o = Fields.section(n, field, known);
        Map<String, InitialValue> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (Fields.given(e.getValue())) {
                EngineUnit unit = e.getKey().equals(Population.V) ? EngineUnit.MILLIVOLT : EngineUnit.MILLISIEMENS_PER_CM2;
                out.put(e.getKey(), initialValue(e.getValue(), field + "." + e.getKey(), unit));
            }
        }
        return out;
    }

    /** A value, {normal: [mean, sd]} or {uniform: [low, high]}, in the variable's unit. */
    private InitialValue initialValue(JsonNode n, String field, EngineUnit unit) {
        String example = Units.example(unit);
        if (!n.isObject()) {
            double v = context.quantity(n, field, unit);
            if (unit == EngineUnit.MILLISIEMENS_PER_CM2 && v < 0) {
                throw new ConfigException(field, context.written(field), "a conductance density >= 0");
            }
            return InitialValue.of(v);
        }
        Fields.section(n, field, DISTRIBUTIONS);
        if (n.size() != 1) {
            throw new ConfigException(field, Fields.show(n), "one value such as \"" + example
                    + "\", or one distribution: {normal: [mean, sd]} or {uniform: [low, high]}");
        }
        String kind = n.fieldNames().next();
        String f = field + "." + kind;
        JsonNode args = n.get(kind);
        String pair = kind.equals("normal") ? "[mean, sd]" : "[low, high]";
        if (!args.isArray() || args.size() != 2) {
            throw new ConfigException(f, Fields.given(args) ? Fields.show(args) : "nothing",
                    "a list of two " + Units.dimensionName(unit) + " values, " + pair);
        }
        double a = context.quantity(args.get(0), f + "[0]", unit);
        double b = context.quantity(args.get(1), f + "[1]", unit);
        if (kind.equals("normal")) {
            if (!(b >= 0)) {
                throw new ConfigException(f + "[1]", context.written(f + "[1]"), "a standard deviation >= 0");
            }
            return InitialValue.normal(a, b);
        }
        if (!(b >= a)) {
            throw new ConfigException(f + "[1]", context.written(f + "[1]"), "an upper bound >= the lower bound "
                    + context.written(f + "[0]"));
        }
        return InitialValue.uniform(a, b);
    }

    private SynapseGroup synapseGroup(String name, JsonNode n, Map<String, Integer> sizes) {
        String field = SYNAPSES + "." + ModelReader.checkName(name, SYNAPSES, "synapse group");
        ObjectNode o = Fields.section(n, field, SYNAPSE_KEYS);
        List<String> populations = List.copyOf(sizes.keySet());
        String from = population(o.get("from"), field + ".from", populations);
        String to = population(o.get("to"), field + ".to", populations);
        ConnectRule connect = connect(o.get("connect"), field + ".connect", from, to, sizes);
        double weight = required(o.get("weight"), field + ".weight", EngineUnit.MILLISIEMENS_PER_CM2, "0.03 mS/cm^2");
        if (!(weight >= 0)) {
            throw new ConfigException(field + ".weight", context.written(field + ".weight"),
                    "a conductance density >= 0 (added to the target's g per spike)");
        }
        double tau = required(o.get("tau"), field + ".tau", EngineUnit.MILLISECOND, "5 ms");
        if (!(tau > 0)) {
            throw new ConfigException(field + ".tau", context.written(field + ".tau"), "a positive decay time constant");
        }
        double e = required(o.get("E"), field + ".E", EngineUnit.MILLIVOLT, "0 mV");
        double delay = Fields.given(o.get("delay"))
                ? context.quantity(o.get("delay"), field + ".delay", EngineUnit.MILLISECOND) : 0.0;
        SynapseGroup group = new SynapseGroup(name, from, to, connect, weight, tau, e, Math.max(delay, 0.0));
        String steps = "simulation.dt (" + Units.format(dt, EngineUnit.MILLISECOND) + ")";
        if (delay < 0) {
            throw new ConfigException(field + ".delay", context.written(field + ".delay"), "a delay >= 0");
        }
        if (!(dt > 0)) {
            return group; // the base run's checks refuse the step itself
        }
        if (delay > 0 && delay < dt * (1 - RunChecks.TOLERANCE)) {
            throw new ConfigException(field + ".delay", context.written(field + ".delay"),
                    "0 or a delay of at least one step of " + steps);
        }
        if (group.delaySteps(dt) < 0) {
            throw new ConfigException(field + ".delay", context.written(field + ".delay"),
                    "a whole number of steps of " + steps + ", such as " + Units.format(Math.rint(delay / dt) * dt,
                            EngineUnit.MILLISECOND));
        }
        return group;
    }

    private double required(JsonNode n, String field, EngineUnit unit, String example) {
        if (!Fields.given(n)) {
            throw Fields.missing(field, "a " + Units.dimensionName(unit) + " such as \"" + example + "\"");
        }
        return context.quantity(n, field, unit);
    }

    private static String population(JsonNode n, String field, List<String> populations) {
        if (!Fields.given(n)) {
            throw Fields.missing(field, "one of " + String.join(", ", populations) + " (the populations)");
        }
        return Fields.choice(n, field, populations);
    }

    private ConnectRule connect(JsonNode n, String field, String from, String to, Map<String, Integer> sizes) {
        if (!Fields.given(n)) {
            throw Fields.missing(field, CONNECT_EXPECTED);
        }
        int sources = sizes.get(from);
        int targets = sizes.get(to);
        boolean recurrent = from.equals(to);
        ConnectRule rule;
        String ruleField;
        if (n.isTextual()) {
            String name = Fields.choice(n, field, List.of(ONE_TO_ONE, ALL_TO_ALL));
            rule = name.equals(ONE_TO_ONE) ? new ConnectRule.OneToOne() : new ConnectRule.AllToAll(true);
            ruleField = field;
        } else {
            ObjectNode o = Fields.section(n, field, CONNECT_KEYS);
            List<String> given = RULES.stream().filter(r -> Fields.given(o.get(r))).toList();
            if (given.size() != 1) {
                throw new ConfigException(field, Fields.show(n), "exactly one rule of " + String.join(", ", RULES)
                        + " (with autapses: false to leave out self-connections)");
            }
            String name = given.get(0);
            ruleField = field + "." + name;
            boolean autapses = !Fields.given(o.get(AUTAPSES)) || Fields.bool(o.get(AUTAPSES), field + "." + AUTAPSES);
            rule = switch (name) {
                case P -> probability(o.get(P), ruleField, autapses);
                case INDEGREE -> new ConnectRule.InDegree(Fields.integer(o.get(INDEGREE), ruleField, 0, Integer.MAX_VALUE,
                        " (sources per target)"), autapses);
                default -> {
                    if (!Fields.bool(o.get(name), ruleField)) {
                        throw new ConfigException(ruleField, "false", "true (or the rule as a string: connect: " + name + ")");
                    }
                    if (name.equals(ONE_TO_ONE) && Fields.given(o.get(AUTAPSES))) {
                        throw new ConfigException(field + "." + AUTAPSES, Fields.show(o.get(AUTAPSES)),
                                "no autapses key: one_to_one pairs source i with target i, nothing else");
                    }
                    yield name.equals(ONE_TO_ONE) ? new ConnectRule.OneToOne() : new ConnectRule.AllToAll(autapses);
                }
            };
        }
        String problem = rule.problem(sources, targets, recurrent);
        if (problem != null) {
            throw new ConfigException(ruleField, Fields.show(n.isTextual() ? n : n.get(ruleField.substring(field.length() + 1)))
                    + " from " + from + " (" + sources + " neurons) to " + to + " (" + targets + " neurons)", problem);
        }
        double expected = rule.expectedSynapses(sources, targets, recurrent);
        if (expected > Connectivity.MAX_SYNAPSES) {
            throw new ConfigException(ruleField, String.format("about %.3g synapses", expected),
                    "at most " + Connectivity.MAX_SYNAPSES + " synapses in one group");
        }
        return rule;
    }

    private ConnectRule probability(JsonNode n, String field, boolean autapses) {
        double p = context.quantity(n, field, EngineUnit.DIMENSIONLESS);
        if (!(p >= 0 && p <= 1)) {
            throw new ConfigException(field, context.written(field), "a probability from 0 to 1");
        }
        return new ConnectRule.Probability(p, autapses);
    }
}
