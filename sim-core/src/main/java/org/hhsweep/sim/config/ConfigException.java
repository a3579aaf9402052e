package org.hhsweep.sim.config;

/**
 * A config that cannot be run, with the field that is wrong (its dotted path, e.g.
 * {@code sweep.grid.model.gNa.step}), the value given, and what was expected.
 */
public class ConfigException extends RuntimeException {
    private final String field;
    private final String value;
    private final String expected;

    public ConfigException(String field, String value, String expected) {
        super(message(field, value, expected));
        this.field = field;
        this.value = value;
        this.expected = expected;
    }

    public ConfigException(String field, String value, String expected, Throwable cause) {
        super(message(field, value, expected), cause);
        this.field = field;
        this.value = value;
        this.expected = expected;
    }

    private static String message(String field, String value, String expected) {
        return (field == null || field.isEmpty() ? "config" : field)
                + (value == null ? "" : ": got " + value)
                + ", expected " + expected;
    }

    public String field() {
        return field;
    }

    public String value() {
        return value;
    }

    public String expected() {
        return expected;
    }
}
