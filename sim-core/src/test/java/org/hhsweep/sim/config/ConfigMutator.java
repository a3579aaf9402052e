package org.hhsweep.sim.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Breaks valid configs at random, the way people and editors do: keys deleted, misspelt, moved or
 * added; values replaced by zero, negatives, NaN, huge numbers or the wrong type; units swapped or
 * dropped; then, sometimes, the text itself truncated, cut, doubled or sprinkled with YAML
 * punctuation. Every mutant is a function of the valid text and the seed alone, so a failing
 * case is reproduced from the seed printed with it.
 */
public final class ConfigMutator {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern QUANTITY = Pattern.compile("\\s*([-+0-9.eE]+|NaN|inf|-inf)\\s*(.*)");

    /** Keys of every section, so renames and additions also produce known keys in the wrong place. */
    private static final List<String> KEYS = List.of("name", "seed", "simulation", "duration", "dt", "method",
            "window", "start", "end", "model", "gNa", "gK", "gL", "ENa", "EK", "EL", "C", "V_th", "initial", "V",
            "neurons", "stimulus", "type", "amplitude", "onset", "period", "from", "to", "step", "low", "high",
            "mean", "sigma", "tau", "shared", "sweep", "grid", "seeds", "random", "samples", "params", "uniform",
            "normal", "loguniform", "record", "traces", "variables", "every", "spikes", "output", "execution",
            "block_neurons", "chunk_runs", "slices", "model.gNa", "model.gK", "stimulus.amplitude", "simulation.dt",
            "simulation.duration", "initial.V", "stimulus.mean", "search");
    private static final List<String> UNITS = List.of("ms", "s", "us", "µs", "mV", "V", "uV", "mS/cm^2",
            "S/cm^2", "mS/cm²", "uA/cm^2", "nA/cm^2", "µA/cm^2", "uF/cm^2", "F/m^2", "Hz", "km", "", "fortnights",
            "mS", "cm^2", "A", "1", "%");
    private static final List<String> NUMBERS = List.of("0", "-0", "-1", "1", "2.5", "-65", "1e308", "-1e308",
            "1e400", "1e-300", "4.9e-324", "2147483648", "9223372036854775808", "NaN", "inf", "-inf", "0.0001",
            "1e6", "123456789012345678901234567890");
    private static final List<String> TEXT_NOISE = List.of(":", "{", "}", "[", "]", ",", "-", "#", "\t", "\"", "'",
            "&", "*", "!", "|", ">", "%", "@", "`", "?", " ", "\n", ": ", "- ", "\u0000", "\uFFFD", "é");

    private final SplittableRandom random;

    public ConfigMutator(SplittableRandom random) {
        this.random = random;
    }

