package org.hhsweep.spark.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.hhsweep.spark.cluster.SubmitScript.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's commands as a new user types them: {@code submit.sh} of this checkout in local mode,
 * from a working directory of its own, on the shipped tutorial config. The jar {@code mvn verify}
 * just built is fresh, so submit.sh must not build again.
 */
class SubmitScriptIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final Path README = SubmitScript.ROOT.resolve("README.md");
    private static final Path TUTORIAL = SubmitScript.ROOT.resolve("conf").resolve("tutorial.yaml");
    /** The sweep's last line, whatever the machine's speed: the code that ran, on SIMD lanes. */
    private static final Pattern WALL_TIME = Pattern.compile(
            "wall time: [0-9.]+ s \\([0-9.]+e[+-][0-9]+ neuron-steps/s, exp_euler_fast, SIMD\\)");

    private static Path dir;
    private static Path out;
    private static Result sweep;

    @BeforeAll
    static void runTheTutorial() throws Exception {
        BuildArtifacts build = BuildArtifacts.fromSystemProperties();
        dir = Files.createTempDirectory(Files.createDirectories(build.itDir()), "submit-script-");
        out = dir.resolve("tutorial");
        sweep = submit("sweep", TUTORIAL.toString(), "--out", out.toString());
    }

    private static Result submit(String... args) throws IOException, InterruptedException {
        Result r = SubmitScript.in(dir).run(TIMEOUT, args);
        assertEquals(0, r.status(), r::describe);
        assertFalse(r.err().contains("building hhsweep"),
                () -> "the jar of mvn verify should be fresh\n" + r.describe());
        return r;
    }

    @Test
    void theTutorialPrintsItsStatistics() {
        List<String> expected = new ArrayList<>();
        expected.add("sweep tutorial: 1 run x 10 neurons, 1.00e+05 neuron-steps");
        IntStream.range(0, 10).forEach(n -> expected.add("neuron " + n + ": 6 spikes"));
        expected.addAll(List.of("mean firing rate: 60.0 Hz", "diverged: 0", "output: " + out));
        List<String> lines = sweep.outLines();
        assertEquals(expected.size() + 1, lines.size(), sweep::describe);
        assertEquals(expected, lines.subList(0, expected.size()), sweep::describe);
        assertTrue(WALL_TIME.matcher(lines.get(expected.size())).matches(), sweep::describe);
    }

    /** What the README shows the tutorial printing is what it prints ("..." standing for neurons 1 to 8). */
    @Test
    void theReadmeShowsWhatTheTutorialPrints() throws IOException {
        List<String> shown = readmeBlockAfter("The first prints the tutorial's statistics");
        List<String> printed = sweep.outLines();
        String command = "./submit.sh sweep conf/tutorial.yaml --out /tmp/tutorial ";
        assertTrue(readmeLines().stream().anyMatch(l -> l.startsWith(command)), "the README's command for it");
        assertEquals(printed.get(0), shown.get(0));
        assertEquals(printed.get(1), shown.get(1));
        assertEquals("...", shown.get(2));
        // After "...": the last neuron, then the totals, exactly as printed but for the machine's figures.
        List<String> tail = shown.subList(3, shown.size());
        List<String> printedTail = printed.subList(printed.size() - tail.size(), printed.size());
        assertEquals(printedTail.subList(0, 3), tail.subList(0, 3), sweep::describe);
        assertEquals("output: /tmp/tutorial", tail.get(3));
        assertTrue(WALL_TIME.matcher(tail.get(4)).matches(), tail.get(4));
    }

    /** The README's query, run as it is written there, prints the value the README says. */
    @Test
    void theReadmesQueryPrintsTheMeanRate() throws Exception {
        Matcher m = Pattern.compile(
                "`\\./submit\\.sh query /tmp/tutorial \"([^\"]+)\" --format csv` prints\\s+`([^`]+)`")
                .matcher(Files.readString(README));
        assertTrue(m.find(), "the README's query example");
        Result query = submit("query", out.toString(), m.group(1), "--format", "csv");
        assertEquals(List.of("avg(rate_hz)", m.group(2)), query.outLines(), query::describe);
        assertEquals("60.0", m.group(2));
    }

    @Test
    void plotDrawsTheTutorialsFigures() throws Exception {
        for (String kind : List.of("traces", "raster", "gates")) {
            Path png = dir.resolve("tutorial-" + kind + ".png");
            Result plot = submit("plot", out.toString(), "--kind", kind, "--out", png.toString());
            assertEquals(List.of(), plot.errLines(), plot::describe);
            assertTrue(plot.out().startsWith("wrote " + png + " (png, 800x600)"), plot::describe);
            BufferedImage image = ImageIO.read(png.toFile());
            assertEquals(800, image.getWidth(), kind);
            assertEquals(600, image.getHeight(), kind);
        }
    }

    @Test
    void reportWritesAPageWithTheTutorialsFigures() throws Exception {
        Result report = submit("report", out.toString());
        assertTrue(report.out().startsWith("wrote " + out.resolve("report.html")), report::describe);
        String html = Files.readString(out.resolve("report.html"));
        for (String kind : List.of("traces", "raster", "gates")) {
            assertTrue(html.contains("<img src=\"report/" + kind + ".png\""), kind);
            assertTrue(ImageIO.read(out.resolve("report").resolve(kind + ".png").toFile()).getWidth() > 0, kind);
        }
    }

    @Test
    void validatePrintsTheTutorialsSize() throws Exception {
        Result validate = submit("validate", TUTORIAL.toString());
        List<String> lines = validate.outLines();
        assertTrue(lines.get(0).startsWith("config: " + TUTORIAL + " (valid; hash "), validate::describe);
        for (String line : List.of("sweep: tutorial, seed 42", "runs: 1 (1 grid point x 1 seed replicate)",
                "neurons: 10 (10 per run)", "neuron-steps: 100,000 (1.00e+05)")) {
            assertTrue(lines.contains(line), () -> line + " not in\n" + validate.describe());
        }
        assertFalse(Files.exists(dir.resolve("out")), "validate writes nothing");
    }

    private static List<String> readmeLines() throws IOException {
        return Files.readAllLines(README);
    }

    /** The lines of the first fenced block after the line starting with {@code lead}. */
    private static List<String> readmeBlockAfter(String lead) throws IOException {
        List<String> lines = readmeLines();
        int at = IntStream.range(0, lines.size()).filter(i -> lines.get(i).startsWith(lead)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with '" + lead + "' in the README"));
        int open = IntStream.range(at, lines.size()).filter(i -> lines.get(i).startsWith("```")).findFirst()
                .orElseThrow();
        int close = IntStream.range(open + 1, lines.size()).filter(i -> lines.get(i).startsWith("```")).findFirst()
                .orElseThrow();
        return lines.subList(open + 1, close);
    }
}
