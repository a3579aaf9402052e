package org.hhsweep.sim.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads YAML or JSON sweep configs, with units, into a validated {@link SweepConfig}. */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    /** Loads a config file; the format follows the extension (.yaml/.yml or .json). */
    public static SweepConfig load(Path file) {
        ConfigText.format(file.toString());
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("", "'" + file + "' (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
                    "a readable UTF-8 config file", e);
        }
        return parse(text, file.getFileName().toString());
    }

    /**
     * Parses config text.
     *
     * @param sourceName a file name whose extension picks the format; also used in messages and,
     *                   without its extension, as the sweep's default name
     */
    public static SweepConfig parse(String text, String sourceName) {
        return ConfigReader.read(ConfigText.read(text, sourceName), baseName(sourceName));
    }

    private static String baseName(String sourceName) {
        String file = Path.of(sourceName).getFileName().toString();
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }
}
