package org.hhsweep.spark.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.hhsweep.sim.sweep.RunTemplate;
import org.hhsweep.sim.sweep.SearchResult;
import org.hhsweep.sim.sweep.SearchSpec;
import org.hhsweep.sim.sweep.SweepSpec;
import org.hhsweep.sim.units.EngineUnit;
import org.hhsweep.sim.units.Units;
import org.hhsweep.spark.io.OutputDirectory;
import org.hhsweep.spark.io.Tables;
import org.hhsweep.spark.job.ChunkCounts;
import org.hhsweep.spark.job.ProgressLine;
import org.hhsweep.spark.job.SweepJob;

/**
 * The summary printed when a threshold search ends, read back from its thresholds table: every
 * search's threshold when there are few, and how many searches found one.
 */
final class SearchReport {
    /** Searches up to this many are listed one per line. */
    static final int LIST = 20;

    private SearchReport() {
    }

    static void print(SparkSession spark, SweepJob.Result result, SweepSpec spec, PrintStream out) {
        SearchSpec search = spec.search();
        EngineUnit unit = spec.base().unit(search.path());
        ChunkCounts t = result.totals();
        out.printf(Locale.ROOT, "search %s: %,d run%s, smallest %s in [%s, %s] where %s, to %s; %s neuron-steps%n",
                spec.name(), t.runs(), t.runs() == 1 ? "" : "s", search.path(), Units.format(search.from(), unit),
                Units.format(search.to(), unit), search.criterion(), Units.format(search.tolerance(), unit),
                ProgressLine.scientific(t.neuronSteps()));
        List<Row> rows = spark.read().parquet(new Path(result.output(), Tables.THRESHOLDS).toString())
                .orderBy("run_id").collectAsList();
        long found = 0;
        long noChange = 0;
        long diverged = 0;
        for (Row r : rows) {
            String status = r.getAs("status");
            found += SearchResult.OK.equals(status) ? 1 : 0;
            noChange += SearchResult.NO_CHANGE.equals(status) ? 1 : 0;
            diverged += SearchResult.DIVERGED.equals(status) ? 1 : 0;
            if (rows.size() <= LIST) {
                out.println(who(r, spec) + ": " + (SearchResult.OK.equals(status)
                        ? "threshold " + Units.format(r.<Double>getAs("threshold"), unit)
                        + " (failed at " + Units.format(r.<Double>getAs("bracket_low"), unit) + ")"
                        : status + ": " + r.getAs("detail")));
            }
        }
        out.printf(Locale.ROOT, "thresholds found: %,d; no change in bracket: %,d; diverged: %,d%n", found, noChange,
                diverged);
        out.println("output: " + OutputDirectory.display(result.output()) + " (table " + Tables.THRESHOLDS + ")");
        SweepReport.printResumed(result, out);
        out.printf(Locale.ROOT, "wall time: %.1f s%n", result.wallSeconds());
    }

    /** "model.gK = 30 mS/cm^2, replicate 1", or "run 0" for a search without grid or samples. */
    private static String who(Row r, SweepSpec spec) {
        List<String> parts = new ArrayList<>();
        for (String path : spec.sweptPaths()) {
            parts.add(path + " = " + Units.format(r.<Double>getAs(RunTemplate.column(path)), spec.base().unit(path)));
        }
        if (spec.seeds() > 1) {
            parts.add("replicate " + r.<Integer>getAs("replicate"));
        }
        return parts.isEmpty() ? "run " + r.<Long>getAs("run_id") : String.join(", ", parts);
    }
}
