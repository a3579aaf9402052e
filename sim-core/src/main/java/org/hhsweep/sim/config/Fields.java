package org.hhsweep.sim.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hhsweep.sim.units.EngineUnit;
import org.hhsweep.sim.units.Units;

/**
 * Typed reading of config values, each error naming the dotted field path. An absent key, a YAML
 * {@code key:} with no value and JSON null all mean "not given".
 */
final class Fields {
    private Fields() {
    }

    static String path(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    static boolean given(JsonNode n) {
        return n != null && !n.isNull() && !n.isMissingNode();
    }

    /** How a value appears in messages: text as written, anything else as compact JSON. */
    static String show(JsonNode n) {
        return n.isTextual() ? n.textValue() : n.toString();
    }

    /** A number or boolean as YAML would read it unquoted. */
    private static final Pattern NUMBER_OR_BOOLEAN = Pattern.compile(
            "[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?|true|false");

    /**
     * How a value appears in messages about a number or a boolean: as {@link #show}, but quoted text
     * that reads like one is said to be a string ({@code "10" (a string)}), since 10 and "10"
     * look alike once quotes are dropped.
     */
    static String showScalar(JsonNode n) {
        return n.isTextual() && NUMBER_OR_BOOLEAN.matcher(n.textValue().strip()).matches()
                ? "\"" + n.textValue() + "\" (a string)" : show(n);
    }

    /** A mapping whose keys must all be among {@code known}. */
    static ObjectNode section(JsonNode n, String field, List<String> known) {
        if (!n.isObject()) {
            throw new ConfigException(field, show(n), "a mapping with keys " + String.join(", ", known));
        }
        ObjectNode o = (ObjectNode) n;
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (key.isEmpty()) {
                // YAML makes one from a stray ':' or an anchor ('&name') where a key should be.
                throw new ConfigException(path(field, "\"\""), "a key with no name",
                        "one of " + String.join(", ", known) + " (a stray ':', '&' or '*' leaves a key empty)");
            }
            if (!known.contains(key)) {
                throw unknownKey(path(field, key), key, known);
            }
        }
        return o;
    }

    static ConfigException unknownKey(String field, String key, List<String> known) {
        return new ConfigException(field, "unknown key '" + key + "'",
                "one of " + String.join(", ", known) + Suggest.hint(key, known));
    }

    static ConfigException missing(String field, String expected) {
        return new ConfigException(field, "nothing", expected);
    }

    /** A quantity as written and its value in engine units. */
    record Quantity(double value, String text) {
    }

    static Quantity quantity(JsonNode n, String field, EngineUnit unit) {
        return quantity(n, field, unit, example(field, unit));
    }

    /** A quantity whose example in messages is given, for a field the name alone does not tell. */
    static Quantity quantity(JsonNode n, String field, EngineUnit unit, String example) {
        if (!given(n)) {
            throw missing(field, "a " + Units.dimensionName(unit) + " such as \"" + example + "\"");
        }
        if (!n.isTextual() && !n.isNumber()) {
            throw new ConfigException(field, show(n), "a " + Units.dimensionName(unit) + " such as \"" + example + "\"");
        }
        String text = n.asText();
        try {
            return new Quantity(Units.toEngine(text, unit, example), text.strip());
        } catch (Units.QuantityException e) {
            throw new ConfigException(field, text.strip(), e.expected(), e);
        }
    }

    /**
     * Typical values of the simulation's and the record's times by field name: "0.01 ms" is a fine
     * dt but a poor duration. A stimulus type gives its own, as one type's period is not another's.
     */
    private static final Map<String, String> TIME_EXAMPLES = Map.of("duration", "100 ms", "dt", "0.01 ms",
            "start", "500 ms", "end", "1000 ms", "every", "0.1 ms");

    /** A typical value for a field, for messages. */
    static String example(String field, EngineUnit unit) {
        if (unit != EngineUnit.MILLISECOND) {
            return Units.example(unit);
        }
        String f = field.replaceAll("\\[\\d+]$", "").replaceAll("\\.(from|to|step)$", "");
        return TIME_EXAMPLES.getOrDefault(f.substring(f.lastIndexOf('.') + 1), Units.example(unit));
    }

    static long integer(JsonNode n, String field, long min, String meaning) {
        String expected = "a whole number" + (min == Long.MIN_VALUE ? "" : " >= " + min) + meaning;
        if (!n.isNumber() || !(n.isIntegralNumber() ? n.canConvertToLong()
                : Double.isFinite(n.doubleValue()) && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) < 0x1p53)) {
            throw new ConfigException(field, showScalar(n), expected);
        }
        long v = n.isIntegralNumber() ? n.longValue() : (long) n.doubleValue();
        if (v < min) {
            throw new ConfigException(field, showScalar(n), expected);
        }
        return v;
    }

    static int integer(JsonNode n, String field, int min, int max, String meaning) {
        String expected = "a whole number from " + min + " to " + max + meaning;
        long v;
        try {
            v = integer(n, field, Long.MIN_VALUE, "");
        } catch (ConfigException e) {
            throw new ConfigException(field, showScalar(n), expected);
        }
        if (v < min || v > max) {
            throw new ConfigException(field, showScalar(n), expected);
        }
        return (int) v;
    }

    static boolean bool(JsonNode n, String field) {
        if (!n.isBoolean()) {
            throw new ConfigException(field, showScalar(n), "true or false");
        }
        return n.booleanValue();
    }

    static String text(JsonNode n, String field, String expected) {
        if (!n.isTextual() || n.textValue().isBlank()) {
            throw new ConfigException(field, show(n), expected);
        }
        return n.textValue().strip();
    }

    /** One of a fixed set of names, with the closest suggested when misspelt. */
    static String choice(JsonNode n, String field, List<String> options) {
        String expected = "one of " + String.join(", ", options);
        String s = text(n, field, expected);
        if (!options.contains(s)) {
            throw new ConfigException(field, s, expected + Suggest.hint(s, options));
        }
        return s;
    }

    /** A list (a single scalar counts as a list of one). */
    static List<JsonNode> list(JsonNode n, String field, String expected) {
        List<JsonNode> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(out::add);
        } else if (n.isValueNode()) {
            out.add(n);
        } else {
            throw new ConfigException(field, show(n), expected);
        }
        return out;
    }
}
