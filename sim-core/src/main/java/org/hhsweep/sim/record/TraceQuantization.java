package org.hhsweep.sim.record;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * How traces are stored: as float32 samples (lossless, {@link #NONE}), or as whole multiples of a
 * step per variable, value = q * step. Whole steps of a smooth trace differ little from sample to
 * sample, which Parquet's delta encoding packs into a few bits; the price is an error of at most
 * step/2 per sample, never accumulating, because each sample is rounded on its own.
 */
public final class TraceQuantization implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Traces stored as float32 samples. */
    public static final TraceQuantization NONE = new TraceQuantization(new double[TraceVariable.values().length]);
    /**
     * Marks a sample no int holds (NaN, or beyond +-2^31 steps, as a diverged neuron's V may be);
     * it is written as a null element.
     */
    public static final int NOT_REPRESENTABLE = Integer.MIN_VALUE;

    /**
     * The step of each traced variable unless record.traces.quantize says otherwise: about 1e-6 of
     * its range (V over ~100 mV, gates over 1), far below what a plot or a spike detector resolves,
     * with V up to +-214 V and I up to +-214,748 uA/cm^2 in an int. Such traces take 1.8 to 4.5
     * times less space than float32 samples (bench/trace-size.sh, docs/traces.md).
     */
    public static final Map<TraceVariable, Double> DEFAULT_STEPS = Map.of(TraceVariable.V, 1e-4,
            TraceVariable.M, 1e-6, TraceVariable.H, 1e-6, TraceVariable.N, 1e-6, TraceVariable.I, 1e-4);

    /** Step by variable ordinal, in the variable's engine unit; 0 for a variable without one. */
    private final double[] steps;

    private TraceQuantization(double[] steps) {
        this.steps = steps;
    }

    /** Steps by variable, each positive and finite, in the variable's engine unit. */
    public static TraceQuantization of(Map<TraceVariable, Double> steps) {
        if (steps.isEmpty()) {
            return NONE;
        }
        double[] s = new double[TraceVariable.values().length];
        for (Map.Entry<TraceVariable, Double> e : steps.entrySet()) {
            double step = e.getValue();
            if (!(step > 0) || !Double.isFinite(step)) {
                throw new IllegalArgumentException("quantisation step of " + e.getKey().label()
                        + " must be positive and finite, got " + step);
            }
            s[e.getKey().ordinal()] = step;
        }
        return new TraceQuantization(s);
    }

    /** The default step of every variable given. */
    public static TraceQuantization defaults(Collection<TraceVariable> variables) {
        Map<TraceVariable, Double> steps = new EnumMap<>(TraceVariable.class);
        variables.forEach(v -> steps.put(v, DEFAULT_STEPS.get(v)));
        return of(steps);
    }

    /** Whether traces are stored as whole steps. */
    public boolean active() {
        return Arrays.stream(steps).anyMatch(s -> s > 0);
    }

    /** Whether this variable has a step. */
    public boolean has(TraceVariable variable) {
        return steps[variable.ordinal()] > 0;
    }

    /** The step of a variable in its engine unit; fails for a variable without one. */
    public double step(TraceVariable variable) {
        double s = steps[variable.ordinal()];
        if (!(s > 0)) {
            throw new IllegalStateException("no quantisation step for " + variable.label());
        }
        return s;
    }

    /** The steps given, by variable in declaration order. */
    public Map<TraceVariable, Double> steps() {
        Map<TraceVariable, Double> out = new EnumMap<>(TraceVariable.class);
        for (TraceVariable v : TraceVariable.values()) {
            if (has(v)) {
                out.put(v, steps[v.ordinal()]);
            }
        }
        return out;
    }

    /**
     * Each sample as the nearest whole number of steps (halves round up), or
     * {@link #NOT_REPRESENTABLE}. The reconstruction q * step is within step/2 of the sample.
     */
    public static int[] quantize(float[] values, double step) {
        int[] q = new int[values.length];
        for (int j = 0; j < values.length; j++) {
            // divide rather than multiply by 1/step: the quotient is then correctly rounded, so
            // the rounding below never adds more than step/2 (up to one ulp of the sample)
            double x = values[j] / step;
            q[j] = Math.abs(x) < Integer.MAX_VALUE ? (int) Math.round(x) : NOT_REPRESENTABLE;
        }
        return q;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TraceQuantization other && Arrays.equals(steps, other.steps);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(steps);
    }

    @Override
    public String toString() {
        return active() ? "quantised " + steps() : "lossless";
    }
}
