package org.hhsweep.sim.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/** Turns config text into a JSON tree, by the file's extension, with syntax errors located by line and column. */
final class ConfigText {
    // Duplicate keys would otherwise silently keep the last value; trailing content (a second YAML
    // document, a second JSON object) would be silently ignored.
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final String BOM = "\uFEFF";

    private ConfigText() {
    }

    static JsonNode read(String text, String sourceName) {
        String format = format(sourceName);
        boolean json = format.equals("JSON");
        ObjectMapper mapper = json ? JSON : YAML;
        // A UTF-8 byte order mark survives decoding as U+FEFF: SnakeYAML skips it, Jackson's JSON
        // parser does not, and a file saved "with BOM" is still the config the user wrote.
        String body = text.startsWith(BOM) ? text.substring(1) : text;
        JsonNode root;
        try (JsonParser p = json ? mapper.createParser(body) : new NoAliases(mapper.createParser(body))) {
            root = mapper.readTree(p);
        } catch (JsonProcessingException e) {
            throw syntaxError(e, format);
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new ConfigException("", "an empty " + format + " document", "a mapping of config keys such as "
                    + "\"simulation: {duration: 100 ms}\"");
        }
        return root;
    }

    /** "YAML" or "JSON", from the extension. */
    static String format(String sourceName) {
        String lower = sourceName == null ? "" : sourceName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return "YAML";
        }
        if (lower.endsWith(".json")) {
            return "JSON";
        }
        throw new ConfigException("", "file name '" + sourceName + "'", "a config file ending in .yaml, .yml or .json");
    }

    private static ConfigException syntaxError(JsonProcessingException e, String format) {
        int line = -1;
        int column = -1;
        String problem = e.getOriginalMessage();
        // SnakeYAML marks the problem itself; Jackson's location is where it stopped reading.
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        if (cause instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblemMark() != null) {
            line = m.getProblemMark().getLine() + 1;
            column = m.getProblemMark().getColumn() + 1;
            problem = m.getProblem();
        } else if (e.getLocation() != null && e.getLocation() != JsonLocation.NA) {
            line = e.getLocation().getLineNr();
            column = e.getLocation().getColumnNr();
        }
        problem = problem == null ? "" : problem.lines().findFirst().orElse("").strip();
        String where = line > 0 ? " at line " + line + ", column " + column : "";
        // Only a duplicate key has an exact field (the parser's current name); for other syntax errors
        // that name is wherever the parser gave up, which misleads more than line and column help.
        String field = problem.startsWith("Duplicate field") ? fieldOf(e) : "";
        return new ConfigException(field, "invalid " + format + where + ": " + problem, "well-formed " + format, e);
    }

    /** The dotted path the parser was in when it failed, when it knows. */
    private static String fieldOf(JsonProcessingException e) {
        if (!(e.getProcessor() instanceof JsonParser p)) {
            return "";
        }
        Deque<String> names = new ArrayDeque<>();
        for (JsonStreamContext c = p.getParsingContext(); c != null; c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                names.push(c.getCurrentName());
            }
        }
        return String.join(".", names);
    }
}
