package org.hhsweep.spark.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.hhsweep.spark.analysis.QueryError;
import org.hhsweep.spark.analysis.ReadOnlySql;
import org.hhsweep.spark.analysis.SweepOutput;
import org.hhsweep.spark.io.OutputDirectory;
import org.hhsweep.spark.io.TableViews;
import org.hhsweep.spark.io.Tables;
import org.hhsweep.spark.job.Manifest;

/** query DIR SQL: Spark SQL over the tables of an output directory, registered as views by name. */
final class QueryCommand {
    private final Cli cli;

    QueryCommand(Cli cli) {
        this.cli = cli;
    }

    int run(List<String> rest) throws IOException {
        Args args = Args.parse(rest, Set.of("--verbose"), Set.of("--format", "--limit"));
        List<String> p = args.positional("DIR", "SQL");
        ResultPrinter.Format format = ResultPrinter.Format.parse(args.option("--format", "table"));
        long limit = limit(args.option("--limit", null), format);
        Path dir = OutputDirectory.resolve(p.get(0));
        String sql = p.get(1);
        List<String> tables = tablesIn(dir);
        if (tables.isEmpty()) {
            throw new UsageException("no tables in " + OutputDirectory.display(dir) + " (expected "
                    + String.join(", ", Tables.ALL_NAMES) + " written by the sweep command)");
        }
        ReadOnlySql.checkNesting(sql, "query");
        notePartial(dir);
        boolean verbose = args.flag("--verbose");
        SparkSession session = cli.sessions().open("hhsweep query", verbose, cli.err());
        try {
            Logging.quietTaskFailures(verbose);
            ReadOnlySql.checkStatement(session, sql, tables);
            registerViews(session, dir, tables);
            QueryError.translating(() -> {
                Dataset<Row> result = session.sql(sql);
                ReadOnlySql.checkAnalyzed(result.queryExecution().analyzed(), dir, tables);
                ResultPrinter.print(result, format, limit, cli.out());
                return null;
            });
        } finally {
            cli.sessions().release(session);
        }
        return Cli.OK;
    }

    /** Tables of a sweep that has not finished (or lost chunks) are partial: a note says so. */
    private void notePartial(Path dir) throws IOException {
        Configuration conf = new Configuration();
        if (dir.getFileSystem(conf).exists(new Path(dir, Manifest.FILE))) {
            SweepOutputs.notePartial(dir, SweepOutput.readManifest(dir, conf), conf, cli.err());
        } else {
            cli.err().println("note: no " + Manifest.FILE + " in " + OutputDirectory.display(dir)
                    + ": whether its tables are whole is unknown");
        }
    }

    /** A table of the table format is collected, so it is capped unless asked otherwise. */
    private static long limit(String value, ResultPrinter.Format format) {
        if (value == null) {
            return format == ResultPrinter.Format.TABLE ? 100 : Long.MAX_VALUE;
        }
        try {
            long n = Long.parseLong(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UsageException("--limit needs a number of rows, got " + value);
    }

    /**
     * Registers an output's tables as views named after them, dropping views a previous command
     * in the same session left for tables this output lacks.
     */
    static void registerViews(SparkSession session, Path dir, List<String> tables) {
        for (String t : Tables.ALL_NAMES) {
            session.catalog().dropTempView(t);
        }
        for (String t : tables) {
            TableViews.read(session, new Path(dir, t), t).createOrReplaceTempView(t);
        }
    }

    /** The tables with at least one committed file. */
    static List<String> tablesIn(Path dir) throws IOException {
        FileSystem fs = dir.getFileSystem(new Configuration());
        List<String> out = new ArrayList<>();
        for (String t : Tables.ALL_NAMES) {
            Path tableDir = new Path(dir, t);
            if (fs.isDirectory(tableDir)) {
                for (FileStatus f : fs.listStatus(tableDir)) {
                    if (f.getPath().getName().endsWith(".parquet") && !f.getPath().getName().startsWith(".")) {
                        out.add(t);
                        break;
                    }
                }
            }
        }
        return out;
    }
}
