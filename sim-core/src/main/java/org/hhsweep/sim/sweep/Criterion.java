package org.hhsweep.sim.sweep;

import java.io.Serializable;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hhsweep.sim.stats.NeuronStatistics;

/**
 * A condition on one neuron's statistics, written {@code <statistic> <op> <number>}, such as
 * {@code spike_count >= 1} or {@code rate_hz > 10}. Statistics are named like the summaries
 * columns and compared in their units; op is one of {@code >=, >, <=, <, ==}. A statistic that is
 * undefined for the neuron (first_spike_ms without a spike, mean_isi_ms below two spikes, ...)
 * makes the condition false.
 *
 * @param statistic a name from {@link #STATISTICS}
 * @param op        one of {@link #OPERATORS}
 */
public record Criterion(String statistic, String op, double value) implements Serializable {

    /** The statistics a criterion can test, named as in the summaries table. */
    public static final List<String> STATISTICS = NeuronStatistics.NAMES;
    public static final List<String> OPERATORS = List.of(">=", ">", "<=", "<", "==");

    // Two-character operators first, so ">=" is not read as ">" followed by "=1".
    private static final Pattern SYNTAX = Pattern.compile(
            "\\s*([A-Za-z_][A-Za-z_0-9]*)\\s*(>=|<=|==|>|<)\\s*(\\S+)\\s*");

    public Criterion {
        if (!STATISTICS.contains(statistic)) {
            throw new IllegalArgumentException("unknown statistic '" + statistic + "', expected one of " + STATISTICS);
        }
        if (!OPERATORS.contains(op)) {
            throw new IllegalArgumentException("unknown comparison '" + op + "', expected one of " + OPERATORS);
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("the criterion compares with a finite number, got " + value);
        }
    }

    /** Thrown for text that is not a criterion; the message says what is wrong. */
    public static final class SyntaxException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        SyntaxException(String message) {
            super(message);
        }
    }

    /** Reads {@code <statistic> <op> <number>}. */
    public static Criterion parse(String text) {
        Matcher m = SYNTAX.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new SyntaxException("a comparison '<statistic> <op> <number>' such as \"spike_count >= 1\", with op one of "
                    + String.join(", ", OPERATORS));
        }
        String statistic = m.group(1);
        if (!STATISTICS.contains(statistic)) {
            throw new SyntaxException("a statistic of the summaries table: one of " + String.join(", ", STATISTICS)
                    + " (got '" + statistic + "')");
        }
        double value;
        try {
            value = Double.parseDouble(m.group(3));
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        // Double.parseDouble also reads "NaN", "Infinity" and "1d"; only plain finite numbers are meant.
        if (!Double.isFinite(value) || !m.group(3).matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?")) {
            throw new SyntaxException("a plain finite number after '" + m.group(2) + "', in the unit of "
                    + statistic + " (got '" + m.group(3) + "')");
        }
        return new Criterion(statistic, m.group(2), value);
    }

    /** Whether the neuron meets the condition; false when the statistic is undefined for it. */
    public boolean holds(NeuronStatistics stats) {
        Number n = stats.value(statistic);
        if (n == null) {
            return false;
        }
        double x = n.doubleValue();
        return switch (op) {
            case ">=" -> x >= value;
            case ">" -> x > value;
            case "<=" -> x <= value;
            case "<" -> x < value;
            case "==" -> x == value;
            default -> throw new IllegalStateException(op);
        };
    }

    /** The criterion as it is written in configs. */
    @Override
    public String toString() {
        String number = value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
        return statistic + " " + op + " " + number;
    }
}