    /**
     * A mutant of a valid config text.
     *
     * @param json whether the text is JSON (else YAML); the mutant is written in the same format
     */
    public String mutate(String text, boolean json) {
        JsonNode root;
        try {
            root = (json ? JSON : YAML).readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a valid seed config", e);
        }
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            root = mutateTree(root);
        }
        String out;
        try {
            out = json ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) : YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (random.nextInt(4) == 0) {
            out = mutateText(out);
        }
        return out;
    }

    /** A place in the tree: a mapping entry or a list element. */
    private record Slot(JsonNode parent, String key, int index) {
        JsonNode get() {
            return key != null ? parent.get(key) : parent.get(index);
        }

        void set(JsonNode value) {
            if (key != null) {
                ((ObjectNode) parent).set(key, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void remove() {
            if (key != null) {
                ((ObjectNode) parent).remove(key);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }

    private JsonNode mutateTree(JsonNode root) {
        List<Slot> slots = new ArrayList<>();
        collect(root, slots);
        if (slots.isEmpty() || random.nextInt(40) == 0) {
            return random.nextBoolean() ? atom() : NODES.objectNode();
        }
        Slot slot = slots.get(random.nextInt(slots.size()));
        JsonNode value = slot.get();
        switch (random.nextInt(10)) {
            case 0 -> slot.remove();
            case 1 -> rename(slot);
            case 2 -> slot.set(atom());
            case 3, 4 -> slot.set(value.isTextual() || value.isNumber() ? quantity(value.asText()) : atom());
            case 5 -> slot.set(reshape(value));
            case 6 -> addKey(slots);
            case 7 -> move(slot, slots);
            case 8 -> slot.set(number());
            default -> slot.set(value.isContainerNode() ? value : NODES.textNode(mangle(value.asText())));
        }
        return root;
    }

    private static void collect(JsonNode node, List<Slot> out) {
        if (node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                out.add(new Slot(node, key, -1));
                collect(node.get(key), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(new Slot(node, null, i));
                collect(node.get(i), out);
            }
        }
    }

    private void rename(Slot slot) {
        if (slot.key() == null) {
            slot.remove();
            return;
        }
        ObjectNode parent = (ObjectNode) slot.parent();
        JsonNode value = parent.remove(slot.key());
        String name = random.nextBoolean() ? pick(KEYS) : mangle(slot.key());
        parent.set(name, value);
    }

    private void addKey(List<Slot> slots) {
        List<ObjectNode> maps = new ArrayList<>();
        for (Slot s : slots) {
            if (s.parent().isObject()) {
                maps.add((ObjectNode) s.parent());
            }
        }
        if (!maps.isEmpty()) {
            maps.get(random.nextInt(maps.size())).set(pick(KEYS), random.nextBoolean() ? atom() : quantity("1 ms"));
        }
    }

    private void move(Slot slot, List<Slot> slots) {
        Slot target = slots.get(random.nextInt(slots.size()));
        JsonNode value = slot.get();
        if (target.get().isObject() && target.get() != value && slot.key() != null) {
            slot.remove();
            ((ObjectNode) target.get()).set(slot.key(), value);
        }
    }

    /** A value of some other kind. */
    private JsonNode atom() {
        return switch (random.nextInt(12)) {
            case 0 -> NODES.numberNode(0);
            case 1 -> NODES.numberNode(-1);
            case 2 -> NODES.numberNode(random.nextDouble() * 1e6);
            case 3 -> NODES.textNode(pick(NUMBERS));
            case 4 -> NODES.booleanNode(random.nextBoolean());
            case 5 -> NODES.nullNode();
            case 6 -> NODES.textNode("");
            case 7 -> NODES.textNode("abc");
            case 8 -> NODES.arrayNode();
            case 9 -> NODES.objectNode();
            case 10 -> NODES.arrayNode().add(quantity("1 ms")).add(quantity("2 mV"));
            default -> NODES.objectNode().set(pick(KEYS), quantity("5 uA/cm^2"));
        };
    }

    private JsonNode number() {
        return switch (random.nextInt(6)) {
            case 0 -> NODES.numberNode(0);
            case 1 -> NODES.numberNode(-random.nextInt(1000));
            case 2 -> NODES.numberNode(random.nextLong());
            case 3 -> NODES.numberNode(Double.NaN);
            case 4 -> NODES.numberNode(Integer.MAX_VALUE + 1L);
            default -> NODES.numberNode(random.nextInt(5) + 0.5);
        };
    }

    /** A quantity with its number or unit (or both) changed, or left out. */
    private JsonNode quantity(String text) {
        Matcher m = QUANTITY.matcher(text);
        String number = m.matches() ? m.group(1) : "1";
        String unit = m.matches() ? m.group(2) : "ms";
        switch (random.nextInt(6)) {
            case 0 -> number = pick(NUMBERS);
            case 1 -> unit = pick(UNITS);
            case 2 -> {
                number = pick(NUMBERS);
                unit = pick(UNITS);
            }
            case 3 -> number = number.startsWith("-") ? number.substring(1) : "-" + number;
            case 4 -> unit = "";
            default -> number = "";
        }
        String q = (number + " " + unit).strip();
        return random.nextInt(5) == 0 && !q.isEmpty() && unit.isEmpty() ? numberOrText(q) : NODES.textNode(q);
    }

    private static JsonNode numberOrText(String s) {
        try {
            return NODES.numberNode(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return NODES.textNode(s);
        }
    }

    /** A scalar as a list, a list as its first element or as an empty or doubled list. */
    private JsonNode reshape(JsonNode value) {
        if (value.isArray()) {
            return switch (random.nextInt(3)) {
                case 0 -> value.isEmpty() ? NODES.nullNode() : value.get(0);
                case 1 -> NODES.arrayNode();
                default -> {
                    ArrayNode doubled = value.deepCopy();
                    value.forEach(doubled::add);
                    yield doubled;
                }
            };
        }
        if (value.isObject()) {
            return NODES.arrayNode().add(value);
        }
        return NODES.arrayNode().add(value);
    }

    private String mangle(String s) {
        if (s.isEmpty()) {
            return "x";
        }
        int i = random.nextInt(s.length());
        return switch (random.nextInt(4)) {
            case 0 -> s.substring(0, i) + s.substring(i + 1);
            case 1 -> s.substring(0, i) + (char) ('a' + random.nextInt(26)) + s.substring(i);
            case 2 -> s.toUpperCase(java.util.Locale.ROOT);
            default -> i + 1 < s.length() ? s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2) : s + s;
        };
    }

    /** Damage to the text: truncated, a line cut, doubled or swapped, a character inserted or replaced. */
    private String mutateText(String text) {
        if (text.isEmpty()) {
            return pick(TEXT_NOISE);
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int at = random.nextInt(text.length());
        int line = random.nextInt(lines.size());
        switch (random.nextInt(6)) {
            case 0 -> {
                return text.substring(0, at);
            }
            case 1 -> lines.remove(line);
            case 2 -> lines.add(line, lines.get(line));
            case 3 -> {
                int other = random.nextInt(lines.size());
                String a = lines.get(line);
                lines.set(line, lines.get(other));
                lines.set(other, a);
            }
            case 4 -> {
                return text.substring(0, at) + pick(TEXT_NOISE) + text.substring(at);
            }
            default -> {
                return text.substring(0, at) + pick(TEXT_NOISE) + text.substring(at + 1);
            }
        }
        return String.join("\n", lines);
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
