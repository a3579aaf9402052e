package org.hhsweep.spark.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Firing rate against a swept parameter (an f-I curve when it is the input current), one curve per
 * value of another swept parameter, each point the mean over every neuron and seed replicate at it
 * with its standard deviation as error bar. Aggregated by Spark: only the points reach the driver.
 */
final class FiPlot {
    static final int MAX_SERIES = 10;
    static final int MAX_POINTS = 100_000;
    static final String NONE = "none";

    /**
     * One point: the rate's mean, sample s.d. (NaN for one value), min and max over n neurons;
     * missing counts neurons without a rate (diverged).
     */
    record Point(double x, double mean, double sd, double min, double max, long n, long missing) {
    }

    /** One curve; value is NaN when the rates are pooled into one. */
    record Curve(double value, List<Point> points) {
    }

    /** seriesPath null when pooled; pooled lists other swept paths averaged over. */
    record Data(String xPath, String seriesPath, String rateColumn, List<Curve> curves, List<String> pooled) {
        long maxN() {
            return curves.stream().flatMap(c -> c.points().stream()).mapToLong(Point::n).max().orElse(0);
        }

        long missing() {
            return curves.stream().flatMap(c -> c.points().stream()).mapToLong(Point::missing).sum();
        }
    }

    private FiPlot() {
    }

    static Data collect(SweepOutput out, PlotOptions o) {
        String x = o.x() != null ? out.sweptPath(o.x(), "--x") : SweptAxes.defaultX(out, "the fi plot");
        String series = seriesPath(out, o, x);
        String rate = out.rateColumn();
        String xc = SweepOutput.column(x);
        String sc = series == null ? "CAST(NULL AS DOUBLE)" : SweepOutput.column(series);
        List<Row> rows = out.sql("SELECT " + xc + " AS x, " + sc + " AS s, avg(" + rate + "), stddev_samp(" + rate
                + "), min(" + rate + "), max(" + rate + "), count(" + rate + "), count(*) - count(" + rate + ")"
                + " FROM summaries WHERE true" + SweepOutput.and(o.where()) + " GROUP BY 1, 2 ORDER BY 2, 1 LIMIT "
                + (MAX_POINTS + 1)).collectAsList();
        if (rows.isEmpty()) {
            throw new PlotException("no neuron matches --where " + o.where());
        }
        if (rows.size() > MAX_POINTS) {
            throw new PlotException("more than " + MAX_POINTS + " points; narrow the plot with --where");
        }
        Map<Double, List<Point>> curves = new LinkedHashMap<>();
        for (Row r : rows) {
            double s = r.isNullAt(1) ? Double.NaN : r.getDouble(1);
            curves.computeIfAbsent(s, k -> new ArrayList<>()).add(new Point(r.getDouble(0), number(r, 2),
                    number(r, 3), number(r, 4), number(r, 5), r.getLong(6), r.getLong(7)));
        }
        List<Curve> list = new ArrayList<>();
        curves.forEach((s, points) -> list.add(new Curve(s, points)));
        List<String> pooled = new ArrayList<>(out.sweptPaths());
        pooled.remove(x);
        pooled.remove(series);
        return new Data(x, series, rate, list, pooled);
    }

    /** --series, else the first other grid axis with few enough values, else none. */
    private static String seriesPath(SweepOutput out, PlotOptions o, String x) {
        if (o.series() != null) {
            if (o.series().equalsIgnoreCase(NONE)) {
                return null;
            }
            String s = out.sweptPath(o.series(), "--series");
            if (s.equals(x)) {
                throw new PlotException("--series must differ from the x axis " + x);
            }
            long n = SweptAxes.distinct(out, s, o.where());
            if (n > MAX_SERIES) {
                throw new PlotException("--series " + s + " takes " + n + " values, more than the " + MAX_SERIES
                        + " curves one plot shows; pick some with --where");
            }
            return s;
        }
        for (String p : SweptAxes.otherGridPaths(out, x)) {
            long n = SweptAxes.distinct(out, p, o.where());
            if (n > 1 && n <= MAX_SERIES) {
                return p;
            }
        }
        return null;
    }

    private static double number(Row r, int i) {
        return r.isNullAt(i) ? Double.NaN : r.getDouble(i);
    }

    static Rendered render(SweepOutput out, PlotOptions o) {
        Data d = collect(out, o);
        Figure f = draw(d, out, o.width(), o.height());
        int points = d.curves().stream().mapToInt(c -> c.points().size()).sum();
        String summary = String.format(Locale.ROOT, "%s against %s, %d curve%s, %,d points, mean ± s.d. over up to %,d neuron%s each",
                d.rateColumn(), d.xPath(), d.curves().size(), d.curves().size() == 1 ? "" : "s", points, d.maxN(),
                d.maxN() == 1 ? "" : "s")
                + (d.seriesPath() != null ? "; one curve per " + d.seriesPath() : "")
                + (d.pooled().isEmpty() ? "" : "; pooled over " + String.join(", ", d.pooled()))
                + (d.missing() > 0 ? String.format(Locale.ROOT, "; %,d diverged neurons left out", d.missing()) : "");
        return new Rendered(f, summary);
    }

    static Figure draw(Data d, SweepOutput out, int width, int height) {
        XYChart c = new XYChart(width, height);
        ChartStyle.apply(c.getStyler());
        long n = d.maxN();
        c.setTitle(out.name() + ": rate vs " + d.xPath()
                + (n > 1 ? ", mean ± s.d. over " + n + " neurons" : ""));
        c.setXAxisTitle(out.axisTitle(d.xPath()));
        c.setYAxisTitle(out.rateDescription() + " (Hz)");
        c.getStyler().setLegendVisible(d.seriesPath() != null);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        c.getStyler().setErrorBarsColorSeriesColor(true);
        String unit = d.seriesPath() == null ? "" : out.unit("summaries", SweepOutput.column(d.seriesPath()));
        for (Curve curve : d.curves()) {
            // A point whose neurons all diverged has no rate: left out (and counted in the summary).
            List<Point> points = curve.points().stream().filter(p -> p.n() > 0).toList();
            if (points.isEmpty()) {
                continue;
            }
            int k = points.size();
            double[] x = new double[k];
            double[] y = new double[k];
            double[] err = new double[k];
            for (int i = 0; i < k; i++) {
                Point p = points.get(i);
                x[i] = p.x();
                y[i] = p.mean();
                err[i] = Double.isNaN(p.sd()) ? 0 : p.sd();
            }
            String name = d.seriesPath() == null ? "rate"
                    : SweptAxes.shortName(d.seriesPath()) + " = " + AxisLabels.number(curve.value())
                    + (unit.isBlank() || unit.equals("1") ? "" : " " + AxisLabels.pretty(unit));
            XYSeries s = n > 1 ? c.addSeries(name, x, y, err) : c.addSeries(name, x, y);
            s.setMarker(k <= 80 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            s.setLineWidth(1.5f);
        }
        if (c.getSeriesMap().isEmpty()) {
            throw new PlotException("every neuron in the plot diverged: no rate to show");
        }
        c.getStyler().setMarkerSize(6);
        return Figure.of(c, width, height);
    }
}
