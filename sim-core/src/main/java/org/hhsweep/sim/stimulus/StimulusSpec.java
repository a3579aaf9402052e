package org.hhsweep.sim.stimulus;

import static org.hhsweep.sim.units.EngineUnit.MICROAMPERE_PER_CM2;
import static org.hhsweep.sim.units.EngineUnit.MILLISECOND;

import java.io.Serializable;
import java.util.List;
import org.hhsweep.sim.sweep.Sweepable;
import org.hhsweep.sim.units.EngineUnit;

/**
 * What one neuron's input is, in engine units (ms, uA/cm^2). Specs are small values; a block turns
 * the specs of its neurons into one array-based {@link Stimulus} with {@link Stimuli#forBlock}.
 *
 * <p>Every stimulus type is defined here and nowhere else: a {@link StimulusType} with its config
 * name, fields, rules, reach and engine, the record of its values, whose {@link #kind()} is that
 * type, and an entry in {@link #BUILT_IN}. Configs, sweeps, checks and the engine read the type.
 */
public interface StimulusSpec extends Sweepable<StimulusSpec>, Serializable {

    /** The project's counter-based generator ({@link org.hhsweep.sim.random.RandomStreams}). */
    String RNG_DEFAULT = "default";
    /** A replay of JAX's default generator ({@link org.hhsweep.sim.random.JaxRandom}). */
    String RNG_JAX = "jax";
    /** Config names of the generators a random stimulus can draw from (stimulus.rng). */
    List<String> RNGS = List.of(RNG_DEFAULT, RNG_JAX);

    StimulusType CONSTANT = StimulusType.define("constant")
            .field("amplitude", MICROAMPERE_PER_CM2)
            .reach((s, sds) -> Math.abs(s.get("amplitude")))
            .create((v, draw) -> new Constant(v[0]))
            .engine(b -> new ConstantCurrent(b.column("amplitude")))
            .build();

    StimulusType PULSE = StimulusType.define("pulse")
            .field("onset", MILLISECOND, "10 ms")
            .field("duration", MILLISECOND, "100 ms")
            .field("amplitude", MICROAMPERE_PER_CM2)
            .field("period", MILLISECOND, "100 ms", 0.0)
            .rule(c -> c.get("onset") < 0, "onset", "an onset >= 0")
            .rule(c -> !(c.get("duration") > 0), "duration", "a positive pulse duration")
            .rule(c -> c.get("period") < 0, "period", "0 (a single pulse) or a positive period")
            .rule(c -> c.get("period") > 0 && c.get("period") < c.get("duration") * (1 - c.tolerance()),
                    "period", c -> "0 (a single pulse) or a period no shorter than " + c.show("duration"),
                    "duration", c -> "a pulse no longer than " + c.show("period"))
            .reach((s, sds) -> Math.abs(s.get("amplitude")))
            .create((v, draw) -> new Pulse(v[0], v[1], v[2], v[3]))
            .engine(b -> new PulseCurrent(b.column("onset"), b.column("duration"), b.column("amplitude"),
                    b.column("period"), b.dt()))
            .build();

    StimulusType RAMP = StimulusType.define("ramp")
            .field("onset", MILLISECOND, "10 ms")
            .field("duration", MILLISECOND, "100 ms")
            .field("from", MICROAMPERE_PER_CM2)
            .field("to", MICROAMPERE_PER_CM2)
            .rule(c -> c.get("onset") < 0, "onset", "an onset >= 0")
            .rule(c -> !(c.get("duration") > 0), "duration", "a positive ramp duration")
            .reach((s, sds) -> Math.max(Math.abs(s.get("from")), Math.abs(s.get("to"))))
            .create((v, draw) -> new Ramp(v[0], v[1], v[2], v[3]))
            .engine(b -> new RampCurrent(b.column("onset"), b.column("duration"), b.column("from"), b.column("to"),
                    b.dt()))
            .build();

