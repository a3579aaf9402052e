package org.hhsweep.spark.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.hhsweep.spark.analysis.SweepOutput;
import org.hhsweep.spark.io.OutputDirectory;
import org.hhsweep.spark.io.Tables;
import org.hhsweep.spark.job.Manifest;

/** Opens a sweep's output directory for the plot and report commands. */
final class SweepOutputs {
    private SweepOutputs() {
    }

    /** An output directory found to hold tables and a manifest, not yet read by Spark. */
    record Checked(Path dir, List<String> tables, JsonNode manifest) {
        /** Registers the tables as views in the session. */
        SweepOutput open(SparkSession session) {
            QueryCommand.registerViews(session, dir, tables);
            return new SweepOutput(session, dir, manifest, tables);
        }
    }

    /** Checks the directory before Spark starts, so a wrong path fails in a fraction of a second. */
    static Checked check(String location, PrintStream err) throws IOException {
        Path dir = OutputDirectory.resolve(location);
        List<String> tables = QueryCommand.tablesIn(dir);
        if (tables.isEmpty()) {
            throw new UsageException("no tables in " + OutputDirectory.display(dir) + " (expected "
                    + String.join(", ", Tables.ALL_NAMES) + " written by the sweep command)");
        }
        JsonNode manifest = SweepOutput.readManifest(dir, new Configuration());
        if (!Manifest.COMPLETE.equals(manifest.path("status").asText())) {
            err.println("note: the sweep in " + OutputDirectory.display(dir)
                    + " has not finished; using the chunks it has committed");
        }
        return new Checked(dir, tables, manifest);
    }
}
