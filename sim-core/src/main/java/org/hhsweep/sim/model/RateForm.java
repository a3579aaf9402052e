package org.hhsweep.sim.model;

/**
 * The three standard forms of a gate's rate function (NeuroML's HHExpRate, HHSigmoidRate and
 * HHExpLinearRate), V in mV, rates in 1/ms. This is the one definition of each form: every
 * integrator evaluates a rate as {@link #combine}(rate, E(a)) with a = {@link #argument}, where E is
 * e^a for {@code exponential} and {@code sigmoid} and a/(e^a - 1) for {@code exp_linear}. The
 * reference takes E from the JDK's exp/expm1, the fast kernels from their own exponential
 * ({@code PlainExp}), sharing one e^a between rates where the model's numbers allow; that is the
 * only way they differ.
 */
public enum RateForm {
    /** rate * exp((V - midpoint) / scale). */
    EXPONENTIAL("exponential", 1.0, false, Combination.PRODUCT),
    /** rate / (1 + exp((midpoint - V) / scale)). */
    SIGMOID("sigmoid", -1.0, false, Combination.LOGISTIC),
    /** rate * x / (1 - exp(-x)), x = (V - midpoint) / scale; rate at x = 0. */
    EXP_LINEAR("exp_linear", -1.0, true, Combination.PRODUCT);

    /** How a form makes its rate from E: the two operations the kernels implement on their lanes. */
    public enum Combination {
        /** rate * E */
        PRODUCT,
        /** rate / (1 + E) */
        LOGISTIC;

        public double apply(double rate, double e) {
            return this == PRODUCT ? rate * e : rate / (1.0 + e);
        }
    }

    private final String configName;
    private final double sign;
    private final boolean inverseExprel;
    private final Combination combination;

    RateForm(String configName, double sign, boolean inverseExprel, Combination combination) {
        this.configName = configName;
        this.sign = sign;
        this.inverseExprel = inverseExprel;
        this.combination = combination;
    }

    public String configName() {
        return configName;
    }

    /**
     * The exponent a of the form at V: (V - midpoint)/scale for exponential, (midpoint - V)/scale
     * for the others, written so the tutorial's rates keep their textbook roundings.
     */
    public double argument(double midpoint, double scale, double v) {
        return sign > 0 ? (v - midpoint) / scale : (midpoint - v) / scale;
    }

    /** +1 or -1: the argument is sign (V - midpoint) / scale. */
    public double sign() {
        return sign;
    }

    /** Whether E(a) is a/(e^a - 1) (exp_linear) rather than e^a. */
    public boolean inverseExprel() {
        return inverseExprel;
    }

    public Combination combination() {
        return combination;
    }

    /** The rate from its constant and E(a). */
    public double combine(double rate, double e) {
        return combination.apply(rate, e);
    }

    /** The rate at V with the JDK's exp and expm1: the reference's evaluation. */
    public double value(double rate, double midpoint, double scale, double v) {
        double a = argument(midpoint, scale, v);
        return combine(rate, inverseExprel() ? inverseExprel(a) : Math.exp(a));
    }

    /** a/(e^a - 1), 1 at a = 0 where the quotient is 0/0. */
    public static double inverseExprel(double a) {
        return a == 0.0 ? 1.0 : a / Math.expm1(a);
    }

    public static RateForm fromConfigName(String name) {
        for (RateForm f : values()) {
            if (f.configName.equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown rate form '" + name + "'");
    }

    public static java.util.List<String> configNames() {
        return java.util.Arrays.stream(values()).map(RateForm::configName).toList();
    }
}
