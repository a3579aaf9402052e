package org.hhsweep.sim.config;

import com.fasterxml.jackson.databind.JsonNode;
import org.hhsweep.sim.sweep.SweepSpec;

/**
 * A loaded, validated config: the sweep to run and the settings around it.
 *
 * @param spec     the sweep
 * @param output   the output directory named in the config, or null
 * @param resolved the config with every default filled in and every quantity in engine units, for
 *                 the manifest
 * @param hash     a hash of {@code resolved} (hex), identifying the sweep for --resume
 */
public record SweepConfig(SweepSpec spec, String output, JsonNode resolved, String hash) {
}
