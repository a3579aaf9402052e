package org.hhsweep.spark.cli;

import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.hhsweep.spark.analysis.Report;
import org.hhsweep.spark.io.OutputDirectory;

/** report DIR: writes DIR/report.html and its figures under DIR/report/. */
final class ReportCommand {
    private final Cli cli;

    ReportCommand(Cli cli) {
        this.cli = cli;
    }

    int run(List<String> rest) throws Exception {
        Args args = Args.parse(rest, Set.of("--verbose"), Set.of());
        SweepOutputs.Checked checked = SweepOutputs.check(args.positional("DIR").get(0), cli.err());
        Report.checkTargets(checked.dir(), new Configuration());
        SparkSession session = cli.sessions().open("hhsweep report", args.flag("--verbose"), cli.err());
        try {
            Report.Result r = Report.write(checked.open(session), session.sparkContext().hadoopConfiguration());
            for (String s : r.skipped()) {
                cli.out().println("not shown: " + s);
            }
            cli.out().println("wrote " + OutputDirectory.display(r.page()) + " with " + r.figures().size() + " figure"
                    + (r.figures().size() == 1 ? "" : "s") + " (open it in a browser; no server needed)");
        } finally {
            cli.sessions().release(session);
        }
        return Cli.OK;
    }
}
