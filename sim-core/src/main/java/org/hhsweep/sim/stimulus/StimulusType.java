package org.hhsweep.sim.stimulus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.hhsweep.sim.units.EngineUnit;
import org.hhsweep.sim.units.Units;

/**
 * Everything the project knows about one stimulus type, so that a type is written down once, in
 * {@link StimulusSpec}: its config name, its numeric fields (each a sweepable path
 * {@code stimulus.<field>}) with their units, examples and defaults, whether it draws random
 * numbers, its rules, the largest current it gives, and how a block of its neurons becomes a
 * {@link Stimulus}. The config reader, the sweep, the checks, the trace quantisation and the
 * engine read these facts here and know no type by name.
 */
public final class StimulusType {
    /** Types defined outside {@link StimulusSpec}: only tests register any. */
    private static final List<StimulusType> REGISTERED = new CopyOnWriteArrayList<>();

    private final String name;
    private final List<Field> fields;
    private final List<String> fieldNames;
    private final boolean random;
    private final boolean sharedByDefault;
    private final List<String> rngs;
    private final List<Rule> rules;
    private final Reach reach;
    private final BiFunction<double[], Draw, StimulusSpec> create;
    private final Function<Block, Stimulus> engine;

    private StimulusType(Builder b) {
        this.name = b.name;
        this.fields = List.copyOf(b.fields);
        this.fieldNames = fields.stream().map(Field::name).toList();
        this.random = b.random;
        this.sharedByDefault = b.sharedByDefault;
        this.rngs = b.rngs;
        this.rules = List.copyOf(b.rules);
        this.reach = b.reach;
        this.create = b.create;
        this.engine = b.engine;
    }

    /** A numeric field: {@code example} is what messages suggest; without a default the field is required. */
    public record Field(String name, EngineUnit unit, String example, OptionalDouble byDefault) {
    }

    /**
     * How a random stimulus draws: one stream per run ({@code shared}) or per neuron, from which
     * generator ({@link StimulusSpec#RNGS}), and the neurons per run, which a JAX replay's
     * per-neuron draw is laid out by.
     */
    public record Draw(boolean shared, String rng, int neurons) {
    }

    /**
     * What a type's rules see: field values by name, a field as messages show it
     * ({@code "stimulus.duration (5 ms)"}), and the relative slack of comparisons that must absorb
     * decimal-to-binary rounding.
     */
    public record Checked(StimulusSpec spec, Function<String, String> shown, double tolerance) {
        public double get(String field) {
            return spec.get(field);
        }

        public String show(String field) {
            return shown.apply(field);
        }
    }

    /** The largest |current| of a spec, Gaussian values counted up to {@code normalSds} standard deviations. */
    @FunctionalInterface
    public interface Reach {
        double of(StimulusSpec spec, double normalSds);
    }

    /**
     * The neurons of a block that share one spec class: their field values column by column (in
     * the order of {@link #fields()}), their random-stream keys and the step in ms.
     */
    public record Block(StimulusType type, List<StimulusSpec> specs, double[][] columns, long[] keys, double dt) {
        /** One field's values, neuron by neuron. */
        public double[] column(String field) {
            return columns[type.index(field)];
        }

        /** The generator the block's specs draw from (one spec class draws from one). */
        public String rng() {
            return specs.get(0).rng();
        }
    }

    /** A broken rule: the fields involved in order of preference, each with what it should have been. */
    private record Rule(Predicate<Checked> broken, Map<String, Function<Checked, String>> expected) {
    }

    public static Builder define(String name) {
        return new Builder(name);
    }

    /** Every type a config may name: those of {@link StimulusSpec}, then any registered. */
    public static List<StimulusType> all() {
        List<StimulusType> out = new ArrayList<>(StimulusSpec.BUILT_IN);
        out.addAll(REGISTERED);
        return out;
    }

    public static List<String> names() {
        return all().stream().map(StimulusType::name).toList();
    }

    public static StimulusType named(String name) {
        return all().stream().filter(t -> t.name.equals(name)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("unknown stimulus type '" + name + "', expected one of " + names()));
    }

    /** Ends a registration. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Makes a type defined elsewhere known to configs until the registration is closed. For tests:
     * a type defined in a test proves that one definition is all a type needs. Specs carry their
     * type, so only reading a config looks a type up by name.
     */
    static synchronized Registration register(StimulusType type) {
        if (names().contains(type.name)) {
            throw new IllegalArgumentException("stimulus type '" + type.name + "' exists already");
        }
        REGISTERED.add(type);
        return () -> REGISTERED.remove(type);
    }

    /** The config name. */
    public String name() {
        return name;
    }

    public List<Field> fields() {
        return fields;
    }

    public List<String> fieldNames() {
        return fieldNames;
    }

    public Field field(String field) {
        return fields.get(index(field));
    }

    /** Whether the type draws random numbers: it then takes the config keys shared and rng. */
    public boolean random() {
        return random;
    }

