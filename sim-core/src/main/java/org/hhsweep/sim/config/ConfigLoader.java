package org.hhsweep.sim.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads YAML or JSON sweep configs, with units, into a validated {@link SweepConfig}. */
public final class ConfigLoader {
    /**
     * The largest config read, in bytes (and characters for {@link #parse}). A real config is a few
     * kilobytes; parsing costs about a second per megabyte of YAML (docs/config.md), so beyond this
     * a file is refused by its size before any of it is read.
     */
    public static final int MAX_BYTES = 1 << 20;
    static final String SIZE_EXPECTED = "a config file of at most 1 MiB (" + MAX_BYTES + " bytes)";

    private ConfigLoader() {
    }

    /** Loads a config file; the format follows the extension (.yaml/.yml or .json). */
    public static SweepConfig load(Path file) {
        ConfigText.format(file.toString());
        return parse(read(file), file.getFileName().toString(), file.toAbsolutePath().getParent());
    }

    /**
     * Parses config text.
     *
     * @param sourceName a file name whose extension picks the format; also used in messages and,
     *                   without its extension, as the sweep's default name
     */
    public static SweepConfig parse(String text, String sourceName) {
        return parse(text, sourceName, Path.of("").toAbsolutePath());
    }

    /** As {@link #parse(String, String)}, with relative paths in the config (model.file) taken from configDir. */
    public static SweepConfig parse(String text, String sourceName, Path configDir) {
        if (text.length() > MAX_BYTES) {
            throw new ConfigException("", "a config of " + text.length() + " characters",
                    "a config file of at most 1 MiB (" + MAX_BYTES + " characters)");
        }
        return ConfigReader.read(ConfigText.read(text, sourceName), SweepName.fromFile(baseName(sourceName)), configDir);
    }

    /** The file's text: refused by its size first, and read no further than the limit (it may be growing, or a device). */
    static String read(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw tooLarge(file, size + " bytes");
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
            if (bytes.length > MAX_BYTES) {
                throw tooLarge(file, "more than " + MAX_BYTES + " bytes");
            }
            // strict decoding: malformed UTF-8 is an error, not replacement characters
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IOException e) {
            throw new ConfigException("", "'" + file + "' (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
                    "a readable UTF-8 config file", e);
        }
    }

    private static ConfigException tooLarge(Path file, String size) {
        return new ConfigException("", "'" + file + "' of " + size, SIZE_EXPECTED);
    }

    private static String baseName(String sourceName) {
        String file = Path.of(sourceName).getFileName().toString();
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }
}
