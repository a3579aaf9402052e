package org.hhsweep.spark.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.hhsweep.spark.TestSweeps;
import org.hhsweep.spark.duckdb.DuckDbReader;
import org.junit.jupiter.api.Test;

/**
 * What each plot collects from real sweeps, checked against the shared reference numbers, hand
 * derivations, plain Java arithmetic and an independent Parquet reader (DuckDB).
 */
class PlotDataTest {
    private static final int TUTORIAL_SPIKES =
            TestSweeps.reference().at("/tutorial_random_input_100ms_dt0.01/spike_count_every_neuron").asInt();
    private static final double V_TH = TestSweeps.reference().at("/parameters/V_th").asDouble();

    private static PlotOptions where(String predicate) {
        return PlotOptions.defaults().withWhere(predicate);
    }

    private static int upwardCrossings(float[] v, double threshold) {
        int n = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i - 1] < threshold && v[i] >= threshold) {
                n++;
            }
        }
        return n;
    }

    @Test
    void tutorialTracesShowEveryNeuronsSixSpikesAcrossTheConfigThreshold() {
        SweepOutput out = AnalysisSweeps.open(AnalysisSweeps.tutorial());
        TracesPlot.Data d = TracesPlot.collect(out, PlotOptions.defaults());
        assertEquals(10, d.matched());
        assertEquals(TracesPlot.DEFAULT_PANELS, d.panels().size());
        for (int i = 0; i < d.panels().size(); i++) {
            TracesPlot.Panel p = d.panels().get(i);
            assertEquals(0, p.runId());
            assertEquals(i, p.neuron());
            // Traced every 0.01 ms step for 100 ms: the first sample ends the first step.
            assertEquals(0.01, p.t0Ms(), 1e-12);
            assertEquals(0.01, p.dtMs(), 1e-12);
            assertEquals(10_000, p.values().length);
            assertEquals(V_TH, p.thresholdMv(), 0.0);
            assertEquals(TUTORIAL_SPIKES, upwardCrossings(p.values(), V_TH), "neuron " + i);
        }
    }

    @Test
    void whereAndLimitChooseTheTraces() {
        SweepOutput out = AnalysisSweeps.open(AnalysisSweeps.tutorial());
        TracesPlot.Data three = TracesPlot.collect(out, where("neuron >= 3 AND neuron < 6"));
        assertEquals(3, three.matched());
        assertEquals(List.of(3, 4, 5), three.panels().stream().map(TracesPlot.Panel::neuron).toList());

        PlotOptions fifty = new PlotOptions(null, 50, null, null, null, 800, 600);
        assertEquals(10, TracesPlot.collect(out, fifty).panels().size());
        assertEquals(TracesPlot.MAX_PANELS, fifty.limit(TracesPlot.DEFAULT_PANELS, TracesPlot.MAX_PANELS));

        PlotException none = assertThrows(PlotException.class, () -> TracesPlot.collect(out, where("neuron > 99")));
        assertTrue(none.getMessage().contains("neuron > 99"), none.getMessage());
    }

    /** The raster's times are where the traces cross the threshold: the spikes table and the traces agree. */
    @Test
    void rasterSpikeTimesAreWhereTheTracesCrossTheThreshold() {
        SweepOutput out = AnalysisSweeps.open(AnalysisSweeps.tutorial());
        RasterPlot.Data raster = RasterPlot.collect(out, PlotOptions.defaults());
        assertEquals(10, raster.matched());
        assertEquals(10, raster.trains().size());
        assertEquals(100.0, raster.durationMs(), 0.0);
        TracesPlot.Data traces = TracesPlot.collect(out, new PlotOptions(null, 10, null, null, null, 800, 600));
        for (int i = 0; i < 10; i++) {
            RasterPlot.Train train = raster.trains().get(i);
            TracesPlot.Panel p = traces.panels().get(i);
            assertEquals(p.neuron(), train.neuron());
            List<Double> crossings = new ArrayList<>();
            for (int k = 1; k < p.values().length; k++) {
                if (p.values()[k - 1] < V_TH && p.values()[k] >= V_TH) {
                    crossings.add(p.t0Ms() + k * p.dtMs());
                }
            }
            assertEquals(TUTORIAL_SPIKES, train.spikesMs().length);
            assertArrayEquals(crossings.stream().mapToDouble(Double::doubleValue).toArray(), train.spikesMs(), 1e-9);
        }
    }

    @Test
    void isiHistogramHoldsEveryIntervalOnceInItsBin() {
        SweepOutput tutorial = AnalysisSweeps.open(AnalysisSweeps.tutorial());
        IsiPlot.Data d = IsiPlot.collect(tutorial, PlotOptions.defaults());
        // 6 spikes make 5 intervals per neuron.
        assertEquals(10L * (TUTORIAL_SPIKES - 1), d.intervals());
        assertEquals(10, d.neurons());
        assertBinnedLikeJava(d, RasterPlot.collect(tutorial, PlotOptions.defaults()).trains());

        SweepOutput noisy = AnalysisSweeps.open(AnalysisSweeps.noisy());
        PlotOptions all = new PlotOptions(null, RasterPlot.MAX_ROWS, null, null, null, 800, 600);
        List<RasterPlot.Train> trains = RasterPlot.collect(noisy, all).trains();
        assertEquals(36, trains.size());
        assertBinnedLikeJava(IsiPlot.collect(noisy, PlotOptions.defaults()), trains);
    }

    /** Intervals and bins recomputed in plain Java from the spike trains. */
    private static void assertBinnedLikeJava(IsiPlot.Data d, List<RasterPlot.Train> trains) {
        long[] expected = new long[d.counts().length];
        double sum = 0;
        long n = 0;
        for (RasterPlot.Train t : trains) {
            for (int k = 1; k < t.spikesMs().length; k++) {
                double isi = t.spikesMs()[k] - t.spikesMs()[k - 1];
                int bin = (int) Math.floor((isi - d.lo()) / d.width());
                assertTrue(bin >= 0 && bin < expected.length, "interval " + isi + " outside the histogram");
                expected[bin]++;
                sum += isi;
                n++;
            }
        }
        assertEquals(n, d.intervals());
        assertArrayEquals(expected, d.counts());
        assertEquals(sum / n, d.meanMs(), 1e-9);
        // Round bin widths (1, 2, 2.5, 5 x 10^k) starting at a multiple of the width.
        double mantissa = d.width() / Math.pow(10, Math.floor(Math.log10(d.width())));
        assertTrue(List.of(1.0, 2.0, 2.5, 5.0).stream().anyMatch(m -> Math.abs(m - mantissa) < 1e-9), "width " + d.width());
        assertEquals(Math.round(d.lo() / d.width()), d.lo() / d.width(), 1e-6);
    }

    @Test
    void fiCurveAtTheTutorialsGkIsTheReferenceTable() {
        SweepOutput out = AnalysisSweeps.open(AnalysisSweeps.fiGrid());
        FiPlot.Data d = FiPlot.collect(out, PlotOptions.defaults());
        assertEquals("stimulus.amplitude", d.xPath());
        assertEquals("model.gK", d.seriesPath());
        assertEquals("window_rate_hz", d.rateColumn());
        assertEquals(List.of(30.0, 36.0), d.curves().stream().map(FiPlot.Curve::value).toList());
        JsonNode table = TestSweeps.reference().get("constant_current_1000ms_dt0.01");
        List<FiPlot.Point> points = d.curves().get(1).points();
        assertEquals(table.size(), points.size());
        for (int i = 0; i < table.size(); i++) {
            FiPlot.Point p = points.get(i);
            assertEquals(table.get(i).get("I").asDouble(), p.x(), 0.0);
            // Rate in the 500 ms window: spikes / 0.5 s, exactly.
            assertEquals(table.get(i).get("spikes_in_500_1000ms").asInt() / 0.5, p.mean(), 1e-9);
            assertEquals(1, p.n());
            assertTrue(Double.isNaN(p.sd()), "one neuron per point has no spread");
        }
        // Pooled: one curve, two neurons (one per gK) per current.
        FiPlot.Data pooled = FiPlot.collect(out, new PlotOptions(null, null, null, null, "none", 800, 600));
        assertNull(pooled.seriesPath());
        assertEquals(List.of("model.gK"), pooled.pooled());
        assertEquals(1, pooled.curves().size());
        assertEquals(2, pooled.maxN());
    }

    @Test
    void heatmapCellsAtTheTutorialsGkAreTheReferenceRates() {
        SweepOutput out = AnalysisSweeps.open(AnalysisSweeps.fiGrid());
        HeatmapPlot.Data d = HeatmapPlot.collect(out, PlotOptions.defaults());
        assertEquals("stimulus.amplitude", d.xPath());
        assertEquals("model.gK", d.yPath());
        assertArrayEquals(new double[] {30, 36}, d.ys(), 0.0);
        JsonNode table = TestSweeps.reference().get("constant_current_1000ms_dt0.01");
        assertEquals(table.size() * 2, d.cells().size());
        for (JsonNode row : table) {
            HeatmapPlot.Cell cell = d.cells().stream()
                    .filter(c -> c.x() == row.get("I").asDouble() && c.y() == 36.0).findFirst().orElseThrow();
            assertEquals(row.get("spikes_in_500_1000ms").asInt() / 0.5, cell.rate(), 1e-9);
        }
        // Axes swapped on request.
        HeatmapPlot.Data swapped = HeatmapPlot.collect(out, new PlotOptions(null, null, "model_gK", "stimulus.amplitude",
                null, 800, 600));
        assertEquals("model.gK", swapped.xPath());
        assertArrayEquals(d.xs(), swapped.ys(), 0.0);
    }

    /** Means and spreads over seeds and neurons, recomputed from the Parquet files DuckDB reads. */
    @Test
    void fiMeansAndSpreadsAgreeWithAnIndependentReader() throws Exception {
        SweepOutput out = AnalysisSweeps.open(AnalysisSweeps.noisy());
        FiPlot.Data d = FiPlot.collect(out, PlotOptions.defaults());
        assertEquals("stimulus.mean", d.xPath());
        assertEquals("model.gK", d.seriesPath());
        boolean spread = false;
        try (DuckDbReader duck = DuckDbReader.open()) {
            for (FiPlot.Curve curve : d.curves()) {
                for (FiPlot.Point p : curve.points()) {
                    List<List<Object>> rows = duck.query("SELECT window_rate_hz FROM "
                            + DuckDbReader.table(AnalysisSweeps.noisy().resolve("summaries")) + " WHERE stimulus_mean = "
                            + p.x() + " AND model_gK = " + curve.value());
                    double[] rates = rows.stream().mapToDouble(r -> (Double) r.get(0)).toArray();
                    // 2 seed replicates x 3 neurons.
                    assertEquals(6, rates.length);
                    double mean = 0;
                    for (double r : rates) {
                        mean += r / rates.length;
                    }
                    double ss = 0;
                    for (double r : rates) {
                        ss += (r - mean) * (r - mean);
                    }
                    double sd = Math.sqrt(ss / (rates.length - 1));
                    assertEquals(6, p.n());
                    assertEquals(mean, p.mean(), 1e-9);
                    assertEquals(sd, p.sd(), 1e-9);
                    assertEquals(java.util.Arrays.stream(rates).min().getAsDouble(), p.min(), 0.0);
                    assertEquals(java.util.Arrays.stream(rates).max().getAsDouble(), p.max(), 0.0);
                    spread |= sd > 0;
                }
            }
        }
        assertTrue(spread, "noise should make neurons' rates differ somewhere");
    }

    /** A current so large that V leaves any sane range: those neurons are marked, never averaged in. */
    @Test
    void divergedNeuronsAreMarkedAndLeftOutOfTheRates() {
        SweepOutput out = AnalysisSweeps.open(AnalysisSweeps.custom("diverging", String.join("\n",
                "name: diverging",
                "simulation: {duration: 20 ms, dt: 0.01 ms}",
                "neurons: 2",
                "stimulus: {type: constant}",
                "sweep: {grid: {stimulus.amplitude: [10 uA/cm^2, 10000000 uA/cm^2]}}",
                "record: {spikes: true, traces: {variables: [V], neurons: all}}",
                "")));
        TracesPlot.Data traces = TracesPlot.collect(out, PlotOptions.defaults());
        assertEquals(List.of(false, false, true, true), traces.panels().stream().map(TracesPlot.Panel::diverged).toList());

        // At 10 uA/cm^2 the first spike comes where the reference's 1 s run has it.
        double firstSpike = TestSweeps.reference().get("constant_current_1000ms_dt0.01").get(3).get("first_spike_ms").asDouble();
        RasterPlot.Data raster = RasterPlot.collect(out, PlotOptions.defaults());
        assertEquals(firstSpike, raster.trains().get(0).spikesMs()[0], 1e-9);
        assertEquals(0, raster.trains().get(2).spikesMs().length, "a diverged neuron's spikes are not kept");

        FiPlot.Data fi = FiPlot.collect(out, PlotOptions.defaults());
        FiPlot.Point huge = fi.curves().get(0).points().get(1);
        assertEquals(0, huge.n());
        assertEquals(2, huge.missing());
        assertEquals(2, fi.missing());
        Rendered r = FiPlot.render(out, PlotOptions.defaults());
        assertTrue(r.summary().endsWith("; 2 diverged neurons left out"), r.summary());
    }

    @Test
    void plotsThatDoNotFitTheOutputSayWhatWouldFit() {
        SweepOutput tutorial = AnalysisSweeps.open(AnalysisSweeps.tutorial());
        assertTrue(assertThrows(PlotException.class, () -> FiPlot.collect(tutorial, PlotOptions.defaults()))
                .getMessage().contains("sweeps nothing"));
        assertTrue(assertThrows(PlotException.class, () -> HeatmapPlot.collect(tutorial, PlotOptions.defaults()))
                .getMessage().contains("sweeps nothing"));

        SweepOutput fi = AnalysisSweeps.open(AnalysisSweeps.fiGrid());
        assertTrue(assertThrows(PlotException.class, () -> TracesPlot.collect(fi, PlotOptions.defaults()))
                .getMessage().contains("record.traces"));
        String unknown = assertThrows(PlotException.class, () -> FiPlot.collect(fi,
                new PlotOptions(null, null, "model.gNa", null, null, 800, 600))).getMessage();
        assertTrue(unknown.contains("model.gNa") && unknown.contains("swept: stimulus.amplitude, model.gK"), unknown);
        assertThrows(PlotException.class, () -> FiPlot.collect(fi,
                new PlotOptions(null, null, "model.gK", null, "model_gK", 800, 600)));
        assertThrows(PlotException.class, () -> new PlotOptions(null, null, null, null, null, 100, 600));
        assertThrows(PlotException.class, () -> new PlotOptions(null, 0, null, null, null, 800, 600));
    }
}
