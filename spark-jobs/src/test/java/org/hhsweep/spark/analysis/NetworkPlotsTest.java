package org.hhsweep.spark.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.hhsweep.spark.NetworkSweeps;
import org.junit.jupiter.api.Test;

/**
 * A network sweep's figures: the raster coloured by population with a legend, the population
 * rates of one run, and both in the report.
 */
class NetworkPlotsTest {
    private static synchronized Path sweep() {
        return AnalysisSweeps.custom("net-plots", NetworkSweeps.weights("net-plots", "0.05 mS/cm^2, 0.2 mS/cm^2", 1));
    }

    private static Path network;

    private static synchronized Path network() {
        if (network == null) {
            network = sweep();
        }
        return network;
    }

    @Test
    void theRasterTakesTheFirstNeuronsOfEveryPopulationInConfigOrder() {
        SweepOutput out = AnalysisSweeps.open(network());
        assertTrue(out.network());
        assertEquals(List.of("E", "I"), List.copyOf(out.populations().keySet()));
        RasterPlot.Data d = RasterPlot.collect(out, PlotOptions.defaults().withWhere("run_id = 1"));
        assertEquals(List.of("E", "I"), d.populations());
        // 50 rows shared by 2 populations: E 0..24 on rows 0..24, I 0..19 on rows 40..59 (after E's 40)
        assertEquals(45, d.trains().size());
        assertEquals(60, d.matched());
        for (RasterPlot.Train t : d.trains()) {
            assertEquals(1, t.runId());
            assertEquals(t.population().equals("E") ? t.neuron() : 40 + t.neuron(), t.row(), t.toString());
        }
        assertEquals(25, d.trains().stream().filter(t -> t.population().equals("E")).count());
    }

    @Test
    void rasterAndRatesDrawnWithAColourPerPopulation() throws Exception {
        Path scratch = AnalysisSweeps.scratch("net-kinds");
        Path raster = scratch.resolve("raster.png");
        AnalysisSweeps.Outcome o = AnalysisSweeps.cli("plot", network().toString(), "--kind", "raster", "--where",
                "run_id = 0", "--out", raster.toString(), "--width", "640", "--height", "480");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("the first of each population: E, I"), o.out());
        Images.assertDrawn(raster, 640, 480, 0.02);
        assertTrue(pixels(raster, ChartStyle.PALETTE[0]) > 50 && pixels(raster, ChartStyle.PALETTE[1]) > 50,
                "both populations' colours");

        Path rates = scratch.resolve("rates.png");
        o = AnalysisSweeps.cli("plot", network().toString(), "--kind", "rates", "--run", "1", "--out", rates.toString(),
                "--width", "640", "--height", "480");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains(": run 1, 2 populations in 15 bins of 10 ms; mean over the bins: E "), o.out());
        Images.assertDrawn(rates, 640, 480, 0.01);
        assertTrue(pixels(rates, ChartStyle.PALETTE[0]) > 50 && pixels(rates, ChartStyle.PALETTE[1]) > 50,
                "a line per population");

        // the first run by default; a run that is not there, or rates of a sweep without them, in one line
        o = AnalysisSweeps.cli("plot", network().toString(), "--kind", "rates", "--out", scratch.resolve("r0.png").toString());
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains(": run 0, 2 populations"), o.out());
        o = AnalysisSweeps.cli("plot", network().toString(), "--kind", "rates", "--run", "7", "--out",
                scratch.resolve("r7.png").toString());
        assertEquals(2, o.status());
        assertEquals("error: no population rates of run 7 (runs 0 to 1)\n", o.err());
        o = AnalysisSweeps.cli("plot", AnalysisSweeps.tutorial().toString(), "--kind", "rates", "--out",
                scratch.resolve("tutorial-rates.png").toString());
        assertEquals(2, o.status());
        assertTrue(o.err().startsWith("error: ") && o.err().contains("population_rates") && o.err().lines().count() == 1,
                o.err());
    }

    @Test
    void theReportShowsTheRasterAndThePopulationRates() throws Exception {
        Path sweep = network();
        AnalysisSweeps.Outcome o = AnalysisSweeps.cli("report", sweep.toString());
        assertEquals(0, o.status(), o.err());
        String html = Files.readString(sweep.resolve("report.html"));
        for (String kind : List.of("raster", "rates")) {
            assertTrue(html.contains("report/" + kind + ".png"), kind + " in the report");
            Images.assertDrawn(sweep.resolve("report").resolve(kind + ".png"), 900, 600, 0.01);
        }
        assertFalse(html.contains("report/gates.png"), "no gates of a base model the network does not simulate");
        assertTrue(html.contains("Populations, averaged over the runs"), "the populations table");
        assertTrue(html.indexOf("<td>E</td>") > 0 && html.indexOf("<td>E</td>") < html.indexOf("<td>I</td>"),
                "a row per population, in config order");
    }

    private static long pixels(Path png, Color colour) throws Exception {
        BufferedImage image = ImageIO.read(png.toFile());
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (Math.abs(((rgb >> 16) & 255) - colour.getRed()) < 30 && Math.abs(((rgb >> 8) & 255) - colour.getGreen()) < 30
                        && Math.abs((rgb & 255) - colour.getBlue()) < 30) {
                    n++;
                }
            }
        }
        return n;
    }
}
