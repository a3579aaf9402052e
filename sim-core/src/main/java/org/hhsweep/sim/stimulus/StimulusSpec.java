package org.hhsweep.sim.stimulus;

import java.io.Serializable;
import java.util.List;
import org.hhsweep.sim.sweep.Sweepable;
import org.hhsweep.sim.units.EngineUnit;

/**
 * What one neuron's input is, in engine units (ms, uA/cm^2). Specs are small values; a block turns
 * the specs of its neurons into one array-based {@link Stimulus} with {@link Stimuli#forBlock}.
 */
public sealed interface StimulusSpec extends Sweepable<StimulusSpec>, Serializable {

    /** Config names of the stimulus types. */
    List<String> TYPES = List.of("constant", "pulse", "ramp", "uniform", "gaussian", "ou");

    /** The project's counter-based generator ({@link org.hhsweep.sim.random.RandomStreams}). */
    String RNG_DEFAULT = "default";
    /** A replay of JAX's default generator ({@link org.hhsweep.sim.random.JaxRandom}). */
    String RNG_JAX = "jax";
    /** Config names of the generators a random stimulus can draw from (stimulus.rng). */
    List<String> RNGS = List.of(RNG_DEFAULT, RNG_JAX);

    /**
     * A spec of the given type from its field values in the order of {@link #fields()}.
     *
     * @param shared for random types: one stream per run instead of one per neuron
     */
    static StimulusSpec of(String type, double[] values, boolean shared) {
        return StimulusFields.create(type, values, shared);
    }

    /** The config name of this spec's type. */
    String type();

    /** The names of this type's numeric fields, as written in configs (stimulus.NAME). */
    default List<String> fields() {
        return StimulusFields.fields(type());
    }

    /** Every numeric field is sweepable. */
    @Override
    default List<String> paths() {
        return fields();
    }

    /** The value of a numeric field by its config name. */
    @Override
    default double get(String field) {
        return StimulusFields.get(this, field);
    }

    /** A copy with one numeric field changed. */
    @Override
    default StimulusSpec with(String field, double value) {
        return StimulusFields.with(this, field, value);
    }

    @Override
    default EngineUnit unit(String field) {
        return StimulusFields.unit(field);
    }

    /** Whether this stimulus draws random numbers (and so needs a stream key). */
    default boolean random() {
        return false;
    }

    /** True when the random stream is shared by all neurons of a run rather than one per neuron. */
    default boolean shared() {
        return false;
    }

    /** Which generator a random stimulus draws from: {@link #RNG_DEFAULT} or {@link #RNG_JAX}. */
    default String rng() {
        return RNG_DEFAULT;
    }

    /** A constant current. */
    record Constant(double amplitude) implements StimulusSpec {
        public String type() {
            return "constant";
        }
    }

    /**
     * A rectangular pulse from onset for duration ms; with period > 0, a train of such pulses
     * repeating every period ms until the end of the run. Zero outside the pulses.
     */
    record Pulse(double onset, double duration, double amplitude, double period) implements StimulusSpec {
        public String type() {
            return "pulse";
        }
    }

    /**
     * A current rising linearly from {@code from} at onset to {@code to} at onset + duration (the
     * end value itself is never applied); zero before onset and after the ramp.
     */
    record Ramp(double onset, double duration, double from, double to) implements StimulusSpec {
        public String type() {
            return "ramp";
        }
    }

    /** The tutorial's noise: a fresh value uniform in [low, high) every step. */
    record Uniform(double low, double high, boolean shared) implements StimulusSpec {
        public String type() {
            return "uniform";
        }

        @Override
        public boolean random() {
            return true;
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

        public String type() {
            return "uniform";
        }

        @Override
        public boolean random() {
            return true;
        }

        @Override
        public String rng() {
            return RNG_JAX;
        }
    }

    /** Gaussian white noise: a fresh value from N(mean, sigma^2) every step. */
    record Gaussian(double mean, double sigma, boolean shared) implements StimulusSpec {
        public String type() {
            return "gaussian";
        }

        @Override
        public boolean random() {
            return true;
        }
    }

    /**
     * Ornstein-Uhlenbeck noise with the given mean, stationary standard deviation sigma and
     * correlation time tau (ms), advanced with its exact discrete update so its statistics do not
     * depend on dt. Starts at the mean.
     */
    record OrnsteinUhlenbeck(double mean, double sigma, double tau, boolean shared) implements StimulusSpec {
        public String type() {
            return "ou";
        }

        @Override
        public boolean random() {
            return true;
        }
    }
}
