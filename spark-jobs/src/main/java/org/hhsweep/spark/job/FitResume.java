package org.hhsweep.spark.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.hhsweep.sim.config.SweepConfig;
import org.hhsweep.spark.io.OutputDirectory;
import org.hhsweep.spark.io.OutputRefused;

/**
 * Where an interrupted fit stands, for {@code --resume}: its manifest, which must be this fit's,
 * and the optimizer's state after its last finished generation (null when none finished). The
 * budget of generations may differ from the one it was started with, as long as it is not below
 * the generations already done: no setting of the search depends on it.
 *
 * @param manifest        the manifest found
 * @param state           the optimizer's saved state ({@code fit.state} as JSON text), or null
 * @param generationsDone generations finished and recorded
 */
public record FitResume(ObjectNode manifest, String state, int generationsDone) {

    /**
     * Reads and checks what an output holds; changes nothing.
     *
     * @throws OutputRefused when there is nothing to resume, or it is not this fit
     */
    public static FitResume load(Path output, Configuration conf, SweepConfig config) throws IOException {
        String where = OutputDirectory.display(output);
        ObjectNode manifest = ResumePlan.manifestToResume(output, conf, "fit");
        JsonNode fit = manifest.get("fit");
        if (fit == null || !fit.isObject()) {
            throw new OutputRefused("cannot resume " + where + ": it holds a sweep, not a fit; choose another --out,"
                    + " or use --overwrite to replace it");
        }
        int done = fit.path("generations_done").asInt(0);
        int recordedBudget = manifest.at("/config/fit/optimizer/generations").asInt(-1);
        String hash = manifest.at("/sweep/config_hash").asText("");
        if (recordedBudget < 1 || !hash.equals(config.hashWithFitGenerations(recordedBudget))) {
            SameSweep.check(manifest, config, where);
        }
        int budget = config.fit().optimizer().generations();
        if (budget < done) {
            throw new OutputRefused("cannot resume " + where + ": it has done " + done + " generations, more than"
                    + " fit.optimizer.generations " + budget + " of this config; give a budget of at least " + done);
        }
        JsonNode state = fit.get("state");
        return new FitResume(manifest, state == null || !state.isObject() ? null : state.toString(), done);
    }
}
