package org.hhsweep.sim.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hhsweep.sim.NeuronSpec;
import org.hhsweep.sim.fit.FitSpec;
import org.hhsweep.sim.integrate.Method;
import java.nio.file.Path;
import org.hhsweep.sim.model.NeuronModel;
import org.hhsweep.sim.network.NetworkSpec;
import org.hhsweep.sim.network.SynapseGroup;
import org.hhsweep.sim.record.TraceQuantization;
import org.hhsweep.sim.record.TraceVariable;
import org.hhsweep.sim.stimulus.StimulusSpec;
import org.hhsweep.sim.stimulus.StimulusType;
import org.hhsweep.sim.sweep.RunTemplate;
import org.hhsweep.sim.sweep.SweepSpec;
import org.hhsweep.sim.units.EngineUnit;
import org.hhsweep.sim.units.Units;

/**
 * Reads a config tree into a {@link SweepConfig}: every section with its defaults, then the sweep,
 * then the checks on the base run and on every swept value. The first error is thrown.
 */
final class ConfigReader {
    static final List<String> TOP_KEYS = List.of("name", "seed", "simulation", "model", "initial", "neurons",
            "stimulus", "network", "sweep", "fit", "record", "output", "execution");
    /** The sections a network replaces: each population has its own model, size, initial values and input. */
    static final Map<String, String> NOT_WITH_NETWORK = new LinkedHashMap<>(Map.of("model", "model", "initial",
            "initial", "neurons", "size", "stimulus", "stimulus"));
    static final List<String> SIMULATION_KEYS = List.of("duration", "dt", "method", "window");
    static final List<String> WINDOW_KEYS = List.of("start", "end");
    static final List<String> INITIAL_KEYS = List.of("V");
    static final List<String> RECORD_KEYS = List.of("traces", "spikes", "rates");
    static final List<String> RATES_KEYS = List.of("bin");
    static final String RATES_BIN = "record.rates.bin";
    static final List<String> TRACE_KEYS = List.of("variables", "every", "neurons", "quantize");
    static final String TRACE_QUANTIZE = "record.traces.quantize";
    /** record.traces.quantize's value for float32 samples. */
    static final String LOSSLESS = "none";
    static final double DEFAULT_DT_MS = 0.01;
    static final int DEFAULT_TRACED_NEURONS = 1;

    /** Base fields as written, for messages about them. */
    private final Map<String, String> written = new HashMap<>();
    /** Required base fields the config leaves out; fine when swept (the base takes the first swept value). */
    private final Map<String, String> missing = new LinkedHashMap<>();

    private final Path configDir;

    private ConfigReader(Path configDir) {
        this.configDir = configDir;
    }

    /** @param configDir where the config's relative paths (model.file) are looked for */
    static SweepConfig read(JsonNode root, String defaultName, Path configDir) {
        return new ConfigReader(configDir).readConfig(root, defaultName);
    }

