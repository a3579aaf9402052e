package org.hhsweep.sim.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hhsweep.sim.fit.FitSpec;
import org.hhsweep.sim.network.NetworkSpec;
import org.hhsweep.sim.sweep.SweepSpec;

/**
 * A loaded, validated config: the sweep to run and the settings around it.
 *
 * @param spec      the sweep
 * @param output    the output directory named in the config, or null
 * @param resolved  the config with every default filled in and every quantity in engine units, for
 *                  the manifest
 * @param hash      a hash of {@code resolved} (hex SHA-256 of its canonical form, leaving out
 *                  {@code output} and {@code execution}: where and how a sweep runs does not change
 *                  what it computes), identifying the sweep for --resume
 * @param execution the config's {@code execution} section as written (not interpreted here), or a
 *                  MissingNode when there is none
 * @param network   the network every run simulates, or null for runs of independent neurons (the
 *                  spec's model, stimulus and neuron count); with a network the spec's neurons are
 *                  the network's
 * @param fit       the fit the config asks for ({@code fit:}), or null; its runs are its candidates under
 *                  the target's rows, over the spec's base run (which then sweeps nothing)
 */
public record SweepConfig(SweepSpec spec, String output, JsonNode resolved, String hash, JsonNode execution,
                          NetworkSpec network, FitSpec fit) {

    public SweepConfig {
        execution = execution == null ? MissingNode.getInstance() : execution;
    }

    /** A config without a fit. */
    public SweepConfig(SweepSpec spec, String output, JsonNode resolved, String hash, JsonNode execution,
                       NetworkSpec network) {
        this(spec, output, resolved, hash, execution, network, null);
    }

    /** A config of independent neurons. */
    public SweepConfig(SweepSpec spec, String output, JsonNode resolved, String hash, JsonNode execution) {
        this(spec, output, resolved, hash, execution, null, null);
    }

    /** A config without an execution section. */
    public SweepConfig(SweepSpec spec, String output, JsonNode resolved, String hash) {
        this(spec, output, resolved, hash, MissingNode.getInstance(), null, null);
    }

    /**
     * The hash this config has when its method is recorded under another name: how an output
     * recorded under a method's former name (Method.formerName) is recognised as this sweep.
     */
    public String hashWithMethodRecordedAs(String method) {
        ObjectNode copy = (ObjectNode) resolved.deepCopy();
        copy.withObjectProperty("simulation").put("method", method);
        return ResolvedConfig.hash(copy);
    }

    /**
     * The hash this fit's config has with another budget of generations ({@code
     * fit.optimizer.generations}): no setting of the search depends on the budget, so an output of
     * this fit under another budget is recognised as the same fit by it (resuming with a larger one).
     */
    public String hashWithFitGenerations(int generations) {
        if (fit == null) {
            throw new IllegalStateException("not a fit's config");
        }
        ObjectNode copy = (ObjectNode) resolved.deepCopy();
        copy.withObjectProperty("fit").withObjectProperty("optimizer").put("generations", generations);
        return ResolvedConfig.hash(copy);
    }
}
