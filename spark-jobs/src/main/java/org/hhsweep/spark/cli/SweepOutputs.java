package org.hhsweep.spark.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.hhsweep.spark.analysis.SweepOutput;
import org.hhsweep.spark.io.ChunkFiles;
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
                    + String.join(", ", Tables.NAMES) + " written by the sweep command)");
        }
        Configuration conf = new Configuration();
        JsonNode manifest = SweepOutput.readManifest(dir, conf);
        notePartial(dir, manifest, conf, err);
        return new Checked(dir, tables, manifest);
    }

    /**
     * One "note:" line on stderr when the tables are partial: the sweep has not finished (it is
     * running, failed or was killed) or chunks its manifest counts are missing.
     */
    static void notePartial(Path dir, JsonNode manifest, Configuration conf, PrintStream err) throws IOException {
        String status = manifest.path("status").asText("unknown");
        long chunks = manifest.path("partitioning").path("chunks").asLong(0);
        long committed = ChunkFiles.committed(dir.getFileSystem(conf), dir).size();
        if (!Manifest.COMPLETE.equals(status) || committed < chunks) {
            err.println("note: the tables in " + OutputDirectory.display(dir) + " are partial: "
                    + (chunks > 0 ? committed + " of " + chunks + " chunks committed, " : "")
                    + "the manifest's status is " + status);
        }
    }
}