    private SweepConfig readConfig(JsonNode root, String defaultName) {
        ObjectNode top = Fields.section(root, "", TOP_KEYS);
        String name = Fields.given(top.get("name")) ? SweepName.read(top.get("name")) : defaultName;
        long seed = Fields.given(top.get("seed"))
                ? Fields.integer(top.get("seed"), "seed", Long.MIN_VALUE, " (the sweep's random seed)") : 0L;

        ObjectNode sim = optionalSection(top.get("simulation"), "simulation", SIMULATION_KEYS);
        double duration = quantityOrMissing(sim.get("duration"), RunTemplate.DURATION, EngineUnit.MILLISECOND);
        double dt = quantity(sim.get("dt"), RunTemplate.DT, EngineUnit.MILLISECOND, DEFAULT_DT_MS);
        Method method = Fields.given(sim.get("method"))
                ? Method.fromName(Fields.choice(sim.get("method"), "simulation.method", Method.names()))
                : Method.DEFAULT;
        double windowStart = Double.NaN;
        double windowEnd = Double.NaN;
        if (Fields.given(sim.get("window"))) {
            ObjectNode w = Fields.section(sim.get("window"), "simulation.window", WINDOW_KEYS);
            windowStart = quantityOrMissing(w.get("start"), RunTemplate.WINDOW_START, EngineUnit.MILLISECOND);
            windowEnd = quantityOrMissing(w.get("end"), RunTemplate.WINDOW_END, EngineUnit.MILLISECOND);
        }

        NetworkSpec network = Fields.given(top.get("network")) ? network(top, dt) : null;
        NeuronModel model = ModelReader.read(top.get("model"), configDir, this::quantity);
        ObjectNode initial = optionalSection(top.get("initial"), "initial", INITIAL_KEYS);
        double v0 = quantity(initial.get("V"), RunTemplate.V0, EngineUnit.MILLIVOLT, NeuronSpec.DEFAULT_V0);
        int neurons = network != null ? (int) network.neurons() : Fields.given(top.get("neurons"))
                ? Fields.integer(top.get("neurons"), "neurons", 1, Integer.MAX_VALUE, " (neurons per run)") : 1;
        StimulusSpec stimulus = stimulus(top.get("stimulus"), "stimulus", neurons);

        ObjectNode record = optionalSection(top.get("record"), "record", RECORD_KEYS);
        boolean spikes = !Fields.given(record.get("spikes")) || Fields.bool(record.get("spikes"), "record.spikes");
        List<TraceVariable> variables = List.of();
        int traced = 0;
        double traceEvery = dt;
        TraceQuantization quantization = TraceQuantization.NONE;
        JsonNode tracesNode = record.get("traces");
        boolean traces = Fields.given(tracesNode) && !(tracesNode.isBoolean() && !tracesNode.booleanValue());
        if (traces && network != null) {
            throw new ConfigException("record.traces", Fields.show(tracesNode),
                    "no traces in a network run (not recorded yet: spikes and statistics are)");
        }
        if (traces) {
            ObjectNode t = tracesNode.isBoolean() ? optionalSection(null, "record.traces", TRACE_KEYS)
                    : Fields.section(tracesNode, "record.traces", TRACE_KEYS);
            variables = traceVariables(t.get("variables"), model);
            traceEvery = quantity(t.get("every"), RunChecks.TRACE_EVERY, EngineUnit.MILLISECOND, dt);
            traced = tracedNeurons(t.get("neurons"), neurons);
            quantization = quantization(t.get("quantize"), variables);
        }

        double ratesBin = rates(record.get("rates"), network, dt);

        String output = Fields.given(top.get("output"))
                ? Fields.text(top.get("output"), "output", "a directory path such as \"out/" + name + "\"") : null;
        JsonNode execution = MissingNode.getInstance();
        if (Fields.given(top.get("execution"))) {
            if (!top.get("execution").isObject()) {
                throw new ConfigException("execution", Fields.show(top.get("execution")), "a mapping of execution settings");
            }
            execution = top.get("execution").deepCopy();
        }

        RunTemplate base = new RunTemplate(dt, duration, method, windowStart, windowEnd, model, v0, stimulus,
                neurons, traced, variables, traceEvery, spikes, quantization, network, ratesBin);
        SweepReader.Sweep sweep = SweepReader.read(top.get("sweep"), base, seed);
        if (network != null) {
            checkNetworkSweep(network, sweep.swept(), ratesBin);
        }
        FitReader.Read fit = Fields.given(top.get("fit"))
                ? FitReader.read(top.get("fit"), top.get("sweep"), network, base, configDir) : null;
        base = fillMissing(base, fit == null ? sweep.swept() : fit.swept());
        checkBase(base);
        SweptChecks.check(base, sweep.swept(), sweep.links());
        if (fit != null) {
            FitReader.check(fit, base);
        }
        SweepReader.checkSearch(sweep.search(), base, sweep.swept());
        SensitivityReader.check(sweep.sensitivity(), base, sweep.swept());
        checkJaxSeed(base, seed, sweep.seeds());

        SweepSpec spec;
        try {
            spec = new SweepSpec(name, seed, base, sweep.grid(), sweep.samples(), sweep.random(), sweep.seeds(),
                    sweep.search(), sweep.links(), sweep.sensitivity());
        } catch (ArithmeticException e) {
            throw new ConfigException("sweep", "more runs (or neurons) than a 64-bit count holds",
                    "a sweep of at most " + Long.MAX_VALUE + " runs", e);
        }
        ObjectNode resolved = ResolvedConfig.build(spec, network, output, execution);
        FitSpec fitSpec = fit == null ? null : fit.spec(spec);
        if (fitSpec != null) {
            FitResolved.write(resolved, fitSpec);
        }
        return new SweepConfig(spec, output, resolved, ResolvedConfig.hash(resolved), execution, network, fitSpec);
    }

