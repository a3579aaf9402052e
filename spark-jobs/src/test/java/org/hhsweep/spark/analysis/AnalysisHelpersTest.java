package org.hhsweep.spark.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The small pure pieces of the plots and the report, with hand-worked values. */
class AnalysisHelpersTest {
    @Test
    void htmlEscapesEveryCharacterThatCouldOpenMarkupOrCloseAnAttribute() {
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39; µA/cm²", Html.escape("a <b> & \"c\" 'd' µA/cm²"));
        assertEquals("&amp;amp;", Html.escape("&amp;"));
        assertEquals("<td>&lt;x&gt;</td>", new Html().raw("<td>").text("<x>").raw("</td>").toString());
    }

    @Test
    void unitsAreTypesetAndNumbersShortened() {
        assertEquals("stimulus.amplitude (µA/cm²)", AxisLabels.withUnit("stimulus.amplitude", "uA/cm^2"));
        assertEquals("model.gK (mS/cm²)", AxisLabels.withUnit("model.gK", "mS/cm^2"));
        assertEquals("cv_isi", AxisLabels.withUnit("cv_isi", "1"));
        assertEquals("spikes", AxisLabels.withUnit("spikes", ""));
        assertEquals("10", AxisLabels.number(10.0));
        assertEquals("0.5", AxisLabels.number(0.5));
        assertEquals("0.000001", AxisLabels.number(1e-6));
        assertEquals("0.1", AxisLabels.number(0.1));
        assertEquals("0.3", AxisLabels.number(0.1 + 0.2));
        assertEquals("0", AxisLabels.number(0.0));
        assertEquals("-77", AxisLabels.number(-77.0));
        assertEquals("1.5E-9", AxisLabels.number(1.5e-9));
    }

    @Test
    void theReportNamesTheMethodThatRanAlsoForOutputsRecordedUnderItsFormerName() throws Exception {
        assertEquals("exp_euler_fast", ManifestFacts.method(manifestWithMethod("exp_euler_fast")));
        // what a manifest written before exp_euler named the fast kernel holds
        assertEquals("exp_euler_reference (recorded under its former name exp_euler)",
                ManifestFacts.method(manifestWithMethod("exp_euler")));
        assertEquals("", ManifestFacts.method(new ObjectMapper().readTree("{}")));
    }

    private static JsonNode manifestWithMethod(String method) throws Exception {
        return new ObjectMapper().readTree("{\"config\": {\"simulation\": {\"method\": \"" + method + "\"}}}");
    }

    @Test
    void histogramBinWidthsAreRoundNumbers() {
        assertEquals(0.02, IsiPlot.roundWidth(0.0158), 1e-15);
        assertEquals(0.025, IsiPlot.roundWidth(0.021), 1e-15);
        assertEquals(1.0, IsiPlot.roundWidth(1.0), 1e-15);
        assertEquals(2.0, IsiPlot.roundWidth(1.01), 1e-15);
        assertEquals(5.0, IsiPlot.roundWidth(2.6), 1e-15);
        assertEquals(10.0, IsiPlot.roundWidth(5.2), 1e-15);
        assertEquals(0.002, IsiPlot.roundWidth(0.0013), 1e-15);
    }

    @Test
    void decimationKeepsEveryExtremeInTimeOrder() {
        // A flat trace with one-sample spikes: each must survive thinning to 100 buckets.
        float[] v = new float[100_000];
        java.util.Arrays.fill(v, -65f);
        int[] spikes = {123, 40_000, 40_001, 99_999};
        for (int i : spikes) {
            v[i] = 40f;
        }
        double[][] xy = MinMaxDecimation.of(0.01, 0.01, v, 100);
        assertEquals(200, xy[0].length);
        int peaks = 0;
        for (int k = 0; k < xy[0].length; k++) {
            if (k > 0) {
                assertEquals(true, xy[0][k] >= xy[0][k - 1], "time order at " + k);
            }
            if (xy[1][k] == 40.0) {
                peaks++;
            }
        }
        // 40,000 and 40,001 share a bucket, whose max is one of them.
        assertEquals(3, peaks);
        // Short series pass through untouched.
        double[][] small = MinMaxDecimation.of(1.0, 0.5, new float[] {1, 2, 3}, 10);
        assertArrayEquals(new double[] {1.0, 1.5, 2.0}, small[0], 0.0);
        assertArrayEquals(new double[] {1, 2, 3}, small[1], 0.0);
    }

    @Test
    void decimatedRangeEqualsTheFullRangeOnRandomData() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 50; trial++) {
            float[] v = new float[1 + random.nextInt(20_000)];
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) random.nextDouble(-80, 50);
                min = Math.min(min, v[i]);
                max = Math.max(max, v[i]);
            }
            double[][] xy = MinMaxDecimation.of(0, 1, v, 1 + random.nextInt(500));
            assertEquals(min, java.util.Arrays.stream(xy[1]).min().getAsDouble(), 0.0);
            assertEquals(max, java.util.Arrays.stream(xy[1]).max().getAsDouble(), 0.0);
        }
    }

    @Test
    void plotKindsAndFormatsParse() {
        assertEquals(PlotKind.HEATMAP, PlotKind.parse("HeatMap"));
        assertEquals("traces, raster, fi, heatmap, isi, gates, rates, sensitivity, fit", PlotKind.ids());
        assertEquals(PlotKind.GATES, PlotKind.parse("gates"));
        assertThrows(PlotException.class, () -> PlotKind.parse("pie"));
        assertEquals(ImageFormat.SVG, ImageFormat.ofFileName("a/b/Plot.SVG"));
        assertEquals(null, ImageFormat.ofFileName("plot.pdf"));
        assertThrows(PlotException.class, () -> ImageFormat.parse("pdf"));
    }
}