    /** Whether a run's neurons share one stream when the config does not say. */
    public boolean sharedByDefault() {
        return sharedByDefault;
    }

    /** The generators the type can draw from ({@link StimulusSpec#RNGS}); none for a deterministic type. */
    public List<String> rngs() {
        return rngs;
    }

    /** A spec of this type from field values in the order of {@link #fields()} (extra values are ignored). */
    public StimulusSpec create(double[] values, Draw draw) {
        return create.apply(values, draw);
    }

    /** The first broken rule: field to what it should have been, in order of preference; empty when none is. */
    public Map<String, String> firstProblem(Checked checked) {
        for (Rule r : rules) {
            if (r.broken().test(checked)) {
                Map<String, String> out = new LinkedHashMap<>();
                r.expected().forEach((field, expected) -> out.put(field, expected.apply(checked)));
                return out;
            }
        }
        return Map.of();
    }

    public double reach(StimulusSpec spec, double normalSds) {
        return reach.of(spec, normalSds);
    }

    /** The stimulus of a block's neurons, all of one spec class of this type. */
    Stimulus engine(StimulusSpec[] specs, long[] keys, double dt) {
        double[][] columns = new double[fields.size()][specs.length];
        for (int i = 0; i < specs.length; i++) {
            double[] v = specs[i].values();
            for (int f = 0; f < columns.length; f++) {
                columns[f][i] = v[f];
            }
        }
        return engine.apply(new Block(this, List.of(specs), columns, keys, dt));
    }

    int index(String field) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(field)) {
                return i;
            }
        }
        throw new IllegalArgumentException("stimulus type '" + name + "' has no field '" + field
                + "', expected one of " + fieldNames());
    }

    @Override
    public String toString() {
        return name;
    }

    /** Collects a type's facts; {@link #build} checks that every part is given. */
    public static final class Builder {
        private final String name;
        private final List<Field> fields = new ArrayList<>();
        private boolean random;
        private boolean sharedByDefault;
        private List<String> rngs = List.of();
        private final List<Rule> rules = new ArrayList<>();
        private Reach reach;
        private BiFunction<double[], Draw, StimulusSpec> create;
        private Function<Block, Stimulus> engine;

        private Builder(String name) {
            this.name = name;
        }

        /** A required field, its example the unit's typical value. */
        public Builder field(String field, EngineUnit unit) {
            return field(field, unit, Units.example(unit));
        }

        /** A required field. */
        public Builder field(String field, EngineUnit unit, String example) {
            fields.add(new Field(field, unit, example, OptionalDouble.empty()));
            return this;
        }

        /** A field with a default, in engine units. */
        public Builder field(String field, EngineUnit unit, String example, double byDefault) {
            fields.add(new Field(field, unit, example, OptionalDouble.of(byDefault)));
            return this;
        }

        /** A type that draws random numbers from the given generators, shared by a run's neurons or not by default. */
        public Builder random(boolean sharedByDefault, String... rngs) {
            this.random = true;
            this.sharedByDefault = sharedByDefault;
            this.rngs = List.of(rngs);
            return this;
        }

        /** A rule naming one field; rules are checked in order and the first broken one is reported. */
        public Builder rule(Predicate<Checked> broken, String field, String expected) {
            rules.add(new Rule(broken, Map.of(field, c -> expected)));
            return this;
        }

        /** A rule between two fields, the first preferred, each told what it should have been. */
        public Builder rule(Predicate<Checked> broken, String field1, Function<Checked, String> expected1,
                            String field2, Function<Checked, String> expected2) {
            Map<String, Function<Checked, String>> m = new LinkedHashMap<>();
            m.put(field1, expected1);
            m.put(field2, expected2);
            rules.add(new Rule(broken, m));
            return this;
        }

        public Builder reach(Reach reach) {
            this.reach = reach;
            return this;
        }

        /** How a config's values (in the order of the fields) and draw make a spec. */
        public Builder create(BiFunction<double[], Draw, StimulusSpec> create) {
            this.create = create;
            return this;
        }

        /** How a block's neurons of this type become their input current. */
        public Builder engine(Function<Block, Stimulus> engine) {
            this.engine = engine;
            return this;
        }

        public StimulusType build() {
            List<String> missing = new ArrayList<>();
            if (fields.isEmpty()) {
                missing.add("fields");
            }
            if (reach == null) {
                missing.add("reach");
            }
            if (create == null) {
                missing.add("create");
            }
            if (engine == null) {
                missing.add("engine");
            }
            // a misspelt field would otherwise surface only when its rule breaks
            for (Rule r : rules) {
                for (String f : r.expected().keySet()) {
                    if (fields.stream().noneMatch(x -> x.name().equals(f))) {
                        missing.add("field '" + f + "' of a rule");
                    }
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("stimulus type '" + name + "' lacks " + missing);
            }
            return new StimulusType(this);
        }
    }
}
