package org.hhsweep.sim.config;

import java.nio.file.Path;

/** Loads YAML or JSON sweep configs, with units, into a validated {@link SweepConfig}. */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    /** Loads a config file; the format follows the extension (.yaml/.yml or .json). */
    public static SweepConfig load(Path file) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /**
     * Parses config text.
     *
     * @param sourceName a file name whose extension picks the format; also used in messages
     */
    public static SweepConfig parse(String text, String sourceName) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
