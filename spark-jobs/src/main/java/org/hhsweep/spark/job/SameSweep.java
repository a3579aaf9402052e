package org.hhsweep.spark.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hhsweep.sim.config.SweepConfig;
import org.hhsweep.sim.integrate.Method;
import org.hhsweep.spark.io.OutputRefused;

/**
 * Whether an output holds the sweep a config describes, for --resume: the manifest's config hash
 * is the config's. An output whose manifest names a method by its former name (exp_euler: the
 * reference, until the fast kernel took that name) is the same sweep for a config that names the
 * reference now; a config whose method is the fast kernel is refused, so that no sweep mixes the
 * two, with the advice to name the reference.
 */
final class SameSweep {
    private SameSweep() {
    }

    /** @throws OutputRefused when the output holds another sweep */
    static void check(ObjectNode manifest, SweepConfig config, String where) {
        String hash = manifest.at("/sweep/config_hash").asText("");
        if (hash.equals(config.hash())) {
            return;
        }
        String recorded = manifest.at("/config/simulation/method").asText("");
        Method former = Method.fromFormerName(recorded);
        if (former != null && hash.equals(config.hashWithMethodRecordedAs(recorded))) {
            Method method = config.spec().base().method();
            if (method == former) {
                return;
            }
            throw new OutputRefused("cannot resume " + where + ": its manifest names method " + recorded
                    + ", which then meant " + former.recordedName() + ", but this config runs " + method.recordedName()
                    + " and one sweep must not mix them: set simulation.method: " + former.recordedName()
                    + " to resume it, or use --overwrite to rerun it");
        }
        throw new OutputRefused("cannot resume " + where + ": it holds a sweep of another config (config hash "
                + abbreviate(hash) + " in its manifest, " + abbreviate(config.hash()) + " for this config);"
                + " resume with the config it was started with, or use --overwrite to replace it");
    }

    private static String abbreviate(String hash) {
        return hash.isEmpty() ? "(none)" : hash.length() > 12 ? hash.substring(0, 12) + "..." : hash;
    }
}
