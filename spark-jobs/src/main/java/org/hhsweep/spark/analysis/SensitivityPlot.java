package org.hhsweep.spark.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.hhsweep.sim.sensitivity.SensitivityMethod;
import org.hhsweep.spark.io.Tables;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.style.Styler;

/**
 * A sensitivity analysis at one grid point: per output a panel of bars per parameter, S1 and ST
 * (or mu_star and sigma) with their bootstrap 95% intervals as error bars. The grid point is the
 * first that --where leaves (a predicate over the sensitivity table: grid_point, the grid's
 * columns, output, param).
 */
final class SensitivityPlot {
    /** Panels stacked in one figure: more get unreadable. */
    static final int MAX_OUTPUTS = 8;

    /** One parameter's bars in one panel: estimates in the order of the bars, NaN where undefined. */
    record Bars(String param, double[] values, double[] conf) {
    }

    /** One output's panel. */
    record Panel(String output, List<Bars> params, int nullOutputs, int designRuns) {
    }

    record Data(SensitivityMethod method, long gridPoint, String gridLabel, List<Panel> panels, long gridPoints) {
        long undefined() {
            return panels.stream().flatMap(p -> p.params().stream())
                    .flatMapToDouble(b -> java.util.Arrays.stream(b.values())).filter(Double::isNaN).count();
        }
    }

    private SensitivityPlot() {
    }

    static Data collect(SweepOutput out, PlotOptions o) {
        out.require(Tables.SENSITIVITY, "the sensitivity plot", "sweep.sensitivity");
        Row first = out.sql("SELECT min(grid_point), count(DISTINCT grid_point), first(method) FROM sensitivity WHERE true"
                + SweepOutput.and(o.where())).first();
        if (first.isNullAt(0)) {
            throw new PlotException("no row of the sensitivity table matches --where " + o.where());
        }
        long point = first.getLong(0);
        SensitivityMethod method = SensitivityMethod.fromName(first.getString(2));
        List<SensitivityColumns.Bar> bars = SensitivityColumns.bars(method);
        StringBuilder select = new StringBuilder("SELECT output, param, null_outputs, design_runs");
        for (SensitivityColumns.Bar b : bars) {
            select.append(", ").append(b.column()).append(", ").append(b.conf() == null ? "CAST(NULL AS DOUBLE)" : b.conf());
        }
        List<Row> rows = out.sql(select + " FROM sensitivity WHERE grid_point = " + point + SweepOutput.and(o.where()))
                .collectAsList();
        Map<String, List<Row>> byOutput = new LinkedHashMap<>();
        for (String output : ordered(out, "outputs", rows, 0)) {
            byOutput.put(output, new ArrayList<>());
        }
        rows.forEach(r -> byOutput.get(r.getString(0)).add(r));
        if (byOutput.size() > MAX_OUTPUTS) {
            throw new PlotException(byOutput.size() + " outputs is more than the " + MAX_OUTPUTS
                    + " panels one plot shows; pick some with --where \"output IN ('rate_hz', ...)\"");
        }
        List<String> params = ordered(out, "params", rows, 1);
        List<Panel> panels = new ArrayList<>();
        byOutput.forEach((output, of) -> {
            List<Bars> list = new ArrayList<>();
            for (String p : params) {
                of.stream().filter(r -> r.getString(1).equals(p)).findFirst().ifPresent(r -> {
                    double[] values = new double[bars.size()];
                    double[] conf = new double[bars.size()];
                    for (int i = 0; i < bars.size(); i++) {
                        values[i] = r.isNullAt(4 + 2 * i) ? Double.NaN : r.getDouble(4 + 2 * i);
                        conf[i] = r.isNullAt(5 + 2 * i) ? 0 : r.getDouble(5 + 2 * i);
                    }
                    list.add(new Bars(p, values, conf));
                });
            }
            panels.add(new Panel(output, list, of.get(0).getInt(2), of.get(0).getInt(3)));
        });
        return new Data(method, point, gridLabel(out, point), panels, first.getLong(1));
    }

    /**
     * The outputs or params in config order (the manifest's sweep.sensitivity), those of the rows
     * only; in the rows' order when the manifest does not say.
     */
    private static List<String> ordered(SweepOutput out, String key, List<Row> rows, int column) {
        Set<String> present = new LinkedHashSet<>();
        rows.forEach(r -> present.add(r.getString(column)));
        List<String> order = new ArrayList<>();
        for (JsonNode n : out.manifest().path("config").path("sweep").path("sensitivity").path(key)) {
            String name = n.isTextual() ? n.asText() : n.path("path").asText();
            if (present.remove(name)) {
                order.add(name);
            }
        }
        order.addAll(present);
        return order;
    }

