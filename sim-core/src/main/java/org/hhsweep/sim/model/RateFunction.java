package org.hhsweep.sim.model;

import java.io.Serializable;

/** One rate function of a gate: a form and its three numbers (rate in 1/ms, midpoint and scale in mV). */
public record RateFunction(RateForm form, double rate, double midpoint, double scale) implements Serializable {

    /** The rate at V (1/ms), as the reference evaluates it. */
    public double at(double v) {
        return form.value(rate, midpoint, scale, v);
    }

    /** The sweepable numbers of a rate function, by name. */
    public static final java.util.List<String> NUMBERS = java.util.List.of("rate", "midpoint", "scale");

    public double get(String number) {
        return switch (number) {
            case "rate" -> rate;
            case "midpoint" -> midpoint;
            case "scale" -> scale;
            default -> throw new IllegalArgumentException("a rate function has no number '" + number + "'");
        };
    }

    public RateFunction with(String number, double value) {
        return switch (number) {
            case "rate" -> new RateFunction(form, value, midpoint, scale);
            case "midpoint" -> new RateFunction(form, rate, value, scale);
            case "scale" -> new RateFunction(form, rate, midpoint, value);
            default -> throw new IllegalArgumentException("a rate function has no number '" + number + "'");
        };
    }
}
