package org.hhsweep.spark.analysis;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.style.Styler;

/** Mean firing rate over two swept parameters, a cell per pair of values, with a colour scale. */
final class HeatmapPlot {
    static final int MAX_VALUES = 200;
    /** Viridis stops: ordered in lightness, readable in grey and with colour-vision deficiencies. */
    private static final Color[] SCALE = {new Color(68, 1, 84), new Color(59, 82, 139), new Color(33, 145, 140),
            new Color(94, 201, 98), new Color(253, 231, 37)};

    /** A cell: the mean rate over n neurons (n = 0: all of them diverged, rate NaN). */
    record Cell(double x, double y, double rate, long n) {
    }

    record Data(String xPath, String yPath, String rateColumn, double[] xs, double[] ys, List<Cell> cells) {
    }

    private HeatmapPlot() {
    }

    static Data collect(SweepOutput out, PlotOptions o) {
        String x = o.x() != null ? out.sweptPath(o.x(), "--x") : SweptAxes.defaultX(out, "the heatmap");
        String y;
        if (o.y() != null) {
            y = out.sweptPath(o.y(), "--y");
            if (y.equals(x)) {
                throw new PlotException("--y must differ from the x axis " + x);
            }
        } else {
            List<String> rest = SweptAxes.otherGridPaths(out, x);
            if (rest.isEmpty()) {
                throw new PlotException("the heatmap needs two swept parameters; this sweep sweeps "
                        + (out.sweptPaths().isEmpty() ? "nothing" : String.join(", ", out.sweptPaths()))
                        + " (the fi plot shows one)");
            }
            y = rest.get(0);
        }
        String rate = out.rateColumn();
        List<Row> rows = out.sql("SELECT " + SweepOutput.column(x) + ", " + SweepOutput.column(y) + ", avg(" + rate
                + "), count(" + rate + ") FROM summaries WHERE true" + SweepOutput.and(o.where())
                + " GROUP BY 1, 2 LIMIT " + (MAX_VALUES * MAX_VALUES + 1)).collectAsList();
        if (rows.isEmpty()) {
            throw new PlotException("no neuron matches --where " + o.where());
        }
        TreeSet<Double> xs = new TreeSet<>();
        TreeSet<Double> ys = new TreeSet<>();
        List<Cell> cells = new ArrayList<>();
        for (Row r : rows) {
            xs.add(r.getDouble(0));
            ys.add(r.getDouble(1));
            cells.add(new Cell(r.getDouble(0), r.getDouble(1), r.isNullAt(2) ? Double.NaN : r.getDouble(2), r.getLong(3)));
        }
        if (xs.size() > MAX_VALUES || ys.size() > MAX_VALUES) {
            throw new PlotException(String.format(Locale.ROOT,
                    "%d x %d values is more than a %d x %d heatmap shows; narrow it with --where",
                    xs.size(), ys.size(), MAX_VALUES, MAX_VALUES));
        }
        return new Data(x, y, rate, xs.stream().mapToDouble(Double::doubleValue).toArray(),
                ys.stream().mapToDouble(Double::doubleValue).toArray(), cells);
    }

    static Rendered render(SweepOutput out, PlotOptions o) {
        Data d = collect(out, o);
        Figure f = draw(d, out, o.width(), o.height());
        long empty = (long) d.xs().length * d.ys().length - d.cells().stream().filter(c -> c.n() > 0).count();
        String summary = String.format(Locale.ROOT, "mean %s over %s (%d values) x %s (%d values)", d.rateColumn(),
                d.xPath(), d.xs().length, d.yPath(), d.ys().length)
                + (empty > 0 ? String.format(Locale.ROOT, "; %,d cells without a rate left blank", empty) : "");
        return new Rendered(f, summary);
    }

    static Figure draw(Data d, SweepOutput out, int width, int height) {
        // Unlike the other charts, a heat map's styler gets its fonts and colours only with a theme.
        HeatMapChart c = new HeatMapChart(width, height, Styler.ChartTheme.XChart);
        ChartStyle.apply(c.getStyler());
        c.setTitle(out.name() + ": mean " + out.rateDescription() + " (Hz)");
        c.setXAxisTitle(out.axisTitle(d.xPath()));
        c.setYAxisTitle(out.axisTitle(d.yPath()));
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setRangeColors(SCALE);
        c.getStyler().setPlotGridLinesVisible(false);
        c.getStyler().setHeatMapValueDecimalPattern("0.#");
        // Values in the cells only where they fit.
        boolean roomy = (width - 200.0) / d.xs().length >= 40 && (height - 120.0) / d.ys().length >= 18;
        c.getStyler().setShowValue(roomy);
        c.getStyler().setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        c.getStyler().setValueFontColor(Color.WHITE);
        int step = Math.max(1, (int) Math.ceil(d.xs().length / ((width - 200.0) / 45)));
        List<String> xLabels = new ArrayList<>();
        for (int i = 0; i < d.xs().length; i++) {
            xLabels.add(i % step == 0 ? AxisLabels.number(d.xs()[i]) : " ");
        }
        int yStep = Math.max(1, (int) Math.ceil(d.ys().length / ((height - 120.0) / 16)));
        List<String> yLabels = new ArrayList<>();
        for (int i = 0; i < d.ys().length; i++) {
            yLabels.add(i % yStep == 0 ? AxisLabels.number(d.ys()[i]) : " ");
        }
        List<Number[]> heat = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Cell cell : d.cells()) {
            if (cell.n() == 0) {
                continue;
            }
            heat.add(new Number[] {Arrays.binarySearch(d.xs(), cell.x()),
                    Arrays.binarySearch(d.ys(), cell.y()), cell.rate()});
            min = Math.min(min, cell.rate());
            max = Math.max(max, cell.rate());
        }
        if (heat.isEmpty()) {
            throw new PlotException("every neuron in the heatmap diverged: no rate to show");
        }
        // Rates start at 0 Hz; whole numbers at the scale's ends read better than 14.444.
        double low = min >= 0 ? 0 : Math.floor(min);
        double high = Math.max(Math.ceil(max), low + 1);
        c.getStyler().setMin(low).setMax(high);
        c.addSeries("rate (Hz)", xLabels, yLabels, heat);
        return Figure.of(c, width, height);
    }
}