    // The tutorial's uniform input is one stream shared by the run; Gaussian and OU noise default to private.
    StimulusType UNIFORM = StimulusType.define("uniform")
            .field("low", MICROAMPERE_PER_CM2)
            .field("high", MICROAMPERE_PER_CM2)
            .random(true, RNG_DEFAULT, RNG_JAX)
            .rule(c -> c.get("high") < c.get("low"),
                    "high", c -> "a value >= " + c.show("low"),
                    "low", c -> "a value <= " + c.show("high"))
            .reach((s, sds) -> Math.max(Math.abs(s.get("low")), Math.abs(s.get("high"))))
            .create((v, draw) -> draw.rng().equals(RNG_JAX)
                    ? new JaxUniform(v[0], v[1], draw.shared(), draw.neurons())
                    : new Uniform(v[0], v[1], draw.shared()))
            .engine(b -> b.rng().equals(RNG_JAX)
                    ? new JaxUniformCurrent(b.column("low"), b.column("high"), b.keys(),
                            b.specs().stream().mapToInt(s -> s.shared() ? 1 : s.draw().neurons()).toArray())
                    : new UniformNoiseCurrent(b.column("low"), b.column("high"), b.keys()))
            .build();

    StimulusType GAUSSIAN = StimulusType.define("gaussian")
            .field("mean", MICROAMPERE_PER_CM2)
            .field("sigma", MICROAMPERE_PER_CM2)
            .random(false, RNG_DEFAULT)
            .rule(c -> c.get("sigma") < 0, "sigma", "a standard deviation >= 0")
            .reach((s, sds) -> Math.abs(s.get("mean")) + sds * s.get("sigma"))
            .create((v, draw) -> new Gaussian(v[0], v[1], draw.shared()))
            .engine(b -> new GaussianNoiseCurrent(b.column("mean"), b.column("sigma"), b.keys()))
            .build();

    StimulusType OU = StimulusType.define("ou")
            .field("mean", MICROAMPERE_PER_CM2)
            .field("sigma", MICROAMPERE_PER_CM2)
            .field("tau", MILLISECOND, "5 ms")
            .random(false, RNG_DEFAULT)
            .rule(c -> c.get("sigma") < 0, "sigma", "a standard deviation >= 0")
            .rule(c -> !(c.get("tau") > 0), "tau", "a positive correlation time")
            .reach((s, sds) -> Math.abs(s.get("mean")) + sds * s.get("sigma"))
            .create((v, draw) -> new OrnsteinUhlenbeck(v[0], v[1], v[2], draw.shared()))
            .engine(b -> new OrnsteinUhlenbeckCurrent(b.column("mean"), b.column("sigma"), b.column("tau"), b.keys(),
                    b.dt()))
            .build();

    /** The types defined here, in the order configs and messages list them. */
    List<StimulusType> BUILT_IN = List.of(CONSTANT, PULSE, RAMP, UNIFORM, GAUSSIAN, OU);

    /** Config names of the types defined here ({@link StimulusType#all()} adds any registered elsewhere). */
    List<String> TYPES = BUILT_IN.stream().map(StimulusType::name).toList();

    /**
     * A spec of the given type from its field values in the order of {@link #fields()}.
     *
     * @param shared for random types: one stream per run instead of one per neuron
     */
    static StimulusSpec of(String type, double[] values, boolean shared) {
        return StimulusType.named(type).create(values, new StimulusType.Draw(shared, RNG_DEFAULT, 1));
    }

    /** The type of this spec. */
    StimulusType kind();

    /** The values of this type's numeric fields, in the order of {@link StimulusType#fields()}. */
    double[] values();

    /** The config name of this spec's type. */
    default String type() {
        return kind().name();
    }

    /** The names of this type's numeric fields, as written in configs (stimulus.NAME). */
    default List<String> fields() {
        return kind().fieldNames();
    }

    /** Every numeric field is sweepable; shared and rng are choices, not numbers. */
    @Override
    default List<String> paths() {
        return fields();
    }

    /** The value of a numeric field by its config name. */
    @Override
    default double get(String field) {
        return values()[kind().index(field)];
    }

