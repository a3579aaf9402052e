package org.hhsweep.sim.stimulus;

import java.io.Serializable;
import java.util.List;

/**
 * What one neuron's input is, in engine units (ms, uA/cm^2). Specs are small values; a block turns
 * the specs of its neurons into one array-based {@link Stimulus} with {@link Stimuli#forBlock}.
 */
public sealed interface StimulusSpec extends Serializable {

    /** Config names of the stimulus types. */
    List<String> TYPES = List.of("constant", "pulse", "ramp", "uniform", "gaussian", "ou");

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

    /** The value of a numeric field by its config name. */
    default double get(String field) {
        return StimulusFields.get(this, field);
    }

    /** A copy with one numeric field changed. */
    default StimulusSpec with(String field, double value) {
        return StimulusFields.with(this, field, value);
    }

    /** Whether this stimulus draws random numbers (and so needs a stream key). */
    default boolean random() {
        return false;
    }

    /** True when the random stream is shared by all neurons of a run rather than one per neuron. */
    default boolean shared() {
        return false;
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
