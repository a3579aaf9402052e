package org.hhsweep.spark.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.AnalysisException;
import org.hhsweep.sim.config.ConfigException;
import org.hhsweep.sim.config.SweepConfig;
import org.hhsweep.spark.analysis.PlotException;
import org.hhsweep.spark.analysis.QueryError;
import org.hhsweep.spark.io.BuildInfo;
import org.hhsweep.spark.io.OutputRefused;
import org.hhsweep.spark.job.ClusterException;
import org.hhsweep.spark.job.MemoryBudget;

/**
 * Parses a command line and runs its command. Problems the user can fix (a bad config, a bad
 * option, an output directory in the way, a bad query, a cluster without executors) print one line
 * and exit with status 2;
 * anything else exits with 1. Stack traces only with --verbose.
 */
public final class Cli {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    /** Each command's usage, in the order the general usage lists them. */
    static final Map<String, String> COMMANDS = commands(
            "sweep", String.join("\n",
                    "  sweep CONFIG [--out DIR] [--overwrite | --resume] [--max-output SIZE|none] [--ignore-free-space]",
                    "                                           run a sweep (or a config's fit), write its Parquet tables",
                    "                                           and manifest",
                    "                                           (--overwrite replaces only an hhsweep output)"),
            "validate", String.join("\n",
                    "  validate CONFIG                          check a config and print its size without running it"),
            "query", String.join("\n",
                    "  query DIR SQL [--format table|csv|json] [--limit N]",
                    "                                           read-only Spark SQL over an output's runs, summaries,",
                    "                                           spikes, traces, populations, population_rates, thresholds,",
                    "                                           sensitivity, fit, fit_predictions"),
            "plot", String.join("\n",
                    "  plot DIR --kind traces|raster|fi|heatmap|isi|gates|rates|sensitivity|fit [--where SQL] [--out FILE [--overwrite]]",
                    "       [--format png|svg] [--width W] [--height H] [--limit N] [--x PATH] [--y PATH]",
                    "       [--series PATH|none] [--run ID]",
                    "                                           a figure from an output's tables (default DIR/plots/KIND.png);",
                    "                                           gates: one run's model (--run ID; default the base model);",
                    "                                           rates: a network run's population rates (--run ID; default",
                    "                                           the first run); sensitivity: the indices at one grid point",
                    "                                           (the first, or --where \"grid_point = N\"); fit: a fit's loss",
                    "                                           by generation and the target against the best candidate"),
            "report", String.join("\n",
                    "  report DIR                               DIR/report.html: manifest, summary tables and plots"),
            "unlock", String.join("\n",
                    "  unlock DIR [--force]                     remove the lock a killed sweep left on a non-local output",
                    "                                           (hdfs://...) once stale; --force also a live-looking one"));
    static final String USAGE_HEAD = "usage: submit.sh [--master URL] [spark-submit options] COMMAND ...";
    static final String USAGE_TEXT = USAGE_HEAD + "\ncommands:\n" + String.join("\n", COMMANDS.values()) + "\n"
            + String.join("\n",
            "options of every command: --verbose (Spark's logs, stack traces), --help (the command's usage)",
            "other: --help, --version");

    private static Map<String, String> commands(String... nameAndUsage) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameAndUsage.length; i += 2) {
            m.put(nameAndUsage[i], nameAndUsage[i + 1]);
        }
        return m;
    }

    private final Function<Path, SweepConfig> loader;
    private final SessionFactory sessions;
    private final FreeSpace freeSpace;
    private final PrintStream out;
    private final PrintStream err;

    /**
     * @param loader   reads a config file (ConfigLoader::load)
     * @param sessions opens the Spark session of commands that need one
     */
    public Cli(Function<Path, SweepConfig> loader, SessionFactory sessions, PrintStream out, PrintStream err) {
        this(loader, sessions, FreeSpace.DISK, out, err);
    }

    /**
     * @param freeSpace the space free where an output goes (FreeSpace.DISK)
     */
    public Cli(Function<Path, SweepConfig> loader, SessionFactory sessions, FreeSpace freeSpace, PrintStream out,
               PrintStream err) {
        this.loader = loader;
        this.sessions = sessions;
        this.freeSpace = freeSpace;
        this.out = out;
        this.err = err;
    }

    public int run(String... argv) {
        List<String> args = Arrays.asList(argv);
        boolean verbose = args.contains("--verbose");
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("help")) {
            out.println(USAGE_TEXT);
            return args.isEmpty() ? USAGE : OK;
        }
        if (args.get(0).equals("--version")) {
            BuildInfo b = BuildInfo.get();
            out.println("hhsweep " + b.version() + " (commit " + b.gitCommit() + ")");
            return OK;
        }
        String command = args.get(0);
        List<String> rest = args.subList(1, args.size());
        if (COMMANDS.containsKey(command) && (rest.contains("--help") || rest.contains("-h"))) {
            out.println("usage: submit.sh [--master URL] [spark-submit options] " + COMMANDS.get(command).strip());
            return OK;
        }
        try {
            return switch (command) {
                case "sweep" -> new SweepCommand(this).run(rest);
                case "validate" -> new ValidateCommand(this).run(rest);
                case "query" -> new QueryCommand(this).run(rest);
                case "plot" -> new PlotCommand(this).run(rest);
                case "report" -> new ReportCommand(this).run(rest);
                case "unlock" -> new UnlockCommand(this).run(rest);
                default -> throw new UsageException("unknown command '" + command + "'");
            };
        } catch (UsageException e) {
            err.println("error: " + e.getMessage() + " (" + (COMMANDS.containsKey(command) ? command + " --help"
                    : "--help") + " shows the usage)");
            return USAGE;
        } catch (ConfigException e) {
            return fail(USAGE, "config error: " + e.getMessage(), e, verbose);
        } catch (OutputRefused | SparkStartException | ClusterException | MemoryBudget.MemoryRefused e) {
            return fail(USAGE, "error: " + e.getMessage(), e, verbose);
        } catch (PlotException e) {
            return fail(USAGE, "error: " + e.getMessage(), e, verbose);
        } catch (QueryError e) {
            return fail(USAGE, "query error: " + e.getMessage(), e, verbose);
        } catch (AnalysisException e) {
            return fail(USAGE, "query error: " + firstLine(e.getSimpleMessage()), e, verbose);
        } catch (Exception e) {
            return fail(FAILED, "error: " + firstLine(String.valueOf(e.getMessage())) + " ("
                    + e.getClass().getSimpleName() + ")" + (verbose ? "" : "; --verbose shows the stack trace"), e,
                    verbose);
        }
    }

    private int fail(int status, String message, Exception e, boolean verbose) {
        err.println(message);
        if (verbose) {
            e.printStackTrace(err);
        }
        return status;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Loads a config file, with a one-line message when it is not there. */
    SweepConfig load(String file) {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new ConfigException(null, file, "a readable config file (YAML or JSON)");
        }
        return loader.apply(path);
    }

    SessionFactory sessions() {
        return sessions;
    }

    FreeSpace freeSpace() {
        return freeSpace;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }
}
