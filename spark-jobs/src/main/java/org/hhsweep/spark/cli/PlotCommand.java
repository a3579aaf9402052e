package org.hhsweep.spark.cli;

import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.hhsweep.spark.analysis.ImageFormat;
import org.hhsweep.spark.analysis.OutputFiles;
import org.hhsweep.spark.analysis.PlotKind;
import org.hhsweep.spark.analysis.PlotOptions;
import org.hhsweep.spark.analysis.QueryError;
import org.hhsweep.spark.analysis.ReadOnlySql;
import org.hhsweep.spark.analysis.Rendered;
import org.hhsweep.spark.analysis.SweepOutput;
import org.hhsweep.spark.io.OutputDirectory;
import org.hhsweep.spark.io.OutputLayout;
import org.hhsweep.spark.io.OutputLock;
import org.hhsweep.spark.io.OutputRefused;

/**
 * plot DIR --kind KIND [--where SQL] [--out FILE [--overwrite]] [--format png|svg] [--width W] [--height H]
 * [--limit N] [--x PATH] [--y PATH] [--series PATH|none] [--run ID]: one figure from a sweep's output.
 */
final class PlotCommand {
    private final Cli cli;

    PlotCommand(Cli cli) {
        this.cli = cli;
    }

    int run(List<String> rest) throws Exception {
        Args args = Args.parse(rest, Set.of("--verbose", "--overwrite"), Set.of("--kind", "--where", "--out", "--format", "--width",
                "--height", "--limit", "--x", "--y", "--series", "--run"));
        String location = args.positional("DIR").get(0);
        String kindName = args.option("--kind", null);
        if (kindName == null) {
            throw new UsageException("plot needs --kind, one of " + PlotKind.ids());
        }
        PlotKind kind = PlotKind.parse(kindName);
        String out = args.option("--out", null);
        ImageFormat format = format(args.option("--format", null), out);
        Integer limit = args.option("--limit", null) == null ? null : number(args, "--limit", 0);
        Long run = run(args.option("--run", null), kind);
        PlotOptions options = new PlotOptions(args.option("--where", null), limit, args.option("--x", null),
                args.option("--y", null), args.option("--series", null),
                number(args, "--width", PlotOptions.DEFAULT_WIDTH), number(args, "--height", kind.defaultHeight()),
                run);
        if (options.where() != null) {
            ReadOnlySql.checkNesting(options.where(), "--where");
        }
        SweepOutputs.Checked checked = SweepOutputs.check(location, cli.err());
        Path file = out != null ? OutputDirectory.resolve(out)
                : new Path(new Path(checked.dir(), OutputLayout.PLOTS), kind.id() + "." + format.extension());
        Configuration hadoop = new Configuration();
        if (out == null) {
            refuseLinkedPlotsDirectory(file.getParent());
        }
        // Before Spark starts: a file in the way or a place that cannot be written fails at once.
        OutputFiles.checkTarget(file, hadoop, args.flag("--overwrite"), "--out");

        SparkSession session = cli.sessions().open("hhsweep plot", args.flag("--verbose"), cli.err());
        try {
            Logging.quietTaskFailures(args.flag("--verbose"));
            ReadOnlySql.checkPredicate(session, options.where(), checked.tables());
            SweepOutput output = checked.open(session);
            // Errors of the plot's own SQL are the program's; with --where they may be the user's.
            Rendered r = options.where() == null ? kind.render(output, options)
                    : QueryError.translating(() -> kind.render(output, options));
            OutputFiles.write(file, session.sparkContext().hadoopConfiguration(), args.flag("--overwrite"),
                    s -> r.figure().write(s, format));
            cli.out().printf(Locale.ROOT, "wrote %s (%s, %dx%d): %s%n", OutputDirectory.display(file),
                    format.extension(), options.width(), options.height(), r.summary());
        } finally {
            cli.sessions().release(session);
        }
        return Cli.OK;
    }

    /** The output's own plots directory is written into only when it is a directory, not a link to elsewhere. */
    private static void refuseLinkedPlotsDirectory(Path plots) {
        java.nio.file.Path local = OutputLock.local(plots);
        if (local != null && Files.isSymbolicLink(local)) {
            throw new OutputRefused(OutputDirectory.display(plots) + " is a symbolic link; hhsweep writes figures only"
                    + " into a directory of its own: remove the link, or name a file with --out");
        }
    }

    /** --format, else the extension of --out, else PNG; a --format contradicting --out's extension is refused. */
    static ImageFormat format(String option, String out) {
        ImageFormat byName = out == null ? null : ImageFormat.ofFileName(out);
        if (option == null) {
            return byName == null ? ImageFormat.PNG : byName;
        }
        ImageFormat f = ImageFormat.parse(option);
        if (byName != null && byName != f) {
            throw new UsageException("--format " + option + " but --out " + out + " names a " + byName.extension()
                    + " file");
        }
        return f;
    }

    /** --run ID, which only the plots of one run take (gates, rates): the others choose runs by --where. */
    private static Long run(String value, PlotKind kind) {
        if (value == null) {
            return null;
        }
        if (!kind.takesRun()) {
            throw new UsageException("--run is for --kind " + PlotKind.runKinds() + "; the " + kind.id() + " plot picks runs with --where \"run_id = "
                    + value + "\"");
        }
        long id;
        try {
            id = Long.parseLong(value);
        } catch (NumberFormatException e) {
            id = -1;
        }
        if (id < 0) {
            throw new UsageException("--run needs a run id, a whole number from 0, got " + value);
        }
        return id;
    }

    private static int number(Args args, String name, int fallback) {
        String v = args.option(name, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new UsageException(name + " needs a whole number, got " + v);
        }
    }
}