    /** The network section; the sections it replaces must be left out. */
    private NetworkSpec network(ObjectNode top, double dt) {
        for (Map.Entry<String, String> e : NOT_WITH_NETWORK.entrySet()) {
            if (Fields.given(top.get(e.getKey()))) {
                throw new ConfigException(e.getKey(), "a top-level " + e.getKey() + " section beside network",
                        "no " + e.getKey() + " section: in a network each population has its own"
                                + " (network.populations.NAME." + e.getValue() + ")");
            }
        }
        ConfigReader reader = this;
        return NetworkReader.read(top.get("network"), configDir, dt, new NetworkReader.Context() {
            @Override
            public double quantity(JsonNode n, String field, EngineUnit unit) {
                return reader.quantity(n, field, unit);
            }

            @Override
            public StimulusSpec stimulus(JsonNode n, String field, int neurons) {
                return reader.stimulus(n, field, neurons);
            }

            @Override
            public String written(String field) {
                return written.get(field);
            }
        });
    }

    /**
     * Every swept step must divide each base delay and the rate bin into whole steps (the sweep
     * reader has refused the sections a network replaces; swept delays are checked with the run).
     */
    private static void checkNetworkSweep(NetworkSpec network, List<Swept> swept, double ratesBin) {
        for (Swept s : swept) {
            if (s.path().equals(RunTemplate.DT)) {
                for (Swept.Value v : s.values()) {
                    if (!Double.isNaN(ratesBin) && !RunChecks.isMultiple(ratesBin, v.value())) {
                        throw new ConfigException(v.field(), v.text(), "a step that divides " + RATES_BIN + " ("
                                + Units.format(ratesBin, EngineUnit.MILLISECOND) + ") into whole steps");
                    }
                    for (SynapseGroup g : network.synapses()) {
                        if (g.delaySteps(v.value()) < 0) {
                            throw new ConfigException(v.field(), v.text(), "a step that divides every synaptic delay"
                                    + " into whole steps (network.synapses." + g.name() + ".delay is "
                                    + Units.format(g.delayMs(), EngineUnit.MILLISECOND) + ")");
                        }
                    }
                }
            }
        }
    }

    /**
     * record.rates: each population's rate over time in bins of {@code bin}, a whole number of
     * steps; only a network has populations. NaN when not asked for.
     */
    private double rates(JsonNode n, NetworkSpec network, double dt) {
        if (!Fields.given(n) || (n.isBoolean() && !n.booleanValue())) {
            return Double.NaN;
        }
        if (network == null) {
            throw new ConfigException("record.rates", Fields.show(n),
                    "no record.rates without a network (rates over time are per population)");
        }
        ObjectNode o = Fields.section(n, "record.rates", RATES_KEYS);
        if (!Fields.given(o.get("bin"))) {
            throw Fields.missing(RATES_BIN, "a time such as \"1 ms\", a whole number of steps");
        }
        double bin = quantity(o.get("bin"), RATES_BIN, EngineUnit.MILLISECOND);
        if (!(bin > 0) || !Double.isFinite(bin)) {
            throw new ConfigException(RATES_BIN, written.get(RATES_BIN), "a positive time, a whole number of steps");
        }
        if (dt > 0 && !RunChecks.isMultiple(bin, dt)) {
            throw new ConfigException(RATES_BIN, written.get(RATES_BIN), "a whole number of steps of simulation.dt ("
                    + Units.format(dt, EngineUnit.MILLISECOND) + "), such as "
                    + Units.format(Math.max(1, Math.rint(bin / dt)) * dt, EngineUnit.MILLISECOND));
        }
        return bin;
    }