    /** "stimulus_amplitude = 10 µA/cm²" for the grid point, or "" without a grid. */
    private static String gridLabel(SweepOutput out, long point) {
        List<String> grid = out.gridPaths().stream().filter(p -> !isParam(out, p)).toList();
        if (grid.isEmpty()) {
            return "";
        }
        StringBuilder select = new StringBuilder("SELECT ");
        for (int i = 0; i < grid.size(); i++) {
            select.append(i == 0 ? "" : ", ").append(SweepOutput.column(grid.get(i)));
        }
        Row r = out.sql(select + " FROM sensitivity WHERE grid_point = " + point + " LIMIT 1").first();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < grid.size(); i++) {
            String unit = out.unit(Tables.SENSITIVITY, SweepOutput.column(grid.get(i)));
            parts.add(SweptAxes.shortName(grid.get(i)) + " = " + AxisLabels.number(r.getDouble(i))
                    + (unit.isBlank() || unit.equals("1") ? "" : " " + AxisLabels.pretty(unit)));
        }
        return String.join(", ", parts);
    }

    /** gridPaths() gives every swept path when the manifest lacks the grid: the params are not grid columns. */
    private static boolean isParam(SweepOutput out, String path) {
        for (JsonNode p : out.manifest().path("config").path("sweep").path("sensitivity").path("params")) {
            if (p.path("path").asText().equals(path)) {
                return true;
            }
        }
        return false;
    }

    static Rendered render(SweepOutput out, PlotOptions o) {
        Data d = collect(out, o);
        Figure f = draw(d, out, o.width(), o.height());
        List<String> bars = SensitivityColumns.bars(d.method()).stream().map(SensitivityColumns.Bar::column).toList();
        String summary = String.format(Locale.ROOT, "%s of %d parameter%s for %s at grid point %d%s, error bars 95%% intervals",
                String.join(" and ", bars), d.panels().get(0).params().size(),
                d.panels().get(0).params().size() == 1 ? "" : "s",
                String.join(", ", d.panels().stream().map(Panel::output).toList()), d.gridPoint(),
                d.gridLabel().isEmpty() ? "" : " (" + d.gridLabel() + ")")
                + (d.gridPoints() > 1 ? String.format(Locale.ROOT, "; %d grid points match, others with --where \"grid_point = N\"",
                d.gridPoints()) : "")
                + (d.undefined() > 0 ? String.format(Locale.ROOT, "; %d undefined estimates drawn as 0", d.undefined()) : "")
                + nulls(d);
        return new Rendered(f, summary);
    }

    private static String nulls(Data d) {
        List<String> parts = new ArrayList<>();
        for (Panel p : d.panels()) {
            if (p.nullOutputs() > 0) {
                parts.add(String.format(Locale.ROOT, "%s %d of %d", p.output(), p.nullOutputs(), p.designRuns()));
            }
        }
        return parts.isEmpty() ? "" : "; design runs with a null output, left out: " + String.join(", ", parts);
    }

    static Figure draw(Data d, SweepOutput out, int width, int height) {
        List<SensitivityColumns.Bar> bars = SensitivityColumns.bars(d.method());
        List<CategoryChart> charts = new ArrayList<>();
        for (int k = 0; k < d.panels().size(); k++) {
            Panel p = d.panels().get(k);
            CategoryChart c = new CategoryChart(width, height);
            ChartStyle.apply(c.getStyler());
            c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
            c.getStyler().setLegendVisible(k == 0);
            String title = p.output() + (p.nullOutputs() > 0
                    ? String.format(Locale.ROOT, " (%d of %d design runs null, left out)", p.nullOutputs(), p.designRuns())
                    : "");
            if (k == 0) {
                title = out.name() + ": " + (d.method() == SensitivityMethod.SOBOL ? "Sobol indices" : "Morris screening")
                        + (d.gridLabel().isEmpty() ? "" : " at " + d.gridLabel()) + " — " + title;
            }
            c.setTitle(title);
            String unit = out.unit(Tables.SUMMARIES, p.output());
            c.setYAxisTitle(d.method() == SensitivityMethod.SOBOL ? "index"
                    : p.output() + (unit.isBlank() || unit.equals("1") ? "" : " (" + AxisLabels.pretty(unit) + ")"));
            List<String> names = p.params().stream().map(b -> SweptAxes.shortName(b.param())).toList();
            for (int i = 0; i < bars.size(); i++) {
                List<Double> values = new ArrayList<>();
                List<Double> errors = new ArrayList<>();
                for (Bars b : p.params()) {
                    values.add(Double.isNaN(b.values()[i]) ? 0 : b.values()[i]);
                    errors.add(b.conf()[i]);
                }
                String name = bars.get(i).column() + (bars.get(i).conf() == null ? "" : " ± 95%");
                if (bars.get(i).conf() == null) {
                    c.addSeries(name, names, values);
                } else {
                    c.addSeries(name, names, values, errors);
                }
            }
            charts.add(c);
        }
        return Figure.stacked(charts, width, height, 0);
    }
}
