package org.hhsweep.sim.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hhsweep.sim.model.NeuronModel;
import org.hhsweep.sim.units.Units;

/**
 * The models shipped with hhsweep, each a model file among the jar's resources
 * (org/hhsweep/sim/model/library/NAME.yaml, shown in docs/models.md): a config names one as
 * {@code model.base}. Adding a library model is adding its file and its name here.
 */
public final class ModelLibrary {
    /** The library's models, the default first. */
    public static final List<String> NAMES = List.of("hh", "traub_miles", "wang_buzsaki", "traub_miles_m");
    static final String RESOURCES = "/org/hhsweep/sim/model/library/";
    static final JsonNodeFactory FACTORY = JsonNodeFactory.instance;

    private static final Map<String, NeuronModel> MODELS = new ConcurrentHashMap<>();

    private ModelLibrary() {
    }

    /** A library model by name. */
    public static NeuronModel model(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("no library model '" + name + "', expected one of " + NAMES);
        }
        return MODELS.computeIfAbsent(name, n -> {
            ObjectNode tree = FACTORY.objectNode().put("base", n);
            return ModelReader.read(tree, java.nio.file.Path.of(""),
                    (node, field, unit) -> Units.toEngine(node.asText(), unit));
        });
    }

    /** The tutorial's model. */
    public static NeuronModel hh() {
        return model("hh");
    }

    /** The text of a library model's file. */
    public static String text(String name) {
        try (InputStream in = ModelLibrary.class.getResourceAsStream(RESOURCES + name + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("library model file " + name + ".yaml is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read library model " + name, e);
        }
    }

    static ObjectNode tree(String name) {
        JsonNode tree = ConfigText.read(text(name), name + ".yaml");
        return (ObjectNode) tree;
    }
}