    private static ObjectNode optionalSection(JsonNode n, String field, List<String> known) {
        return Fields.given(n) ? Fields.section(n, field, known) : ResolvedConfig.FACTORY.objectNode();
    }

    /** A given quantity in a unit the caller knows (a model number), recorded as written. */
    private double quantity(JsonNode n, String field, EngineUnit unit) {
        Fields.Quantity q = Fields.quantity(n, field, unit);
        written.put(field, q.text());
        return q.value();
    }

    private double quantity(JsonNode n, String field, EngineUnit unit, double dflt) {
        return quantity(n, field, unit, Fields.example(field, unit), dflt);
    }

    private double quantity(JsonNode n, String field, EngineUnit unit, String example, double dflt) {
        if (!Fields.given(n)) {
            return dflt;
        }
        Fields.Quantity q = Fields.quantity(n, field, unit, example);
        written.put(field, q.text());
        return q.value();
    }

    private static JsonNode requiredGiven(JsonNode n, String field, EngineUnit unit, String example) {
        if (!Fields.given(n)) {
            throw Fields.missing(field, "a " + Units.dimensionName(unit) + " such as \"" + example + "\"");
        }
        return n;
    }

    private double quantityOrMissing(JsonNode n, String field, EngineUnit unit) {
        return quantityOrMissing(n, field, unit, Fields.example(field, unit));
    }

    private double quantityOrMissing(JsonNode n, String field, EngineUnit unit, String example) {
        if (!Fields.given(n)) {
            missing.put(field, "a " + Units.dimensionName(unit) + " such as \"" + example + "\"");
            return Double.NaN;
        }
        return quantity(n, field, unit, example, Double.NaN);
    }

    /** A JAX replay's run seeds are JAX's 32-bit seeds themselves: seed + replicate. */
    private static void checkJaxSeed(RunTemplate base, long seed, int seeds) {
        if (!StimulusSpec.RNG_JAX.equals(base.stimulus().rng())) {
            return;
        }
        long last = SweepSpec.JAX_MAX_SEED - (seeds - 1);
        if (seed < 0 || seed > last) {
            throw new ConfigException("seed", Long.toString(seed), "a whole number from 0 to " + last
                    + " with stimulus.rng: jax (JAX's PRNGKey takes a 32-bit seed, and replicate r uses seed + r)");
        }
    }

