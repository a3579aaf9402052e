package org.hhsweep.sim.config;

/**
 * A config that cannot be run, with the field that is wrong (its dotted path, e.g.
 * {@code sweep.grid.model.gNa.step}), the value given, and what was expected. The message is one
 * line of readable length whatever the config holds: line breaks and other control characters
 * (but tabs) are escaped, and a very long field or value is cut (its length said).
 */
public class ConfigException extends RuntimeException {
    /** Longest field or value shown in full; a config may hold a scalar of a megabyte. */
    static final int MAX_SHOWN = 500;
    /** What is expected may quote the config (a bound as written), so it is cut too, more generously. */
    static final int MAX_EXPECTED_SHOWN = 1000;

    private final String field;
    private final String value;
    private final String expected;

    public ConfigException(String field, String value, String expected) {
        this(field, value, expected, null);
    }

    public ConfigException(String field, String value, String expected, Throwable cause) {
        super(message(shown(field, MAX_SHOWN), shown(value, MAX_SHOWN), shown(expected, MAX_EXPECTED_SHOWN)), cause);
        this.field = shown(field, MAX_SHOWN);
        this.value = shown(value, MAX_SHOWN);
        this.expected = shown(expected, MAX_EXPECTED_SHOWN);
    }

    /** {@code s} on one line, control characters escaped, cut to about {@code max} characters. */
    static String shown(String s, int max) {
        if (s == null) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        int kept = 0;
        for (int i = 0; i < s.length() && kept < max; i++, kept++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append(c);
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return kept < s.length() ? b + "... (" + s.length() + " characters)" : b.toString();
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
