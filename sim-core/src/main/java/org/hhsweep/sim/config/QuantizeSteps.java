package org.hhsweep.sim.config;

import org.hhsweep.sim.record.DivergenceGuard;
import org.hhsweep.sim.record.TraceQuantization;
import org.hhsweep.sim.record.TraceVariable;
import org.hhsweep.sim.stimulus.StimulusSpec;
import org.hhsweep.sim.units.EngineUnit;
import org.hhsweep.sim.units.Units;

/**
 * The steps {@code record.traces.quantize} accepts. A quantised sample is stored as a whole number
 * of steps in an int ({@link TraceQuantization#quantize}): one beyond +-2^31 steps is stored as
 * null, so the step must be large enough for every value the variable plausibly takes, or every
 * sample would silently be lost (a step of 1e-300 mV turns all of V into nulls). The ranges are
 * those the code already knows: V within the divergence bound (beyond it a neuron counts as
 * diverged), gates within [0, 1], the input current within the stimulus's reach. A step above the
 * maximum keeps almost nothing of the trace.
 */
final class QuantizeSteps {
    /** The largest number of steps a sample may be from 0 and still be stored. */
    static final double MAX_CODE = Integer.MAX_VALUE - 1.0;

    /**
     * The bounds of one variable's step as written in messages and docs, in its engine unit;
     * no minimum ({@code null}) when it depends on the stimulus.
     */
    record Bounds(String min, String max, String range) {
        double minValue() {
            return min == null ? 0 : Double.parseDouble(min);
        }

        double maxValue() {
            return Double.parseDouble(max);
        }
    }

    private QuantizeSteps() {
    }

    static Bounds of(TraceVariable v) {
        return switch (v) {
            // 1000 mV / (2^31 - 1) is 4.7e-7 mV: rounded up to a number worth documenting
            case V -> new Bounds("1e-6", "10", "+-" + Units.format(DivergenceGuard.DEFAULT_BOUND_MV, v.engineUnit())
                    + ", beyond which a neuron counts as diverged");
            // 1 / (2^31 - 1) is 4.7e-10
            case M, H, N -> new Bounds("1e-9", "0.1", "[0, 1], the gate's range");
            case I -> new Bounds(null, "10", "the largest current of the stimulus");
        };
    }

    /** What a step for {@code v} must be, for messages. */
    static String expected(TraceVariable v) {
        Bounds b = of(v);
        String unit = v.engineUnit() == EngineUnit.DIMENSIONLESS ? "" : " " + v.unit();
        return "a step " + (b.min() == null ? "of at most " : "from " + b.min() + unit + " to ") + b.max() + unit
                + " (samples are stored as whole steps in an int, which must hold " + b.range()
                + "; a larger step keeps almost nothing of the trace)";
    }

    /** Whether a step is within the fixed bounds of its variable (the input current's minimum depends on the run). */
    static boolean within(TraceVariable v, double step) {
        Bounds b = of(v);
        return step >= b.minValue() && step <= b.maxValue();
    }

    /**
     * The largest |current| a stimulus gives, Gaussian values counted up to
     * {@link SweepReader#NORMAL_CHECK_SDS} sd (the reach at which normal distributions are checked
     * elsewhere too).
     */
    static double reach(StimulusSpec s) {
        return s.kind().reach(s, SweepReader.NORMAL_CHECK_SDS);
    }

    /** The smallest step that holds {@code reach} in an int, rounded up to two digits for messages. */
    static String smallestStep(double reach) {
        return twoDigits(reach / MAX_CODE, true);
    }

    /** The largest current a step holds, rounded down to two digits for messages. */
    static String largestCurrent(double step) {
        return twoDigits(step * MAX_CODE, false);
    }

    private static String twoDigits(double x, boolean up) {
        double exponent = Math.floor(Math.log10(x));
        double scaled = x / Math.pow(10, exponent) * 10;
        long digits = (long) (up ? Math.ceil(scaled) : Math.floor(scaled));
        return digits / 10 + "." + digits % 10 + "e" + (long) exponent;
    }
}
