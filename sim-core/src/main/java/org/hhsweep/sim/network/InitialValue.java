package org.hhsweep.sim.network;

import java.io.Serializable;
import org.hhsweep.sim.random.RandomStreams;

/**
 * A population's initial value of one variable (V, or a synaptic conductance): the same for every
 * neuron, or drawn per neuron from a normal or uniform distribution. Draws come from the neuron's
 * own INITIAL_STATE stream ({@link RandomStreams}), in which variable j owns counters 2j and 2j + 1,
 * so a neuron's start depends on nothing but the run's seed, its index in the run and the variable.
 *
 * @param a the value, the mean, or the lower bound
 * @param b unused, the standard deviation, or the upper bound
 */
public record InitialValue(Kind kind, double a, double b) implements Serializable {

    public enum Kind {
        VALUE, NORMAL, UNIFORM;

        /** The config's name of a distribution ({@code normal: [mean, sd]}). */
        public String configName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public InitialValue {
        if (!Double.isFinite(a) || (kind != Kind.VALUE && !Double.isFinite(b))) {
            throw new IllegalArgumentException("initial values must be finite, got " + a + ", " + b);
        }
        if (kind == Kind.NORMAL && b < 0) {
            throw new IllegalArgumentException("a standard deviation must be >= 0, got " + b);
        }
        if (kind == Kind.UNIFORM && b < a) {
            throw new IllegalArgumentException("a uniform range needs low <= high, got [" + a + ", " + b + "]");
        }
    }

    public static InitialValue of(double value) {
        return new InitialValue(Kind.VALUE, value, Double.NaN);
    }

    public static InitialValue normal(double mean, double sd) {
        return new InitialValue(Kind.NORMAL, mean, sd);
    }

    public static InitialValue uniform(double low, double high) {
        return new InitialValue(Kind.UNIFORM, low, high);
    }

    /** The value of variable {@code variable} for the neuron whose INITIAL_STATE stream is {@code key}. */
    public double draw(long key, int variable) {
        return switch (kind) {
            case VALUE -> a;
            case NORMAL -> a + b * RandomStreams.gaussian(key, variable);
            case UNIFORM -> a + (b - a) * RandomStreams.uniform(key, 2L * variable);
        };
    }
}
