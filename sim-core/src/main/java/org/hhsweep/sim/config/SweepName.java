package org.hhsweep.sim.config;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a sweep may be called. The name is the default output directory's last component
 * ({@code out/<name>}), so it must be exactly one path component that lands inside {@code out/}:
 * no separator, no {@code .} or {@code ..}, nothing hidden, nothing a shell or another file system
 * reads differently.
 */
final class SweepName {
    static final int MAX_LENGTH = 100;
    static final String EXPECTED = "a non-empty name for the sweep of at most " + MAX_LENGTH
            + " letters, digits, '.', '_' and '-', not starting with '.', such as \"fi-curve\" (one path component:"
            + " the default output is out/<name>)";
    /** The name of a config whose file name has no usable character at all. */
    static final String FALLBACK = "sweep";

    private SweepName() {
    }

    /** The config's {@code name}, refused unless it is safe. */
    static String read(JsonNode n) {
        if (!n.isTextual()) {
            throw new ConfigException("name", Fields.show(n), EXPECTED);
        }
        String name = n.textValue().strip();
        if (!isSafe(name)) {
            throw new ConfigException("name", "\"" + n.textValue() + "\"", EXPECTED);
        }
        return name;
    }

    /**
     * The default name, from the config's file name without its extension. A file the user merely
     * named with a space or an accent is not refused: every character outside the safe set becomes
     * '_', as does a leading '.', and the result is cut to {@link #MAX_LENGTH}.
     */
    static String fromFile(String baseName) {
        StringBuilder b = new StringBuilder();
        baseName.codePoints().limit(MAX_LENGTH).forEach(c -> b.append(isSafe(c) ? (char) c : '_'));
        if (b.length() > 0 && b.charAt(0) == '.') {
            b.setCharAt(0, '_');
        }
        return b.length() == 0 ? FALLBACK : b.toString();
    }

    /** Not starting with '.' also rules out "." and "..". */
    static boolean isSafe(String name) {
        return !name.isEmpty() && name.length() <= MAX_LENGTH && name.charAt(0) != '.'
                && name.chars().allMatch(SweepName::isSafe);
    }

    private static boolean isSafe(int c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-');
    }
}
