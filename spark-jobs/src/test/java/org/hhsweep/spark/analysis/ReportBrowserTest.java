package org.hhsweep.spark.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.hhsweep.spark.TestSweeps;
import org.junit.jupiter.api.Test;

/**
 * The report command's page opened from disk in headless Chromium: it loads every figure, raises
 * no error, and shows the tutorial's statistics; figures follow the sweep's shape; text is escaped.
 */
class ReportBrowserTest {
    private static final Pattern IMAGES = Pattern.compile("<html[^>]* data-images=\"(\\d+)/(\\d+)\"");
    private static final Pattern ERRORS = Pattern.compile("<html[^>]* data-errors=\"(\\d+)\"");

    private static String report(Path sweep, int figures) {
        AnalysisSweeps.Outcome o = AnalysisSweeps.cli("report", sweep.toString());
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().endsWith("wrote " + sweep.resolve("report.html") + " with " + figures + " figures"
                + " (open it in a browser; no server needed)\n"), o.out());
        return o.out();
    }

    /** What the page's self-check wrote on its root element once loaded: {loaded, images, errors}. */
    private static int[] check(String dom) {
        Matcher images = IMAGES.matcher(dom);
        Matcher errors = ERRORS.matcher(dom);
        assertTrue(images.find(), "the page's load check did not run:\n" + dom.substring(0, Math.min(400, dom.length())));
        assertTrue(errors.find(), dom.substring(0, Math.min(400, dom.length())));
        return new int[] {Integer.parseInt(images.group(1)), Integer.parseInt(images.group(2)),
                Integer.parseInt(errors.group(1))};
    }

    private static void assertLoadsCompletely(Path page, int figures, Path scratch) throws Exception {
        int[] c = check(HeadlessChromium.dumpDom(page, scratch));
        assertEquals(figures, c[1], "images on the page");
        assertEquals(figures, c[0], "images loaded");
        assertEquals(0, c[2], "errors raised");
        Path shot = HeadlessChromium.screenshot(page, scratch.resolve("page.png"), 1000, 1600, scratch);
        // Tables and text cover some 5% of a screen; the top of the first figure is on it too,
        // drawn in the plots' first series colour, which nothing else on the page uses.
        Images.assertDrawn(shot, 1000, 1600, 0.05);
        BufferedImage image = ImageIO.read(shot.toFile());
        int plotBlue = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (near(image.getRGB(x, y), ChartStyle.PALETTE[0])) {
                    plotBlue++;
                }
            }
        }
        assertTrue(plotBlue >= 300, "only " + plotBlue + " pixels of the figures' blue on screen");
    }

    private static boolean near(int rgb, Color c) {
        Color p = new Color(rgb);
        return Math.abs(p.getRed() - c.getRed()) + Math.abs(p.getGreen() - c.getGreen())
                + Math.abs(p.getBlue() - c.getBlue()) <= 30;
    }

    private static long count(String s, String part) {
        return (s.length() - s.replace(part, "").length()) / part.length();
    }

    @Test
    void tutorialReportShowsItsStatisticsModelAndFigures() throws Exception {
        Path tutorial = AnalysisSweeps.tutorial();
        report(tutorial, 4);
        Path page = tutorial.resolve("report.html");
        String html = Files.readString(page);
        int spikes = TestSweeps.reference().at("/tutorial_random_input_100ms_dt0.01/spike_count_every_neuron").asInt();
        // Every neuron's spike count and rate, and the mean rate: 6 spikes in 0.1 s = 60 Hz.
        for (int neuron = 0; neuron < 10; neuron++) {
            assertTrue(html.contains("<tr><td>0</td><td>" + neuron + "</td><td>" + spikes + "</td><td>"
                    + String.format(java.util.Locale.ROOT, "%.1f", spikes / 0.1) + "</td>"), "neuron " + neuron);
        }
        assertTrue(html.contains("mean firing rate: 60.0 Hz"), html);
        assertTrue(html.contains("<td>wall time</td>") && html.contains("neuron-steps/s"), "manifest facts");
        assertTrue(html.contains("&quot;V_th&quot; : 20.0"), "the resolved config");
        for (String kind : List.of("traces", "raster", "isi", "gates")) {
            assertTrue(html.contains("<img src=\"report/" + kind + ".png\""), kind);
            Images.assertDrawn(tutorial.resolve("report").resolve(kind + ".png"), 900, 600, 0.02);
        }
        assertHhModel(html);
        assertFalse(html.contains("predates its model key"), "the manifest has the model");
        // Opens from disk: nothing is fetched from elsewhere.
        assertFalse(html.matches("(?s).*(src|href)=\"(https?:)?//.*"), "an external resource");
        assertLoadsCompletely(page, 4, AnalysisSweeps.scratch("browser-tutorial"));
    }

    @Test
    void sweepReportsShowFiguresForTheirShape() throws Exception {
        Path noisy = AnalysisSweeps.noisy();
        report(noisy, 6);
        String html = Files.readString(noisy.resolve("report.html"));
        for (String kind : List.of("traces", "raster", "fi", "heatmap", "isi", "gates")) {
            assertTrue(html.contains("<img src=\"report/" + kind + ".png\""), kind);
        }
        assertTrue(html.contains("Per value of stimulus.mean (µA/cm²)"), "per-value table");
        // 3 means x 2 gK x 2 seeds = 12 runs of 3 neurons; 4 runs and 12 neurons per mean.
        assertEquals(3, count(html, "<td>4</td><td>12</td><td>0</td>"), "rows of the stimulus.mean table");
        assertFalse(html.contains("Every neuron"), "36 neurons are summarised, not listed");
        assertTrue(html.contains("Swept per run: model.gK."), "the swept model number is said");
        assertLoadsCompletely(noisy.resolve("report.html"), 6, AnalysisSweeps.scratch("browser-noisy"));

        // No traces recorded: the f-I grid's report has no traces figure.
        Path fi = AnalysisSweeps.fiGrid();
        report(fi, 5);
        String fiHtml = Files.readString(fi.resolve("report.html"));
        assertFalse(fiHtml.contains("report/traces.png"));
        assertTrue(fiHtml.contains("report/heatmap.png"));
    }

    @Test
    void aMissingFigureIsCaughtByTheCheck() throws Exception {
        Path tutorial = AnalysisSweeps.tutorial();
        report(tutorial, 4);
        Path copy = AnalysisSweeps.scratch("broken-report");
        Files.copy(tutorial.resolve("report.html"), copy.resolve("report.html"));
        Files.createDirectories(copy.resolve("report"));
        Files.copy(tutorial.resolve("report").resolve("traces.png"), copy.resolve("report").resolve("traces.png"));
        Files.writeString(copy.resolve("report").resolve("raster.png"), "not a png");
        int[] c = check(HeadlessChromium.dumpDom(copy.resolve("report.html"), copy));
        assertEquals(1, c[0], "loaded");
        assertEquals(4, c[1], "images");
        assertEquals(3, c[2], "errors: an undecodable and two missing images");
    }

    /** The tutorial's hh as the Model section tables it: channels with their gates, gates with their rates. */
    private static void assertHhModel(String html) {
        assertTrue(html.contains("<h2>Model</h2>"), "the model section");
        assertTrue(html.contains("C = 1 µF/cm², spike threshold V_th = 20 mV, temperature factor phi = 1"), "membrane");
        assertTrue(html.contains("<tr><td>na</td><td>120</td><td>50</td><td>m³ h</td></tr>"), "na");
        assertTrue(html.contains("<tr><td>k</td><td>36</td><td>-77</td><td>n⁴</td></tr>"), "k");
        assertTrue(html.contains("<tr><td>leak</td><td>0.03</td><td>-54.387</td><td>none (constant conductance)</td></tr>"),
                "leak");
        assertTrue(html.contains("<tr><td>na</td><td>m</td><td>3</td><td>no</td><td>1 (the model&#39;s)</td>"
                + "<td>steady state</td><td>exp_linear: rate 1 /ms, midpoint -40 mV, scale 10 mV</td>"
                + "<td>exponential: rate 4 /ms, midpoint -65 mV, scale -18 mV</td></tr>"), "gate m");
        assertTrue(html.contains("<td>h</td><td>1</td><td>no</td><td>1 (the model&#39;s)</td><td>steady state</td>"
                + "<td>exponential: rate 0.07 /ms, midpoint -65 mV, scale -20 mV</td>"
                + "<td>sigmoid: rate 1 /ms, midpoint -35 mV, scale 10 mV</td></tr>"), "gate h");
    }

    @Test
    void anOutputFromBeforeTheModelKeyShowsTheConfigsModel() throws Exception {
        Path copy = AnalysisSweeps.scratch("report-without-model");
        Path tutorial = AnalysisSweeps.tutorial();
        try (Stream<Path> files = Files.walk(tutorial)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path to = copy.resolve(tutorial.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode manifest = (ObjectNode) json.readTree(copy.resolve("manifest.json").toFile());
        manifest.remove("model");
        json.writeValue(copy.resolve("manifest.json").toFile(), manifest);
        report(copy, 4);
        String html = Files.readString(copy.resolve("report.html"));
        assertTrue(html.contains("This output&#39;s manifest predates its model key: the model is read from the resolved"
                + " config"), html);
        assertHhModel(html);
        Images.assertDrawn(copy.resolve("report").resolve("gates.png"), 900, 600, 0.02);
    }

    @Test
    void textFromTheConfigIsEscaped() throws Exception {
        // A sweep's name can no longer hold markup (it is one safe path component); the config's
        // free text, here its output path (overridden by --out), still reaches the page.
        String text = "tag <script>window.hacked=1</script> & \"quotes\" 'too'";
        Path sweep = AnalysisSweeps.custom("escaping", String.join("\n",
                "name: escaping",
                "simulation: {duration: 20 ms, dt: 0.01 ms}",
                "neurons: 2",
                "stimulus: {type: constant, amplitude: 10 uA/cm^2}",
                "record: {spikes: true}",
                "output: '" + text.replace("'", "''") + "'",
                ""));
        report(sweep, 3);
        String html = Files.readString(sweep.resolve("report.html"));
        assertFalse(html.contains("<script>window.hacked"), "raw markup from the config");
        assertTrue(html.contains("&quot;output&quot; : &quot;tag &lt;script&gt;window.hacked=1&lt;/script&gt; &amp; "
                + "\\&quot;quotes\\&quot; &#39;too&#39;&quot;"), html);
        Path scratch = AnalysisSweeps.scratch("browser-escaping");
        String dom = HeadlessChromium.dumpDom(sweep.resolve("report.html"), scratch);
        int[] c = check(dom);
        assertEquals(3, c[0]);
        assertEquals(0, c[2]);
        assertFalse(dom.contains("<script>window.hacked"), "the name became markup");
    }
}
