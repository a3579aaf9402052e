package org.hhsweep.spark.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import javax.xml.parsers.DocumentBuilderFactory;
import org.hhsweep.sim.config.ModelLibrary;
import org.hhsweep.spark.io.Signature;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The gates plot on real sweeps: its curves equal the textbook rate formulas written out here
 * (not hhsweep's rate code), a run's model carries that run's swept values, an instantaneous gate
 * has no time constant, and the figure is written signed where the other plots' rules allow.
 */
class GatesPlotTest {
    private static final double TOL = 1e-12;
    private static final Map<String, Path> SWEEPS = new HashMap<>();

    /** A rate as the papers write it, alpha or beta of V in mV, 1/ms. */
    private record Textbook(String label, DoubleUnaryOperator alpha, DoubleUnaryOperator beta, double phi) {
        double xInf(double v) {
            double a = alpha.applyAsDouble(v);
            return a / (a + beta.applyAsDouble(v));
        }

        double tau(double v) {
            return 1 / (phi * (alpha.applyAsDouble(v) + beta.applyAsDouble(v)));
        }
    }

    /** x / (1 - exp(-x / s)) times k, with its limit k s at x = 0. */
    private static double linoid(double k, double x, double s) {
        return x == 0 ? k * s : k * x / (1 - Math.exp(-x / s));
    }

    /** The tutorial's HH rates (Hodgkin and Huxley 1952, rest at -65 mV), phi 1. */
    private static List<Textbook> hh(double mMidpoint, double phi) {
        return List.of(
                new Textbook("na.m", v -> linoid(0.1, v - mMidpoint, 10), v -> 4 * Math.exp(-(v + 65) / 18), phi),
                new Textbook("na.h", v -> 0.07 * Math.exp(-(v + 65) / 20), v -> 1 / (1 + Math.exp(-(v + 35) / 10)), phi),
                new Textbook("k.n", v -> linoid(0.01, v + 55, 10), v -> 0.125 * Math.exp(-(v + 65) / 80), phi));
    }

    /** A small sweep of these lines (name first), run once per test JVM. */
    private static synchronized Path sweep(String... lines) {
        return SWEEPS.computeIfAbsent(lines[0], n -> AnalysisSweeps.custom(n, "name: " + String.join("\n", lines) + "\n"));
    }

    /** hh, runs: 0 (-40 mV, phi 1), 1 (-40 mV, phi 3), 2 (-30 mV, phi 1), 3 (-30 mV, phi 3). */
    private static Path swept() {
        return sweep("gates-swept",
                "simulation: {duration: 5 ms, dt: 0.01 ms}",
                "stimulus: {type: constant, amplitude: 10 uA/cm^2}",
                "sweep:",
                "  grid:",
                "    model.channels.na.gates.m.alpha.midpoint: [-40 mV, -30 mV]",
                "    model.phi: [1, 3]");
    }

    private static Path wangBuzsaki() {
        return sweep("gates-wb",
                "simulation: {duration: 5 ms, dt: 0.01 ms}",
                "model: {base: wang_buzsaki}",
                "stimulus: {type: constant, amplitude: 1 uA/cm^2}");
    }

    private static void assertCurves(List<Textbook> expected, GatesPlot.Data d) {
        assertEquals(expected.stream().map(Textbook::label).toList(),
                d.curves().stream().map(GatesPlot.Curve::label).toList());
        assertEquals(321, d.v().length);
        assertEquals(-100.0, d.v()[0], 0.0);
        assertEquals(60.0, d.v()[320], 0.0);
        for (int k = 0; k < expected.size(); k++) {
            Textbook t = expected.get(k);
            GatesPlot.Curve c = d.curves().get(k);
            for (int i = 0; i < d.v().length; i++) {
                double v = d.v()[i];
                assertEquals(t.xInf(v), c.xInf()[i], TOL * Math.max(1, t.xInf(v)), t.label() + " x_inf at " + v);
                if (c.tauMs() != null) {
                    assertEquals(t.tau(v), c.tauMs()[i], TOL * t.tau(v), t.label() + " tau at " + v);
                }
            }
        }
    }

    private static int at(GatesPlot.Data d, double v) {
        for (int i = 0; i < d.v().length; i++) {
            if (d.v()[i] == v) {
                return i;
            }
        }
        throw new AssertionError("no sample at " + v + " mV");
    }

    @Test
    void theTutorialsGatesAreHodgkinAndHuxleysRates() {
        GatesPlot.Data d = GatesPlot.collect(AnalysisSweeps.open(AnalysisSweeps.tutorial()), PlotOptions.defaults());
        assertEquals(RunModel.BASE, d.model().what());
        // m at -40 mV, where alpha's formula is 0/0: alpha = 0.1 * 10 = 1, beta = 4 e^(-25/18)
        int i = at(d, -40);
        double beta = 4 * Math.exp(-25.0 / 18);
        assertEquals(1 / (1 + beta), d.curves().get(0).xInf()[i], TOL);
        assertEquals(1 / (1 + beta), d.curves().get(0).tauMs()[i], TOL);
        // n at rest (-65 mV): alpha = 0.01 (-10) / (1 - e^1) = 0.1 / (e - 1), beta = 0.125
        double alphaN = 0.1 / (Math.E - 1);
        assertEquals(alphaN / (alphaN + 0.125), d.curves().get(2).xInf()[at(d, -65)], TOL);
        assertCurves(hh(-40, 1), d);
    }

    @Test
    void aRunsModelHasThatRunsSweptValues() {
        SweepOutput out = AnalysisSweeps.open(swept());
        GatesPlot.Data base = GatesPlot.collect(out, PlotOptions.defaults());
        assertEquals(RunModel.BASE, base.model().what());
        assertCurves(hh(-40, 1), base);

        GatesPlot.Data run3 = GatesPlot.collect(out, PlotOptions.defaults().withRun(3L));
        assertEquals("run 3 (model.channels.na.gates.m.alpha.midpoint = -30 mV, model.phi = 3)", run3.model().what());
        assertCurves(hh(-30, 3), run3);
        // by hand at -30 mV: alpha_m = 1 (the 0/0 point moved with the midpoint), beta_m = 4 e^(-35/18), phi 3
        double beta = 4 * Math.exp(-35.0 / 18);
        assertEquals(1 / (1 + beta), run3.curves().get(0).xInf()[at(run3, -30)], TOL);
        assertEquals(1 / (3 * (1 + beta)), run3.curves().get(0).tauMs()[at(run3, -30)], TOL);

        assertCurves(hh(-40, 3), GatesPlot.collect(out, PlotOptions.defaults().withRun(1L)));
        assertCurves(hh(-30, 1), GatesPlot.collect(out, PlotOptions.defaults().withRun(2L)));

        PlotException outside = assertThrows(PlotException.class,
                () -> GatesPlot.collect(out, PlotOptions.defaults().withRun(4L)));
        assertEquals("--run 4 is not a run of this output: its runs are 0 to 3", outside.getMessage());
        PlotException where = assertThrows(PlotException.class,
                () -> GatesPlot.collect(out, PlotOptions.defaults().withWhere("run_id = 3")));
        assertTrue(where.getMessage().contains("--run ID, not --where"), where.getMessage());
    }

    @Test
    void anInstantaneousGateHasASteadyStateAndNoTimeConstant() {
        GatesPlot.Data d = GatesPlot.collect(AnalysisSweeps.open(wangBuzsaki()), PlotOptions.defaults());
        // Wang and Buzsaki 1996: m instantaneous; h and n with phi 5
        List<Textbook> wb = List.of(
                new Textbook("na.m", v -> linoid(0.1, v + 35, 10), v -> 4 * Math.exp(-(v + 60) / 18), 5),
                new Textbook("na.h", v -> 0.07 * Math.exp(-(v + 58) / 20), v -> 1 / (1 + Math.exp(-0.1 * (v + 28))), 5),
                new Textbook("k.n", v -> linoid(0.01, v + 34, 10), v -> 0.125 * Math.exp(-(v + 44) / 80), 5));
        assertTrue(d.curves().get(0).instantaneous());
        assertNull(d.curves().get(0).tauMs());
        assertFalse(d.curves().get(1).instantaneous());
        assertCurves(wb, d);
    }

    @Test
    void aSearchedModelNumberIsSaidToDifferPerProbe() {
        Path search = sweep("gates-search",
                "simulation: {duration: 5 ms, dt: 0.01 ms}",
                "stimulus: {type: constant, amplitude: 10 uA/cm^2}",
                "sweep:",
                "  grid: {model.channels.na.gates.h.alpha.midpoint: [-65 mV, -60 mV]}",
                "  search: {param: model.channels.k.g, from: 0 mS/cm^2, to: 50 mS/cm^2, tolerance: 10 mS/cm^2,",
                "           criterion: \"spike_count >= 1\"}");
        GatesPlot.Data d = GatesPlot.collect(AnalysisSweeps.open(search), PlotOptions.defaults().withRun(1L));
        assertEquals("run 1 (model.channels.na.gates.h.alpha.midpoint = -60 mV); model.channels.k.g is searched, so it"
                + " differs per probe: shown at its base value", d.model().what());
        assertEquals(-60.0, d.model().model().get("channels.na.gates.h.alpha.midpoint"), 0.0);
    }

    @Test
    void aManifestWithoutTheModelKeyGivesTheConfigsModel() throws Exception {
        SweepOutput out = AnalysisSweeps.open(swept());
        ObjectNode old = out.manifest().deepCopy();
        old.remove("model");
        assertFalse(RunModel.written(old));
        assertEquals(ModelLibrary.hh(), RunModel.base(old));
        assertEquals(RunModel.base(out.manifest()), RunModel.base(old));
        ((ObjectNode) old.get("config")).remove("model");
        PlotException e = assertThrows(PlotException.class, () -> RunModel.base(old));
        assertTrue(e.getMessage().startsWith("the manifest's config's model is not one hhsweep reads ("), e.getMessage());
    }

    @Test
    void thePlotCommandWritesASignedFigureOfTheAskedSize() throws Exception {
        Path sweep = swept();
        AnalysisSweeps.Outcome o = AnalysisSweeps.cli("plot", sweep.toString(), "--kind", "gates");
        assertEquals(0, o.status(), o.err());
        Path png = sweep.resolve("plots").resolve("gates.png");
        assertEquals("wrote " + png + " (png, 800x600): steady states and time constants of 3 gates (na.m, na.h, k.n)"
                + " of the base model, V -100 to 60 mV; swept per run: model.channels.na.gates.m.alpha.midpoint,"
                + " model.phi (--run ID draws a run's model)\n", o.out());
        Images.assertDrawn(png, 800, 600, 0.05);
        assertTrue(Signature.carriedBy(Files.readAllBytes(png)));

        Path scratch = AnalysisSweeps.scratch("gates");
        Path svg = scratch.resolve("run3.svg");
        AnalysisSweeps.Outcome s = AnalysisSweeps.cli("plot", sweep.toString(), "--kind", "gates", "--run", "3",
                "--out", svg.toString(), "--width", "700", "--height", "500");
        assertEquals(0, s.status(), s.err());
        assertTrue(s.out().contains("of run 3 (model.channels.na.gates.m.alpha.midpoint = -30 mV, model.phi = 3)"), s.out());
        assertTrue(Signature.carriedBy(Files.readAllBytes(svg)));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = f.newDocumentBuilder().parse(svg.toFile());
        assertEquals("700px", doc.getDocumentElement().getAttribute("width"));
        assertEquals("500px", doc.getDocumentElement().getAttribute("height"));

        Path wb = scratch.resolve("wb.png");
        AnalysisSweeps.Outcome w = AnalysisSweeps.cli("plot", wangBuzsaki().toString(), "--kind", "gates", "--out",
                wb.toString());
        assertEquals(0, w.status(), w.err());
        Images.assertDrawn(wb, 800, 600, 0.05);

        // a file of the user's is replaced only with --overwrite; a link is never written through
        Path mine = Files.writeString(scratch.resolve("mine.png"), "the user's");
        AnalysisSweeps.Outcome refused = AnalysisSweeps.cli("plot", sweep.toString(), "--kind", "gates", "--out",
                mine.toString());
        assertEquals(2, refused.status());
        assertEquals("error: " + mine + " exists and was not written by hhsweep; choose another --out, or add"
                + " --overwrite to replace it\n", refused.err());
        assertEquals("the user's", Files.readString(mine));
        assertEquals(0, AnalysisSweeps.cli("plot", sweep.toString(), "--kind", "gates", "--out", mine.toString(),
                "--overwrite").status());
        assertTrue(Signature.carriedBy(Files.readAllBytes(mine)));
        Path link = Files.createSymbolicLink(scratch.resolve("link.png"), png);
        AnalysisSweeps.Outcome linked = AnalysisSweeps.cli("plot", sweep.toString(), "--kind", "gates", "--out",
                link.toString(), "--overwrite");
        assertEquals(2, linked.status());
        assertTrue(linked.err().startsWith("error: " + link + " is a symbolic link"), linked.err());
    }

    @Test
    void mistakesAreOneLineWithStatusTwo() {
        Path sweep = swept();
        List<List<String>> cases = List.of(
                List.of("--run", "4", "error: --run 4 is not a run of this output: its runs are 0 to 3"),
                List.of("--run", "-1", "error: --run needs a run id, a whole number from 0, got -1 (plot --help shows the usage)"),
                List.of("--run", "x", "error: --run needs a run id, a whole number from 0, got x (plot --help shows the usage)"),
                List.of("--where", "run_id = 1", "error: the gates plot draws one run's model: choose the run with --run ID,"
                        + " not --where"));
        for (List<String> c : cases) {
            AnalysisSweeps.Outcome o = AnalysisSweeps.cli("plot", sweep.toString(), "--kind", "gates", c.get(0), c.get(1));
            assertEquals(2, o.status(), o.err());
            assertEquals(c.get(2) + "\n", o.err());
        }
        AnalysisSweeps.Outcome traces = AnalysisSweeps.cli("plot", sweep.toString(), "--kind", "raster", "--run", "2");
        assertEquals(2, traces.status());
        assertEquals("error: --run is for --kind gates and rates; the raster plot picks runs with --where \"run_id = 2\""
                + " (plot --help shows the usage)\n", traces.err());
    }
}
