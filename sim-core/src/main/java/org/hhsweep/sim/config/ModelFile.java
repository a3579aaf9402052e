package org.hhsweep.sim.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a model file ({@code model.file}): the keys of a config's model section, in YAML or JSON. */
final class ModelFile {
    static final String FIELD = "model.file";
    private static final String EXPECTED = "a model file (YAML or JSON, at most 1 MiB) with the keys of a model"
            + " section: base, C, V_th, phi, channels";

    private ModelFile() {
    }

    /** The file's model tree; {@code written} is the path as the config gives it, for messages. */
    static ObjectNode read(Path file, String written) {
        return read(file, written, FIELD);
    }

    /** As {@link #read(Path, String)} for the file named at {@code field} (a population's model.file). */
    static ObjectNode read(Path file, String written, String field) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(field, "'" + written + "' (" + (Files.exists(file) ? "not a regular file"
                    : "no such file: " + file.toAbsolutePath().normalize()) + ")", EXPECTED);
        }
        JsonNode tree;
        try {
            tree = ConfigText.read(ConfigLoader.read(file), file.getFileName().toString());
        } catch (ConfigException e) {
            throw new ConfigException(field, "'" + written + "' (" + e.getMessage() + ")", EXPECTED, e);
        }
        if (!tree.isObject()) {
            throw new ConfigException(field, "'" + written + "' holding " + Fields.show(tree), EXPECTED);
        }
        for (String key : ConfigReader.TOP_KEYS) {
            if (!key.equals("model") && tree.has(key)) {
                throw new ConfigException(field, "'" + written + "', a sweep config (it has '" + key + "')", EXPECTED);
            }
        }
        if (tree.has("model") && tree.size() == 1) {
            throw new ConfigException(field, "'" + written + "', whose keys sit under 'model:'",
                    EXPECTED + " at the top level, without 'model:'");
        }
        return (ObjectNode) Fields.section(tree, field + "(" + written + ")", ModelReader.FILE_KEYS);
    }
}
