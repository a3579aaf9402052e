package org.hhsweep.sim.config;

import java.util.List;

/**
 * A swept path and the values its runs can take, each with the config field that gives it: every
 * grid value, or the bounds of a sampled distribution. Swept values must pass the checks a base
 * value passes, and errors point at these fields.
 */
record Swept(String path, List<Value> values) {

    Swept {
        values = List.copyOf(values);
    }

    /** One value in engine units, where the config gives it and as written there. */
    record Value(double value, String field, String text) {
    }
}
