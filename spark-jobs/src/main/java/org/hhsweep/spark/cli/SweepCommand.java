package org.hhsweep.spark.cli;

import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.hhsweep.sim.config.SweepConfig;
import org.hhsweep.spark.io.OutputDirectory;
import org.hhsweep.spark.job.ExecutionSettings;
import org.hhsweep.spark.job.SweepJob;

/** sweep CONFIG [--out DIR] [--overwrite]: runs a sweep and prints its summary. */
final class SweepCommand {
    private final Cli cli;

    SweepCommand(Cli cli) {
        this.cli = cli;
    }

    int run(List<String> rest) throws Exception {
        Args args = Args.parse(rest, Set.of("--overwrite", "--verbose"), Set.of("--out"));
        String file = args.positional("CONFIG").get(0);
        boolean verbose = args.flag("--verbose");
        boolean overwrite = args.flag("--overwrite");
        SweepConfig config = cli.load(file);
        ExecutionSettings exec = ExecutionSettings.fromConfig(config.resolved());
        Path output = OutputDirectory.resolve(args.option("--out", defaultOutput(config)));
        // Refuse before spending seconds on starting Spark.
        OutputDirectory.check(output, new Configuration(), overwrite);

        SparkSession session = cli.sessions().open("hhsweep sweep " + config.spec().name(), verbose, cli.err());
        try {
            SweepJob.Result result = SweepJob.run(session, config, output,
                    SweepJob.Options.of(overwrite, exec, cli.err()));
            if (config.spec().search() != null) {
                SearchReport.print(session, result, config.spec(), cli.out());
            } else {
                SweepReport.print(result, config.spec(), cli.out());
            }
        } finally {
            cli.sessions().release(session);
        }
        return Cli.OK;
    }

    /** The config's output, else out/NAME under the working directory. */
    static String defaultOutput(SweepConfig config) {
        return config.output() != null && !config.output().isBlank() ? config.output()
                : "out/" + config.spec().name();
    }
}
