package org.hhsweep.spark.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.hhsweep.spark.io.OutputDirectory;
import org.hhsweep.spark.io.Tables;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A fit's progress and result, stacked: the loss by generation (the best so far, and each
 * generation's lowest and median; log scale when every loss is positive), then one panel per loss
 * statistic with the target's observed values against the first condition path (the target row
 * without one) and the best candidate's predictions there, from the fit_predictions rows of the
 * best the manifest names.
 */
final class FitPlot {
    /** Loss statistics shown beside the loss panel; a fit of more shows the first ones. */
    static final int MAX_STATISTICS = 4;

    /** Loss by generation. */
    record Progress(double[] generation, double[] best, double[] lowest, double[] median) {
    }

    /** One statistic's observed and predicted values along x. */
    record Curve(String statistic, String unit, double[] x, Double[] observed, Double[] predicted) {
    }

    /** xPath null when the target has no condition column (x is then the row). */
    record Data(Progress progress, String xPath, String xUnit, List<Curve> curves, int bestGeneration,
                int bestCandidate, double bestLoss, int statistics) {
    }

    private FitPlot() {
    }

    static Data collect(SweepOutput out, PlotOptions o) {
        if (o.where() != null) {
            throw new PlotException("the fit plot shows a whole fit and takes no --where; query the fit and"
                    + " fit_predictions tables for parts of it");
        }
        if (!out.has(Tables.FIT) || !out.has(Tables.FIT_PREDICTIONS)) {
            throw new PlotException("the fit plot needs the fit and fit_predictions tables, which "
                    + OutputDirectory.display(out.dir()) + " does not have (a sweep of a config with fit: writes them)");
        }
        List<Row> rows = out.sql("SELECT generation, max(best_so_far), min(loss), percentile(loss, 0.5) FROM fit"
                + " GROUP BY generation ORDER BY generation").collectAsList();
        int n = rows.size();
        Progress p = new Progress(new double[n], new double[n], new double[n], new double[n]);
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            p.generation()[i] = r.getInt(0);
            p.best()[i] = r.getDouble(1);
            p.lowest()[i] = r.getDouble(2);
            p.median()[i] = r.getDouble(3);
        }
        JsonNode best = out.manifest().path("fit").path("best");
        if (!best.path("loss").isNumber()) {
            throw new PlotException("the manifest of " + OutputDirectory.display(out.dir()) + " names no best"
                    + " candidate yet (fit.best): no generation has finished");
        }
        int g = best.path("generation").asInt();
        int c = best.path("candidate").asInt();
        JsonNode conditions = out.manifest().at("/config/fit/target/conditions");
        String xPath = conditions.size() > 0 ? conditions.get(0).asText() : null;
        String xColumn = xPath == null ? "target_row" : SweepOutput.column(xPath);
        List<String> statistics = new ArrayList<>();
        out.manifest().at("/config/fit/loss").forEach(t -> statistics.add(t.path("statistic").asText()));
        List<String> shown = statistics.subList(0, Math.min(MAX_STATISTICS, statistics.size()));
        StringBuilder select = new StringBuilder("SELECT CAST(" + xColumn + " AS DOUBLE)");
        for (String s : shown) {
            select.append(", ").append(s).append(", ").append(s).append("_target");
        }
        List<Row> points = out.sql(select + " FROM fit_predictions WHERE generation = " + g + " AND candidate = " + c
                + " ORDER BY 1, target_row").collectAsList();
        if (points.isEmpty()) {
            throw new PlotException("fit_predictions has no rows of the best candidate (generation " + g
                    + ", candidate " + c + "): the table is partial");
        }
        double[] x = points.stream().mapToDouble(r -> r.getDouble(0)).toArray();
        List<Curve> curves = new ArrayList<>();
        for (int k = 0; k < shown.size(); k++) {
            int column = 1 + 2 * k;
            Double[] predicted = points.stream().map(r -> r.isNullAt(column) ? null : r.getDouble(column))
                    .toArray(Double[]::new);
            Double[] observed = points.stream().map(r -> r.isNullAt(column + 1) ? null : r.getDouble(column + 1))
                    .toArray(Double[]::new);
            curves.add(new Curve(shown.get(k), out.unit(Tables.FIT_PREDICTIONS, shown.get(k)), x, observed, predicted));
        }
        return new Data(p, xPath, xPath == null ? "" : out.unit(Tables.FIT_PREDICTIONS, xColumn), curves, g, c,
                best.path("loss").asDouble(), statistics.size());
    }

    static Rendered render(SweepOutput out, PlotOptions o) {
        Data d = collect(out, o);
        List<Chart<?, ?>> panels = new ArrayList<>();
        panels.add(lossPanel(d.progress(), out.name(), o.width()));
        for (Curve c : d.curves()) {
            panels.add(curvePanel(c, d, o.width()));
        }
        String summary = String.format(Locale.ROOT, "loss over %d generation%s (best %.3e: generation %d, candidate"
                        + " %d); the target against the best's predictions of %s along %s",
                d.progress().generation().length, d.progress().generation().length == 1 ? "" : "s", d.bestLoss(),
                d.bestGeneration(), d.bestCandidate(),
                String.join(", ", d.curves().stream().map(Curve::statistic).toList()),
                d.xPath() == null ? "the target's rows" : d.xPath())
                + (d.statistics() > d.curves().size() ? String.format(Locale.ROOT, " (%d of %d loss statistics)",
                d.curves().size(), d.statistics()) : "");
        return new Rendered(Figure.stacked(panels, o.width(), o.height(), 0), summary);
    }

    private static XYChart lossPanel(Progress p, String name, int width) {
        XYChart c = new XYChart(width, 300);
        ChartStyle.apply(c.getStyler());
        c.setTitle(name + ": loss by generation");
        c.setXAxisTitle("generation");
        // Log scale: losses fall by orders of magnitude. A loss of exactly 0 (the target matched to
        // the bit, as a synthetic one can be) is drawn a decade below the smallest positive one.
        double smallest = Math.min(smallestPositive(p.best()), Math.min(smallestPositive(p.lowest()),
                smallestPositive(p.median())));
        boolean log = Double.isFinite(smallest);
        double floor = Math.pow(10, Math.floor(Math.log10(smallest)) - 1);
        boolean zeros = log && (hasZero(p.best()) || hasZero(p.lowest()) || hasZero(p.median()));
        c.getStyler().setYAxisLogarithmic(log);
        if (log) {
            c.getStyler().setYAxisDecimalPattern("0E0");
            c.getStyler().setYAxisTickMarkSpacingHint(15);
        }
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        c.setYAxisTitle(zeros ? "loss (0 at " + AxisLabels.number(floor) + ")" : "loss");
        line(c, "best so far", p.generation(), lifted(p.best(), log, floor), SeriesMarkers.NONE, SeriesLines.SOLID);
        line(c, "generation's lowest", p.generation(), lifted(p.lowest(), log, floor), SeriesMarkers.CIRCLE,
                SeriesLines.NONE);
        line(c, "generation's median", p.generation(), lifted(p.median(), log, floor), SeriesMarkers.DIAMOND,
                SeriesLines.NONE);
        return c;
    }

    private static double smallestPositive(double[] values) {
        return Arrays.stream(values).filter(v -> v > 0).min().orElse(Double.POSITIVE_INFINITY);
    }

    private static boolean hasZero(double[] values) {
        return Arrays.stream(values).anyMatch(v -> v <= 0);
    }

    /** On the log scale, non-positive values at the floor. */
    private static double[] lifted(double[] values, boolean log, double floor) {
        return log ? Arrays.stream(values).map(v -> v > 0 ? v : floor).toArray() : values;
    }

    private static XYChart curvePanel(Curve curve, Data d, int width) {
        XYChart c = new XYChart(width, 300);
        ChartStyle.apply(c.getStyler());
        c.setTitle(curve.statistic() + ": target and best candidate");
        c.setXAxisTitle(d.xPath() == null ? "target row" : AxisLabels.withUnit(d.xPath(), d.xUnit()));
        c.setYAxisTitle(AxisLabels.withUnit(curve.statistic(), curve.unit()));
        addPresent(c, "target", curve.x(), curve.observed(), SeriesMarkers.CIRCLE, SeriesLines.NONE);
        addPresent(c, "best candidate", curve.x(), curve.predicted(), SeriesMarkers.CROSS, SeriesLines.SOLID);
        if (c.getSeriesMap().isEmpty()) {
            // neither observed nor predicted anywhere: an empty panel still says so
            line(c, "no values", new double[] {0}, new double[] {0}, SeriesMarkers.NONE, SeriesLines.NONE);
        }
        return c;
    }

    /** The points whose value is not null. */
    private static void addPresent(XYChart c, String name, double[] x, Double[] y, Marker marker,
                                   BasicStroke lines) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (y[i] != null && Double.isFinite(y[i])) {
                xs.add(x[i]);
                ys.add(y[i]);
            }
        }
        if (!xs.isEmpty()) {
            line(c, name, xs.stream().mapToDouble(Double::doubleValue).toArray(),
                    ys.stream().mapToDouble(Double::doubleValue).toArray(), marker, lines);
        }
    }

    private static void line(XYChart c, String name, double[] x, double[] y, Marker marker,
                             BasicStroke lines) {
        XYSeries s = c.addSeries(name, x, y);
        s.setMarker(marker);
        s.setLineStyle(lines);
        s.setLineWidth(1.5f);
    }
}
