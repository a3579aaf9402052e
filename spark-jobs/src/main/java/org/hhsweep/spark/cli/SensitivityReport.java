package org.hhsweep.spark.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.hhsweep.sim.sensitivity.SensitivityMethod;
import org.hhsweep.sim.sensitivity.SensitivitySpec;
import org.hhsweep.sim.sweep.RunTemplate;
import org.hhsweep.sim.sweep.SweepSpec;
import org.hhsweep.sim.units.Units;
import org.hhsweep.spark.analysis.SensitivityColumns;
import org.hhsweep.spark.io.OutputDirectory;
import org.hhsweep.spark.io.TableViews;
import org.hhsweep.spark.io.Tables;

/**
 * The indices printed at the end of a sensitivity sweep, read back from its sensitivity table: per
 * grid point (the first few) and output, the parameters ranked by ST or mu_star; then, per output,
 * how many design runs had a null output and were left out.
 */
final class SensitivityReport {
    /** Grid points printed; the table holds them all. */
    static final int MAX_POINTS = 4;

    private SensitivityReport() {
    }

    static void print(SparkSession session, Path output, SweepSpec spec, PrintStream out) {
        SensitivitySpec s = spec.sensitivity();
        SensitivityMethod method = s.method();
        String rank = SensitivityColumns.rank(method);
        String second = method == SensitivityMethod.SOBOL ? "S1" : "sigma";
        String conf = SensitivityColumns.bars(method).stream().filter(b -> b.column().equals(rank)).findFirst()
                .orElseThrow().conf();
        List<Row> rows = TableViews.read(session, new Path(output, Tables.SENSITIVITY), Tables.SENSITIVITY)
                .selectExpr("grid_point", "output", "param", rank, conf, second, "null_outputs", "design_runs")
                .collectAsList();
        out.printf(Locale.ROOT, "sensitivity: %s, %d parameter%s, %,d %s, %,d design runs per grid point; parameters by %s"
                        + " ± 95%% half-width (%s):%n", method.configName(), s.paths().size(), s.paths().size() == 1 ? "" : "s",
                s.samples(), method == SensitivityMethod.SOBOL ? "base samples" : "trajectories", s.runs(), rank, second);
        long points = spec.gridPoints();
        for (long p = 0; p < Math.min(points, MAX_POINTS); p++) {
            if (points > 1) {
                out.println("  grid point " + p + " (" + gridValues(spec, p) + "):");
            }
            for (String o : s.outputs()) {
                long point = p;
                List<Row> of = new ArrayList<>(rows.stream()
                        .filter(r -> r.getLong(0) == point && r.getString(1).equals(o)).toList());
                of.sort(Comparator.comparingDouble((Row r) -> r.isNullAt(3) ? Double.NEGATIVE_INFINITY : r.getDouble(3))
                        .reversed());
                List<String> ranked = new ArrayList<>();
                for (Row r : of) {
                    ranked.add(r.getString(2) + " " + number(r, 3)
                            + (r.isNullAt(4) ? "" : " ±" + number(r, 4)) + " (" + second + " " + number(r, 5) + ")");
                }
                out.println((points > 1 ? "    " : "  ") + o + ": " + String.join(", ", ranked));
            }
        }
        if (points > MAX_POINTS) {
            out.printf(Locale.ROOT, "  ... %,d more grid points: ./submit.sh query %s \"SELECT * FROM sensitivity\"%n",
                    points - MAX_POINTS, OutputDirectory.display(output));
        }
        out.println("null outputs: " + nulls(rows, s.outputs(), points * s.runs()));
    }

    /** Per output, its null design runs over every grid point (each row of a grid point repeats them). */
    private static String nulls(List<Row> rows, List<String> outputs, long designRuns) {
        Map<String, Long> nulls = new LinkedHashMap<>();
        outputs.forEach(o -> nulls.put(o, 0L));
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (Row r : rows) {
            if (seen.putIfAbsent(r.getLong(0) + "/" + r.getString(1), true) == null) {
                nulls.merge(r.getString(1), (long) r.getInt(6), Long::sum);
            }
        }
        List<String> parts = new ArrayList<>();
        nulls.forEach((o, n) -> parts.add(n == 0 ? o + " none" : String.format(Locale.ROOT,
                "%s %,d of %,d design runs (left out of its indices)", o, n, designRuns)));
        return String.join("; ", parts);
    }

    private static String gridValues(SweepSpec spec, long point) {
        double[] values = spec.run(spec.firstRun(point)).sweptValues();
        List<String> parts = new ArrayList<>();
        for (int a = 0; a < spec.grid().size(); a++) {
            String path = spec.grid().get(a).path();
            parts.add(RunTemplate.column(path) + " " + Units.format(values[a], spec.base().unit(path)));
        }
        return String.join(", ", parts);
    }

    private static String number(Row r, int i) {
        return r.isNullAt(i) ? "undefined" : String.format(Locale.ROOT, "%.3f", r.getDouble(i));
    }
}