    /** The stimulus section at {@code field} (the top-level one, or a population's) for runs of that many neurons. */
    StimulusSpec stimulus(JsonNode n, String field, int neurons) {
        if (!Fields.given(n)) {
            return new StimulusSpec.Constant(0.0);
        }
        List<String> types = StimulusType.names();
        if (!n.isObject()) {
            throw new ConfigException(field, Fields.show(n), "a mapping such as {type: constant, amplitude: 10 uA/cm^2}");
        }
        if (!Fields.given(n.get("type"))) {
            throw Fields.missing(field + ".type", "one of " + String.join(", ", types));
        }
        StimulusType kind = StimulusType.named(Fields.choice(n.get("type"), field + ".type", types));
        String type = kind.name();
        List<String> known = new ArrayList<>(List.of("type"));
        known.addAll(kind.fieldNames());
        if (kind.random()) {
            known.add("shared");
            known.add("rng");
        } else if (n.has("shared")) {
            throw new ConfigException(field + ".shared", "'shared' on a " + type + " stimulus",
                    "no 'shared' key: only random stimuli (" + randomTypes() + ") have a stream to share");
        } else if (n.has("rng")) {
            throw new ConfigException(field + ".rng", "'rng' on a " + type + " stimulus",
                    "no 'rng' key: only random stimuli (" + randomTypes() + ") draw random numbers");
        }
        Fields.section(n, field, known);
        List<StimulusType.Field> fields = kind.fields();
        double[] values = new double[fields.size()];
        for (int i = 0; i < values.length; i++) {
            StimulusType.Field f = fields.get(i);
            String path = field + "." + f.name();
            values[i] = f.byDefault().isPresent()
                    ? quantity(n.get(f.name()), path, f.unit(), f.example(), f.byDefault().getAsDouble())
                    // only the top-level stimulus may leave a field to the sweep
                    : field.equals("stimulus") ? quantityOrMissing(n.get(f.name()), path, f.unit(), f.example())
                    : quantity(requiredGiven(n.get(f.name()), path, f.unit(), f.example()), path, f.unit(), f.example(),
                            Double.NaN);
        }
        boolean shared = Fields.given(n.get("shared")) ? Fields.bool(n.get("shared"), field + ".shared")
                : kind.sharedByDefault();
        String rng = Fields.given(n.get("rng")) ? Fields.choice(n.get("rng"), field + ".rng", StimulusSpec.RNGS)
                : StimulusSpec.RNG_DEFAULT;
        if (kind.random() && !kind.rngs().contains(rng)) {
            List<String> drawing = StimulusType.all().stream().filter(t -> t.rngs().contains(rng))
                    .map(StimulusType::name).toList();
            throw new ConfigException(field + ".rng", rng + " on a " + type + " stimulus",
                    "rng: default: the JAX replay draws uniform values only (stimulus type "
                            + String.join(", ", drawing) + ", as the tutorial does)");
        }
        return kind.create(values, new StimulusType.Draw(shared, rng, neurons));
    }

    private static String randomTypes() {
        return StimulusType.all().stream().filter(StimulusType::random).map(StimulusType::name)
                .collect(Collectors.joining(", "));
    }