    /** A copy with one numeric field changed, drawing as this one does. */
    @Override
    default StimulusSpec with(String field, double value) {
        double[] v = values();
        v[kind().index(field)] = value;
        return kind().create(v, draw());
    }

    @Override
    default EngineUnit unit(String field) {
        return kind().field(field).unit();
    }

    /** Whether this stimulus draws random numbers (and so needs a stream key). */
    default boolean random() {
        return kind().random();
    }

    /** True when the random stream is shared by all neurons of a run rather than one per neuron. */
    default boolean shared() {
        return false;
    }

    /** How this spec draws random numbers; a deterministic spec's draw is never asked for numbers. */
    default StimulusType.Draw draw() {
        return new StimulusType.Draw(shared(), RNG_DEFAULT, 1);
    }

    /** Which generator a random stimulus draws from: {@link #RNG_DEFAULT} or {@link #RNG_JAX}. */
    default String rng() {
        return draw().rng();
    }

    /** A constant current. */
    record Constant(double amplitude) implements StimulusSpec {
        public StimulusType kind() {
            return CONSTANT;
        }

        public double[] values() {
            return new double[] {amplitude};
        }
    }

    /**
     * A rectangular pulse from onset for duration ms; with period > 0, a train of such pulses
     * repeating every period ms until the end of the run. Zero outside the pulses.
     */
    record Pulse(double onset, double duration, double amplitude, double period) implements StimulusSpec {
        public StimulusType kind() {
            return PULSE;
        }

        public double[] values() {
            return new double[] {onset, duration, amplitude, period};
        }
    }

    /**
     * A current rising linearly from {@code from} at onset to {@code to} at onset + duration (the
     * end value itself is never applied); zero before onset and after the ramp.
     */
    record Ramp(double onset, double duration, double from, double to) implements StimulusSpec {
        public StimulusType kind() {
            return RAMP;
        }

        public double[] values() {
            return new double[] {onset, duration, from, to};
        }
    }

    /** The tutorial's noise: a fresh value uniform in [low, high) every step. */
    record Uniform(double low, double high, boolean shared) implements StimulusSpec {
        public StimulusType kind() {
            return UNIFORM;
        }

        public double[] values() {
            return new double[] {low, high};
        }
    }

    /**
     * The tutorial's noise drawn from a replay of JAX's generator, so a run receives exactly the
     * input a BrainState/JAX script drew (values are float32, as there). The run's seed is the JAX
     * seed; the stream is the second half of one split of PRNGKey(seed), which is what
     * {@code brainstate.random.uniform} uses first after {@code brainstate.random.seed(seed)}.
     * Shared: step k takes element k of that draw. Per neuron: the draw has shape
     * (steps, neurons) and neuron i takes element k * neurons + i in step k.
     *
     * @param neurons neurons per run, the row length of a per-neuron draw (ignored when shared)
     */
    record JaxUniform(double low, double high, boolean shared, int neurons) implements StimulusSpec {
        public JaxUniform {
            if (neurons < 1) {
                throw new IllegalArgumentException("a run has at least one neuron, got " + neurons);
            }
        }

        public StimulusType kind() {
            return UNIFORM;
        }

        public double[] values() {
            return new double[] {low, high};
        }

        @Override
        public StimulusType.Draw draw() {
            return new StimulusType.Draw(shared, RNG_JAX, neurons);
        }
    }

    /** Gaussian white noise: a fresh value from N(mean, sigma^2) every step. */
    record Gaussian(double mean, double sigma, boolean shared) implements StimulusSpec {
        public StimulusType kind() {
            return GAUSSIAN;
        }

        public double[] values() {
            return new double[] {mean, sigma};
        }
    }

    /**
     * Ornstein-Uhlenbeck noise with the given mean, stationary standard deviation sigma and
     * correlation time tau (ms), advanced with its exact discrete update so its statistics do not
     * depend on dt. Starts at the mean.
     */
    record OrnsteinUhlenbeck(double mean, double sigma, double tau, boolean shared) implements StimulusSpec {
        public StimulusType kind() {
            return OU;
        }

        public double[] values() {
            return new double[] {mean, sigma, tau};
        }
    }
}
