package org.hhsweep.spark.cli;

import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.hhsweep.sim.config.SweepConfig;
import org.hhsweep.spark.io.OutputContents;
import org.hhsweep.spark.io.OutputDirectory;
import org.hhsweep.spark.io.OutputLock;
import org.hhsweep.spark.io.OutputPlace;
import org.hhsweep.spark.job.ExecutionSettings;
import org.hhsweep.spark.job.FitJob;
import org.hhsweep.spark.job.FitResume;
import org.hhsweep.spark.job.MemoryBudget;
import org.hhsweep.spark.job.ResumePlan;
import org.hhsweep.spark.job.SweepJob;

/**
 * sweep CONFIG [--out DIR] [--overwrite | --resume] [--max-output SIZE] [--ignore-free-space]:
 * runs a sweep, or the fit of a config with fit: (FitJob), and prints its summary. Everything that
 * can refuse the sweep is checked before anything is written and before Spark starts; then the
 * output's lock is held until the end.
 */
final class SweepCommand {
    private final Cli cli;

    SweepCommand(Cli cli) {
        this.cli = cli;
    }

    int run(List<String> rest) throws Exception {
        Args args = Args.parse(rest, Set.of("--overwrite", "--resume", "--ignore-free-space", "--verbose"),
                Set.of("--out", "--max-output"));
        String file = args.positional("CONFIG").get(0);
        boolean verbose = args.flag("--verbose");
        boolean overwrite = args.flag("--overwrite");
        boolean resume = args.flag("--resume");
        if (overwrite && resume) {
            throw new UsageException("--overwrite and --resume exclude each other (--overwrite starts the sweep"
                    + " afresh, --resume continues it)");
        }
        OptionalLong maxOutput = ByteSize.limit("--max-output",
                args.option("--max-output", OutputSizeCheck.DEFAULT_MAX_OUTPUT));
        SweepConfig config = cli.load(file);
        boolean fitting = config.fit() != null;
        ExecutionSettings exec = ExecutionSettings.fromConfig(config.resolved());
        // A network run too large for an executor's heap: refused now, not after hours of OutOfMemoryError.
        MemoryBudget.current().check(config.spec());
        Path output = OutputDirectory.resolve(args.option("--out", defaultOutput(config)));
        Configuration hadoop = new Configuration();

        // Refuse before spending seconds on starting Spark, and before changing anything.
        OutputPlace.check(output, java.nio.file.Path.of(file));
        OutputLock.checkFree(output, hadoop);
        double toRun = 1;
        if (resume && fitting) {
            FitResume.load(output, hadoop, config);
        } else if (resume) {
            ResumePlan plan = ResumePlan.load(output, hadoop, config, false);
            toRun = (double) plan.pendingRuns() / config.spec().runCount();
        } else {
            OutputContents replaced = OutputDirectory.check(output, hadoop, overwrite);
            if (replaced != null && !replaced.foreign().isEmpty()) {
                cli.err().println("note: --overwrite keeps what hhsweep did not write in " + OutputDirectory.display(output)
                        + ": " + Listing.some(replaced.foreign()));
            }
        }
        // After the checks above, as its probe file touches the directory (its modification time).
        OutputDirectory.checkWritable(output, hadoop);
        // A fit's tables are a few rows per run, its runs not known in advance: no estimate.
        String estimate = fitting ? null : OutputSizeCheck.check(config.spec(), toRun, output, hadoop, maxOutput,
                overwrite, cli.freeSpace(), !args.flag("--ignore-free-space"));

        // Spark first: a master that cannot be reached must leave no output directory or lock behind.
        SparkSession session = cli.sessions().open("hhsweep sweep " + config.spec().name(), verbose, cli.err());
        try {
            if (estimate != null) {
                cli.err().println(estimate);
            }
            // Held until the driver ends; the OS drops it if the driver is killed (elsewhere than on a
            // local path it goes stale). The sweep re-checks the directory under it, in case another
            // sweep changed it since the checks above.
            try (OutputLock lock = OutputLock.acquire(output, session.sparkContext().hadoopConfiguration(),
                    cli.err()::println)) {
                if (fitting) {
                    FitReport.print(FitJob.run(session, config, output, FitJob.Options.of(overwrite, resume, exec,
                            cli.err())), config.fit(), cli.out());
                    return Cli.OK;
                }
                SweepJob.Options options = SweepJob.Options.of(overwrite, exec, cli.err());
                SweepJob.Result result = SweepJob.run(session, config, output,
                        resume ? options.resuming() : options);
                if (config.spec().search() != null) {
                    SearchReport.print(session, result, config.spec(), cli.out());
                } else {
                    SweepReport.print(result, config.spec(), cli.out());
                }
                if (config.spec().sensitivity() != null) {
                    SensitivityReport.print(session, output, config.spec(), cli.out());
                }
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