    private static List<TraceVariable> traceVariables(JsonNode n, NeuronModel model) {
        if (!Fields.given(n)) {
            return List.of(TraceVariable.V);
        }
        List<String> labels = TraceVariable.labels();
        List<JsonNode> items = Fields.list(n, "record.traces.variables", "a list of " + String.join(", ", labels));
        if (items.isEmpty()) {
            throw new ConfigException("record.traces.variables", "an empty list",
                    "at least one of " + String.join(", ", labels) + " (or leave record.traces out)");
        }
        List<TraceVariable> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String f = "record.traces.variables" + (n.isArray() ? "[" + i + "]" : "");
            TraceVariable v = TraceVariable.fromLabel(Fields.choice(items.get(i), f, labels));
            if (out.contains(v)) {
                throw new ConfigException(f, v.label(), "each variable once");
            }
            if (v.isGate() && model.gateIndex(v.label()) < 0) {
                List<String> names = model.gates().stream().map(g -> g.name()).toList();
                throw new ConfigException(f, v.label(), "V, I or a gate of the model called m, h or n; this model's gates are "
                        + (names.isEmpty() ? "none" : String.join(", ", names)));
            }
            out.add(v);
        }
        return out;
    }

    /**
     * record.traces.quantize: a step per traced variable, in that variable's unit, e.g.
     * {V: 0.001 mV, m: 1e-5}; a variable left out keeps its default step, so a table has one
     * layout. Absent: the default steps; "none": lossless float32.
     */
    private TraceQuantization quantization(JsonNode n, List<TraceVariable> variables) {
        if (!Fields.given(n)) {
            return TraceQuantization.defaults(variables);
        }
        if (n.isTextual() && n.textValue().strip().equals(LOSSLESS)) {
            return TraceQuantization.NONE;
        }
        List<String> traced = variables.stream().map(TraceVariable::label).toList();
        String example = variables.stream().map(v -> v.label() + ": " + QUANTIZE_EXAMPLES.get(v))
                .collect(Collectors.joining(", ", "{", "}"));
        if (!n.isObject()) {
            throw new ConfigException(TRACE_QUANTIZE, Fields.show(n),
                    "a mapping of traced variables to their steps, such as " + example
                            + ", or " + LOSSLESS + " for lossless float32 samples");
        }
        Fields.section(n, TRACE_QUANTIZE, TraceVariable.labels());
        Map<TraceVariable, Double> steps = new EnumMap<>(TraceVariable.class);
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String label = it.next();
            String field = TRACE_QUANTIZE + "." + label;
            TraceVariable v = TraceVariable.fromLabel(label);
            if (!variables.contains(v)) {
                throw new ConfigException(field, "a step for " + label + ", which is not traced",
                        "steps only for the traced variables " + traced + " (record.traces.variables)");
            }
            Fields.Quantity q = Fields.quantity(n.get(label), field, v.engineUnit());
            if (!(q.value() > 0)) {
                throw new ConfigException(field, q.text(), "a positive step such as " + QUANTIZE_EXAMPLES.get(v));
            }
            if (!QuantizeSteps.within(v, q.value())) {
                throw new ConfigException(field, q.text(), QuantizeSteps.expected(v));
            }
            written.put(field, q.text());
            steps.put(v, q.value());
        }
        for (TraceVariable v : variables) {
            steps.putIfAbsent(v, TraceQuantization.DEFAULT_STEPS.get(v));
        }
        return TraceQuantization.of(steps);
    }

    /** Steps well below what a plot or a spike detector resolves. */
    private static final Map<TraceVariable, String> QUANTIZE_EXAMPLES = Map.of(TraceVariable.V, "0.001 mV",
            TraceVariable.M, "1e-5", TraceVariable.H, "1e-5", TraceVariable.N, "1e-5", TraceVariable.I, "0.001 uA/cm^2");

    private static int tracedNeurons(JsonNode n, int neurons) {
        String expected = "\"all\" or a whole number from 0 to " + neurons + " (the neurons of a run)";
        if (!Fields.given(n)) {
            return Math.min(DEFAULT_TRACED_NEURONS, neurons);
        }
        if (n.isTextual()) {
            if (!n.textValue().strip().equals("all")) {
                throw new ConfigException("record.traces.neurons", Fields.showScalar(n), expected);
            }
            return neurons;
        }
        long v = Fields.integer(n, "record.traces.neurons", 0, "");
        if (v > neurons) {
            throw new ConfigException("record.traces.neurons", Fields.showScalar(n), expected);
        }
        return (int) v;
    }

    private RunTemplate fillMissing(RunTemplate base, List<Swept> swept) {
        for (Map.Entry<String, String> m : missing.entrySet()) {
            Swept s = swept.stream().filter(x -> x.path().equals(m.getKey())).findFirst().orElse(null);
            if (s == null) {
                throw Fields.missing(m.getKey(), m.getValue());
            }
            Swept.Value first = s.values().get(0);
            base = base.with(m.getKey(), first.value());
            written.put(m.getKey(), first.text() + " (its first swept value)");
        }
        return base;
    }

    private void checkBase(RunTemplate base) {
        RunChecks.Problem p = RunChecks.firstProblem(base);
        if (p == null) {
            return;
        }
        // the field as the user wrote it (model.gK or model.channels.k.g), else the first
        Map.Entry<String, String> first = p.expectedByField().entrySet().stream()
                .filter(e -> written.containsKey(e.getKey())).findFirst()
                .orElse(p.expectedByField().entrySet().iterator().next());
        String field = first.getKey();
        String value = written.containsKey(field) ? written.get(field)
                : Units.format(RunChecks.value(base, field), RunChecks.unit(base, field)) + " (the default)";
        throw new ConfigException(field, value, first.getValue());
    }
}
