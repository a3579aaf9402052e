package org.hhsweep.spark.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * Every plot kind drawn by the plot command from real sweeps: files where asked, of the asked size,
 * with a drawing on them; SVG well-formed; mistakes reported in one line with exit status 2.
 */
class PlotImagesTest {

    private static AnalysisSweeps.Outcome plot(Path dir, String... options) {
        String[] args = new String[options.length + 2];
        args[0] = "plot";
        args[1] = dir.toString();
        System.arraycopy(options, 0, args, 2, options.length);
        return AnalysisSweeps.cli(args);
    }

    private static Path png(Path sweep, String kind, Path scratch, String... extra) throws Exception {
        Path file = scratch.resolve(kind + ".png");
        String[] options = new String[extra.length + 8];
        String[] base = {"--kind", kind, "--out", file.toString(), "--width", "640", "--height", "480"};
        System.arraycopy(base, 0, options, 0, base.length);
        System.arraycopy(extra, 0, options, base.length, extra.length);
        AnalysisSweeps.Outcome o = plot(sweep, options);
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().startsWith("wrote " + file + " (png, 640x480): "), o.out());
        return file;
    }

    @Test
    void everyKindDrawsAnImageOfTheAskedSize() throws Exception {
        Path scratch = AnalysisSweeps.scratch("kinds");
        Path tutorial = AnalysisSweeps.tutorial();
        Path noisy = AnalysisSweeps.noisy();
        // Thresholds a little under what each kind covers (measured: traces ~9%, raster ~3%,
        // isi ~5-20%, fi ~6%, heatmap ~70%, gates ~7%); axes and title alone stay below 2.5%.
        Images.assertDrawn(png(tutorial, "traces", scratch), 640, 480, 0.05);
        Images.assertDrawn(png(tutorial, "raster", scratch), 640, 480, 0.025);
        Images.assertDrawn(png(tutorial, "isi", scratch), 640, 480, 0.03);
        Images.assertDrawn(png(tutorial, "gates", scratch), 640, 480, 0.05);
        Path noisyScratch = AnalysisSweeps.scratch("kinds-noisy");
        Images.assertDrawn(png(noisy, "isi", noisyScratch), 640, 480, 0.05);
        Images.assertDrawn(png(noisy, "fi", noisyScratch), 640, 480, 0.04);
        Images.assertDrawn(png(noisy, "heatmap", noisyScratch), 640, 480, 0.4);
        Images.assertDrawn(png(noisy, "traces", noisyScratch, "--where", "stimulus_mean = 12 AND model_gK = 30"),
                640, 480, 0.05);
        Images.assertDrawn(png(noisy, "raster", noisyScratch, "--limit", "36"), 640, 480, 0.025);
    }

    @Test
    void aPlotGoesToDirPlotsByDefault() throws Exception {
        Path fi = AnalysisSweeps.fiGrid();
        AnalysisSweeps.Outcome o = plot(fi, "--kind", "fi");
        assertEquals(0, o.status(), o.err());
        Path file = fi.resolve("plots").resolve("fi.png");
        assertTrue(o.out().contains("wrote " + file + " (png, 800x600)"), o.out());
        Images.assertDrawn(file, 800, 600, 0.03);
        assertTrue(Files.list(fi.resolve("plots")).noneMatch(p -> p.getFileName().toString().endsWith(".crc")));
    }

    @Test
    void svgIsWellFormedAndSizedAsAsked() throws Exception {
        Path scratch = AnalysisSweeps.scratch("svg");
        for (String kind : new String[] {"traces", "heatmap"}) {
            Path file = scratch.resolve(kind + ".svg");
            Path sweep = kind.equals("traces") ? AnalysisSweeps.tutorial() : AnalysisSweeps.noisy();
            AnalysisSweeps.Outcome o = plot(sweep, "--kind", kind, "--out", file.toString(), "--width", "700",
                    "--height", "500");
            assertEquals(0, o.status(), o.err());
            assertTrue(o.out().contains("(svg, 700x500)"), o.out());
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            // The DOCTYPE names the W3C DTD: never fetch it.
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            Document svg = f.newDocumentBuilder().parse(file.toFile());
            assertEquals("svg", svg.getDocumentElement().getTagName());
            assertEquals("700px", svg.getDocumentElement().getAttribute("width"));
            assertEquals("500px", svg.getDocumentElement().getAttribute("height"));
            // XChart draws each label as an outline path; data as lines (traces) or rectangles (cells).
            assertTrue(svg.getElementsByTagName("path").getLength() >= 12, kind + ": too few labels");
            int marks = svg.getElementsByTagName("line").getLength() + svg.getElementsByTagName("rect").getLength();
            assertTrue(marks >= (kind.equals("traces") ? 1000 : 18), kind + ": " + marks + " lines and rectangles");
        }
    }

    @Test
    void mistakesExitWithStatusTwoAndOneLine() throws Exception {
        Path tutorial = AnalysisSweeps.tutorial();
        AnalysisSweeps.Outcome noKind = plot(tutorial);
        assertEquals(2, noKind.status());
        assertTrue(noKind.err().startsWith("error: plot needs --kind, one of traces, raster, fi, heatmap, isi, gates"), noKind.err());

        AnalysisSweeps.Outcome badKind = plot(tutorial, "--kind", "histogram");
        assertEquals(2, badKind.status());
        assertEquals("error: unknown plot kind 'histogram'; kinds: traces, raster, fi, heatmap, isi, gates, rates, sensitivity, fit\n", badKind.err());

        AnalysisSweeps.Outcome nothingSwept = plot(tutorial, "--kind", "fi");
        assertEquals(2, nothingSwept.status());
        assertTrue(nothingSwept.err().startsWith("error: the fi plot needs a swept parameter"), nothingSwept.err());
        assertEquals(1, nothingSwept.err().lines().count(), nothingSwept.err());

        AnalysisSweeps.Outcome badSql = plot(tutorial, "--kind", "traces", "--where", "no_such_column > 1");
        assertEquals(2, badSql.status());
        assertTrue(badSql.err().startsWith("query error: "), badSql.err());

        AnalysisSweeps.Outcome clash = plot(tutorial, "--kind", "traces", "--format", "svg", "--out", "x.png");
        assertEquals(2, clash.status());
        assertTrue(clash.err().contains("--format svg but --out x.png names a png file"), clash.err());

        Path empty = AnalysisSweeps.scratch("not-an-output");
        AnalysisSweeps.Outcome notOutput = plot(empty, "--kind", "traces");
        assertEquals(2, notOutput.status());
        assertTrue(notOutput.err().startsWith("error: no tables in " + empty), notOutput.err());
    }
}
