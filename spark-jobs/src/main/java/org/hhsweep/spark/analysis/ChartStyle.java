package org.hhsweep.spark.analysis;

import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.HeatMapStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The look every plot shares: white, light grid, readable fonts, a colour-blind-safe palette. */
final class ChartStyle {
    /** Okabe-Ito colours, distinguishable with the common colour-vision deficiencies. */
    static final Color[] PALETTE = {
            new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115), new Color(204, 121, 167),
            new Color(230, 159, 0), new Color(86, 180, 233), new Color(0, 0, 0), new Color(240, 228, 66)};
    static final Color THRESHOLD = new Color(200, 30, 30);

    private ChartStyle() {
    }

    static void apply(AxesChartStyler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(Color.GRAY);
        s.setPlotGridLinesColor(new Color(225, 225, 225));
        s.setChartTitleBoxVisible(false);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        s.setLegendBorderColor(Color.LIGHT_GRAY);
        // A heat map's colour scale stands outside the plot, where XChart requires it.
        s.setLegendPosition(s instanceof HeatMapStyler ? Styler.LegendPosition.OutsideE : Styler.LegendPosition.InsideNE);
        s.setSeriesColors(PALETTE);
        s.setChartPadding(8);
        s.setToolTipsEnabled(false);
        // XChart draws a second axis line beside the plot border by default.
        s.setAxisTicksLineVisible(false);
    }

    /**
     * XChart puts ticks only at data points when all x values are evenly spaced (a short trace, a
     * curve sampled on a grid), giving ticks like 16.7, 33.4; the axis ends as the first x values,
     * in an invisible series at height y (inside the y axis's range), keep its round ticks. Call
     * before adding the data.
     */
    static void keepRoundXTicks(XYChart c, double xMin, double xMax, double y) {
        XYSeries ends = c.addSeries("axis ends", new double[] {xMin, xMax}, new double[] {y, y});
        ends.setMarker(SeriesMarkers.NONE);
        ends.setLineStyle(SeriesLines.NONE);
        ends.setShowInLegend(false);
    }
}
