package org.hhsweep.spark.job;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.hhsweep.sim.sensitivity.PointOutputs;
import org.hhsweep.sim.sensitivity.SensitivityIndex;
import org.hhsweep.sim.sensitivity.SensitivityResult;
import org.hhsweep.sim.sensitivity.SensitivitySpec;
import org.hhsweep.sim.sweep.SweepSpec;
import org.hhsweep.spark.io.ChunkFiles;
import org.hhsweep.spark.io.Table;
import org.hhsweep.spark.io.TableFile;
import org.hhsweep.spark.io.TableViews;
import org.hhsweep.spark.io.Tables;
import org.hhsweep.spark.io.Tables.SensitivityRecord;
import scala.Tuple2;

/**
 * The sensitivity table of a sweep whose runs are all committed: its summaries read back, reduced
 * to one row per run (each output's mean over the run's neurons, null when any neuron's is null),
 * keyed by grid point and analysed per grid point on the executors ({@link PointOutputs}); the
 * driver collects the few index rows and writes them as one file, visible only once whole.
 */
public final class SensitivityJob {
    /** The table's one file: a chunk file's name, so the output's own rules (OutputContents, clean-up) cover it. */
    static final long FILE = 0;

    private SensitivityJob() {
    }

    /** Whether the sweep needs no sensitivity table or its table is there. */
    public static boolean written(SweepSpec spec, Path output, Configuration conf) throws IOException {
        return spec.sensitivity() == null
                || output.getFileSystem(conf).exists(ChunkFiles.file(output, Tables.SENSITIVITY, FILE));
    }

    /**
     * Computes the indices and writes the table; nothing when the sweep has no sensitivity analysis.
     *
     * @return the rows written, by grid point, then output and parameter in config order
     */
    public static List<SensitivityRecord> run(SparkSession spark, SweepSpec spec, Tables tables, Path output,
                                              Configuration conf) throws IOException {
        if (tables.sensitivity().isEmpty()) {
            return List.of();
        }
        List<SensitivityRecord> rows = compute(spark, spec, output);
        write(tables.sensitivity().get(), rows, output, conf);
        return rows;
    }

    static List<SensitivityRecord> compute(SparkSession spark, SweepSpec spec, Path output) {
        SensitivitySpec s = spec.sensitivity();
        Dataset<Row> summaries = TableViews.read(spark, new Path(output, Tables.SUMMARIES), Tables.SUMMARIES);
        List<org.apache.spark.sql.Column> perRun = new ArrayList<>();
        for (String o : s.outputs()) {
            // a run's mean is the design point's only when every neuron has the statistic (PointOutputs)
            perRun.add(when(count(col(o)).equalTo(count(lit(1))), avg(col(o).cast("double"))).as(o));
        }
        Dataset<Row> runs = summaries.groupBy(col("run_id")).agg(perRun.get(0),
                perRun.subList(1, perRun.size()).toArray(org.apache.spark.sql.Column[]::new));
        List<SensitivityRecord> rows = new ArrayList<>(runs.javaRDD()
                .mapToPair(r -> new Tuple2<>(spec.position(r.getLong(0)).gridPoint(), r))
                .groupByKey()
                .flatMap(point -> analyze(spec, point._1(), point._2()).iterator())
                .collect());
        // stable: each grid point's rows come in config order from analyze
        rows.sort(Comparator.comparingLong(SensitivityRecord::gridPoint));
        return rows;
    }

    /** One grid point's rows: per output, per parameter in config order. */
    static List<SensitivityRecord> analyze(SweepSpec spec, long gridPoint, Iterable<Row> runs) {
        SensitivitySpec s = spec.sensitivity();
        List<PointOutputs> outputs = new ArrayList<>();
        for (int o = 0; o < s.outputs().size(); o++) {
            outputs.add(new PointOutputs(spec, gridPoint));
        }
        for (Row r : runs) {
            long run = r.getLong(0);
            for (int o = 0; o < outputs.size(); o++) {
                outputs.get(o).add(run, r.isNullAt(o + 1) ? Double.NaN : r.getDouble(o + 1));
            }
        }
        double[] all = spec.run(spec.firstRun(gridPoint)).sweptValues();
        double[] grid = java.util.Arrays.copyOf(all, spec.grid().size());
        List<SensitivityRecord> rows = new ArrayList<>();
        for (int o = 0; o < outputs.size(); o++) {
            SensitivityResult result = outputs.get(o).analyze();
            for (SensitivityIndex i : result.indices()) {
                rows.add(new SensitivityRecord(gridPoint, grid, s.outputs().get(o), i.param(), i.method(), i.values(),
                        i.used(), i.leftOut(), result.nullOutputs(), result.designRuns()));
            }
        }
        return rows;
    }

    /** One file, written under a hidden name and renamed whole: a crash leaves no partial table. */
    private static void write(Table<SensitivityRecord> table, List<SensitivityRecord> rows, Path output,
                              Configuration conf) throws IOException {
        try (TableFile<SensitivityRecord> file = TableFile.open(table, output, FILE, conf)) {
            for (SensitivityRecord r : rows) {
                file.write(r);
            }
            file.commit();
        }
    }
}
