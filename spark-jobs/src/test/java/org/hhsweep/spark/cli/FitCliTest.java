package org.hhsweep.spark.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.hhsweep.sim.NeuronSpec;
import org.hhsweep.sim.Simulator;
import org.hhsweep.sim.config.ConfigLoader;
import org.hhsweep.sim.config.SweepConfig;
import org.hhsweep.sim.fit.Candidate;
import org.hhsweep.sim.fit.FitSpec;
import org.hhsweep.sim.fit.Optimizer;
import org.hhsweep.sim.stats.NeuronStatistics;
import org.hhsweep.sim.sweep.RunSpec;
import org.hhsweep.spark.SparkTestSession;
import org.hhsweep.spark.io.OutputDirectory;
import org.hhsweep.spark.job.ExecutionSettings;
import org.hhsweep.spark.job.FitJob;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A fit end to end through the sweep command on Spark (local[2]): a target made by simulating
 * known parameters with the engine directly is fitted back to them; the Spark fit gives exactly
 * what the fit loop run in this JVM without Spark gives; its tables, manifest and last line; a fit
 * stopped after a generation and resumed; a larger budget; differential evolution, resumed; query, plot, report and --overwrite of a
 * fit's output; bad target files.
 */
class FitCliTest {
    private static final double[] TRUE_VALUES = {120, 36};
    private static final double[] AMPLITUDES = {4, 6, 9, 14, 20};
    private static final int POPULATION = 8;
    private static final int GENERATIONS = 40;
    private static final String CONFIG = """
            name: fit-test
            seed: 3
            simulation: {duration: 300 ms, dt: 0.025 ms}
            stimulus: {type: constant}
            fit:
              target: target.csv
              params: {model.gNa: [80 mS/cm^2, 160 mS/cm^2], model.gK: [20 mS/cm^2, 60 mS/cm^2]}
              loss: {rate_hz: 1, first_spike_ms: 1, mean_isi_ms: 1}
              optimizer: {population: 8, generations: GENERATIONS}
            """;
    private static final Pattern BEST = Pattern.compile(
            "best: generation (\\d+), candidate (\\d+): model\\.gNa = (\\S+) mS/cm\\^2, model\\.gK = (\\S+) mS/cm\\^2; loss (\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    static Path full;
    static CliTest.Outcome fullRun;

    private static CliTest.Outcome cli(String... args) {
        return CliTest.run(ConfigLoader::load, args);
    }

    /** The fit's config with a budget, beside the target. */
    private static Path config(int generations) throws IOException {
        return Files.writeString(tmp.resolve("fit-" + generations + ".yaml"),
                CONFIG.replace("GENERATIONS", Integer.toString(generations)));
    }

    private static JsonNode manifest(Path out) throws IOException {
        return JSON.readTree(out.resolve("manifest.json").toFile());
    }

    private static List<Row> rows(Path out, String table, String order) {
        return SparkTestSession.get().read().parquet(out.resolve(table).toString()).orderBy(Arrays.stream(order.split(",")).map(org.apache.spark.sql.functions::col)
                .toArray(org.apache.spark.sql.Column[]::new))
                .collectAsList();
    }

    private static String lastLine(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        return lines.get(lines.size() - 1);
    }

    /** The statistics of each run's one neuron, simulated by the engine in one block. */
    private static List<NeuronStatistics> simulate(List<RunSpec> runs) {
        NeuronSpec[] neurons = runs.stream().map(r -> r.neuron(0)).toArray(NeuronSpec[]::new);
        return Arrays.asList(Simulator.simulate(runs.get(0).template().settings(), neurons).statistics());
    }

    /** The target: what the true parameters give at each amplitude, simulated by the engine. */
    private static String syntheticTarget() throws IOException {
        StringBuilder placeholder = new StringBuilder("stimulus.amplitude,rate_hz,first_spike_ms,mean_isi_ms\n");
        for (double a : AMPLITUDES) {
            placeholder.append(a).append(",1,1,1\n");
        }
        Files.writeString(tmp.resolve("target.csv"), placeholder);
        FitSpec fit = ConfigLoader.load(config(1)).fit();
        List<NeuronStatistics> stats = simulate(fit.runs(List.of(new Candidate(0, 0, new double[] {0.5, 0.5},
                TRUE_VALUES))));
        StringBuilder csv = new StringBuilder("# made by FitCliTest at gNa 120, gK 36 mS/cm^2\n"
                + "stimulus.amplitude,rate_hz,first_spike_ms,mean_isi_ms\n");
        for (int r = 0; r < AMPLITUDES.length; r++) {
            NeuronStatistics s = stats.get(r);
            csv.append(AMPLITUDES[r]).append(',').append(cell(s.rateHz())).append(',').append(cell(s.firstSpikeMs()))
                    .append(',').append(cell(s.meanIsiMs())).append('\n');
        }
        return csv.toString();
    }

    private static String cell(Double v) {
        return v == null ? "" : Double.toString(v);
    }

    @BeforeAll
    static void fitTheSyntheticTarget() throws IOException {
        Files.writeString(tmp.resolve("target.csv"), syntheticTarget());
        full = tmp.resolve("full");
        fullRun = cli("sweep", config(GENERATIONS).toString(), "--out", full.toString());
        assertEquals(0, fullRun.status(), fullRun.err() + fullRun.out());
    }

    /** The fit loop as the engine's API describes it, run in this JVM without Spark: the reference. */
    private static Optimizer referenceFit() throws IOException {
        return referenceFit(ConfigLoader.load(config(GENERATIONS)).fit());
    }

    private static Optimizer referenceFit(FitSpec fit) {
        Optimizer o = fit.start();
        while (!o.finished()) {
            List<Candidate> candidates = fit.candidates(o);
            List<NeuronStatistics> stats = simulate(fit.runs(candidates));
            double[] losses = new double[candidates.size()];
            for (int c = 0; c < candidates.size(); c++) {
                Double[][] predicted = new Double[AMPLITUDES.length][];
                for (int r = 0; r < AMPLITUDES.length; r++) {
                    predicted[r] = fit.loss().predict(List.of(stats.get(c * AMPLITUDES.length + r)));
                }
                losses[c] = fit.loss().evaluate(predicted).loss();
            }
            o.tell(losses);
        }
        return o;
    }

    @Test
    void theFitRecoversTheTrueParametersAsTheFitLoopWithoutSparkDoes() throws IOException {
        Matcher m = BEST.matcher(lastLine(fullRun.out()));
        assertTrue(m.matches(), "last line: " + lastLine(fullRun.out()));
        assertEquals(TRUE_VALUES[0], Double.parseDouble(m.group(3)), 0.4, fullRun.out());
        assertEquals(TRUE_VALUES[1], Double.parseDouble(m.group(4)), 0.2, fullRun.out());
        assertTrue(Double.parseDouble(m.group(5)) < 1e-4, fullRun.out());

        Optimizer reference = referenceFit();
        FitSpec fit = ConfigLoader.load(config(GENERATIONS)).fit();
        double[] values = fit.values(reference.best().point());
        JsonNode best = manifest(full).at("/fit/best");
        assertEquals(reference.best().generation(), best.get("generation").asInt());
        assertEquals(reference.best().candidate(), best.get("candidate").asInt());
        assertEquals(Integer.toString(reference.best().generation()), m.group(1));
        assertEquals(Integer.toString(reference.best().candidate()), m.group(2));
        assertEquals(values[0], best.at("/values/model.gNa/value").asDouble(), 0.0);
        assertEquals(values[1], best.at("/values/model.gK/value").asDouble(), 0.0);
        assertEquals("mS/cm^2", best.at("/values/model.gK/unit").asText());
        assertEquals(reference.best().loss(), best.get("loss").asDouble(), 0.0);
        assertEquals(List.of("rate_hz", "first_spike_ms", "mean_isi_ms"), fieldNames(best.get("errors")));

        JsonNode m2 = manifest(full);
        assertEquals("complete", m2.get("status").asText());
        assertEquals(reference.generation(), m2.at("/fit/generations_done").asInt());
        assertEquals(reference.state(), m2.at("/fit/state").toString());
        long progressLines = fullRun.err().lines().filter(l -> l.startsWith("fit generation ")).count();
        assertEquals(reference.generation(), progressLines, fullRun.err());
        assertTrue(fullRun.err().contains("fit generation 1/" + GENERATIONS + ": best loss "), fullRun.err());
        assertTrue(fullRun.out().contains("output: " + full + "\n"), fullRun.out());
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> out = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void theFitTablesHoldEveryEvaluationAndTheBestIsTheirLowestLoss() throws IOException {
        JsonNode m = manifest(full);
        int generations = m.at("/fit/generations_done").asInt();
        List<Row> fit = rows(full, "fit", "generation,candidate");
        assertEquals(generations * POPULATION, fit.size());
        assertEquals(List.of("generation", "candidate", "model_gNa", "model_gK", "loss", "rate_hz_error", "rate_hz_missed",
                        "first_spike_ms_error", "first_spike_ms_missed", "mean_isi_ms_error", "mean_isi_ms_missed",
                        "best_so_far"),
                Arrays.asList(fit.get(0).schema().fieldNames()));
        double lowest = fit.stream().mapToDouble(r -> r.getDouble(4)).min().orElseThrow();
        assertEquals(m.at("/fit/best/loss").asDouble(), lowest, 0.0);
        Row best = fit.get(m.at("/fit/best/generation").asInt() * POPULATION + m.at("/fit/best/candidate").asInt());
        assertEquals(m.at("/fit/best/values/model.gNa/value").asDouble(), best.getDouble(2), 0.0);
        assertEquals(lowest, fit.get(fit.size() - 1).getDouble(11), 0.0);
        for (Row r : fit) {
            assertTrue(r.getDouble(2) >= 80 && r.getDouble(2) <= 160 && r.getDouble(3) >= 20 && r.getDouble(3) <= 60,
                    "within the bounds: " + r);
        }
        List<Row> predictions = rows(full, "fit_predictions", "generation,candidate,target_row");
        assertEquals(generations * POPULATION * AMPLITUDES.length, predictions.size());
        assertEquals(List.of("generation", "candidate", "target_row", "run_id", "stimulus_amplitude", "rate_hz", "rate_hz_target",
                "first_spike_ms", "first_spike_ms_target", "mean_isi_ms", "mean_isi_ms_target"),
                Arrays.asList(predictions.get(0).schema().fieldNames()));
        Row last = predictions.get(predictions.size() - 1);
        assertEquals(((long) (generations - 1) * POPULATION + POPULATION - 1) * AMPLITUDES.length + 4, last.getLong(3));
        assertEquals(20.0, last.getDouble(4), 0.0);
        try (Stream<Path> files = Files.list(full.resolve("fit"))) {
            assertEquals(generations, files.count(), "one file per generation");
        }
    }

    @Test
    void queryPlotAndReportReadAFitsOutput() throws IOException {
        CliTest.Outcome q = cli("query", full.toString(), "SELECT count(*) AS n FROM fit_predictions WHERE target_row = 0",
                "--format", "csv");
        assertEquals(0, q.status(), q.err());
        assertEquals("n\n" + manifest(full).at("/fit/generations_done").asInt() * POPULATION + "\n", q.out());

        Path png = tmp.resolve("fit.png");
        CliTest.Outcome p = cli("plot", full.toString(), "--kind", "fit", "--out", png.toString());
        assertEquals(0, p.status(), p.err());
        assertTrue(Files.size(png) > 10_000, "a drawn figure");
        assertTrue(p.out().contains("the target against the best's predictions of rate_hz, first_spike_ms, mean_isi_ms"
                + " along stimulus.amplitude"), p.out());
        CliTest.Outcome where = cli("plot", full.toString(), "--kind", "fit", "--where", "generation = 0", "--out",
                tmp.resolve("where.png").toString());
        assertEquals(2, where.status(), where.err());

        CliTest.Outcome r = cli("report", full.toString());
        assertEquals(0, r.status(), r.err());
        String html = Files.readString(full.resolve("report.html"));
        assertTrue(html.contains("Best candidate: generation " + manifest(full).at("/fit/best/generation").asInt()), html);
        assertTrue(html.contains("report/fit.png"), html);
        assertTrue(html.contains(manifest(full).at("/fit/generations_done").asInt() + " of " + GENERATIONS
                + " generations (stopped: "), html);
    }

    @Test
    void aFitStoppedAfterAGenerationResumesToTheTablesAndBestOfAnUninterruptedFit() throws Exception {
        Path out = tmp.resolve("stopped");
        SweepConfig config = ConfigLoader.load(config(GENERATIONS));
        FitJob.Options stopAt4 = FitJob.Options.of(false, false, ExecutionSettings.DEFAULTS, null)
                .afterEachGeneration(g -> {
                    if (g == 4) {
                        throw new IllegalStateException("stopped by the test after generation 4");
                    }
                });
        assertThrows(IllegalStateException.class, () -> FitJob.run(SparkTestSession.get(), config,
                OutputDirectory.resolve(out.toString()), stopAt4));
        assertEquals(5, manifest(out).at("/fit/generations_done").asInt());
        // What a crash after generation 5's files were committed, before the manifest counted it, leaves.
        for (String table : List.of("fit", "fit_predictions")) {
            Files.copy(full.resolve(table).resolve("part-000005.parquet"), out.resolve(table).resolve("part-000005.parquet"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(out.resolve(table).resolve(".part-000006.parquet.0a1b.tmp"), "half a file");
        }

        CliTest.Outcome resumed = cli("sweep", config(GENERATIONS).toString(), "--out", out.toString(), "--resume");
        assertEquals(0, resumed.status(), resumed.err());
        assertTrue(resumed.out().contains("resumed: 5 generations were recorded before; ran the other "), resumed.out());
        assertEquals(lastLine(fullRun.out()), lastLine(resumed.out()));
        assertEquals(rows(full, "fit", "generation,candidate"), rows(out, "fit", "generation,candidate"));
        assertEquals(rows(full, "fit_predictions", "generation,candidate,target_row"),
                rows(out, "fit_predictions", "generation,candidate,target_row"));
        assertEquals(manifest(full).at("/fit/best"), manifest(out).at("/fit/best"));
        assertEquals(manifest(full).at("/fit/state"), manifest(out).at("/fit/state"));
        try (Stream<Path> files = Files.walk(out)) {
            assertEquals(List.of(), files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList());
        }
    }

    @Test
    void differentialEvolutionOnSparkResumedWithALargerBudgetIsTheFitLoopWithoutSpark() throws IOException {
        Path out = tmp.resolve("de");
        Path three = Files.writeString(tmp.resolve("de-3.yaml"), Files.readString(config(3))
                .replace("{population: 8,", "{method: differential_evolution, population: 8,"));
        Path six = Files.writeString(tmp.resolve("de-6.yaml"), Files.readString(three).replace("generations: 3",
                "generations: 6"));
        assertEquals(0, cli("sweep", three.toString(), "--out", out.toString()).status());
        CliTest.Outcome more = cli("sweep", six.toString(), "--out", out.toString(), "--resume");
        assertEquals(0, more.status(), more.err());

        FitSpec fit = ConfigLoader.load(six).fit();
        Optimizer reference = referenceFit(fit);
        JsonNode m = manifest(out);
        assertEquals("differential_evolution", m.at("/fit/method").asText());
        assertEquals(6, m.at("/fit/generations_done").asInt());
        assertEquals(reference.state(), m.at("/fit/state").toString());
        assertEquals(reference.best().generation(), m.at("/fit/best/generation").asInt());
        assertEquals(reference.best().candidate(), m.at("/fit/best/candidate").asInt());
        assertEquals(reference.best().loss(), m.at("/fit/best/loss").asDouble(), 0.0);
        assertEquals(6 * POPULATION, rows(out, "fit", "generation,candidate").size());
    }

    @Test
    void aFinishedFitGoesOnWithALargerBudgetAndRefusesASmallerOne() throws IOException {
        Path out = tmp.resolve("budget");
        assertEquals(0, cli("sweep", config(3).toString(), "--out", out.toString()).status());
        CliTest.Outcome more = cli("sweep", config(6).toString(), "--out", out.toString(), "--resume");
        assertEquals(0, more.status(), more.err());
        assertEquals(6, manifest(out).at("/fit/generations_done").asInt());
        List<Row> first6 = rows(full, "fit", "generation,candidate").subList(0, 6 * POPULATION);
        assertEquals(first6, rows(out, "fit", "generation,candidate"));

        CliTest.Outcome fewer = cli("sweep", config(2).toString(), "--out", out.toString(), "--resume");
        assertEquals(2, fewer.status(), fewer.err());
        assertEquals(1, fewer.errLines().size(), fewer.err());
        assertTrue(fewer.err().contains("it has done 6 generations, more than fit.optimizer.generations 2"), fewer.err());
    }

    @Test
    void overwriteReplacesAFitsOutputAndKeepsTheUsersFiles() throws IOException {
        Path out = tmp.resolve("overwritten");
        assertEquals(0, cli("sweep", config(2).toString(), "--out", out.toString()).status());
        Files.writeString(out.resolve("notes.txt"), "mine");
        CliTest.Outcome refused = cli("sweep", config(2).toString(), "--out", out.toString());
        assertEquals(2, refused.status());
        assertTrue(refused.err().contains("exists and is not empty"), refused.err());

        CliTest.Outcome again = cli("sweep", config(1).toString(), "--out", out.toString(), "--overwrite");
        assertEquals(0, again.status(), again.err());
        try (Stream<Path> files = Files.list(out.resolve("fit"))) {
            assertEquals(List.of("part-000000.parquet"), files.map(f -> f.getFileName().toString()).toList());
        }
        // A sweep's --overwrite removes the fit's tables, as hhsweep's own, and nothing else.
        Path sweep = Files.writeString(tmp.resolve("plain.yaml"), "name: plain\nsimulation: {duration: 10 ms}\n");
        CliTest.Outcome replaced = cli("sweep", sweep.toString(), "--out", out.toString(), "--overwrite");
        assertEquals(0, replaced.status(), replaced.err());
        assertFalse(Files.exists(out.resolve("fit")));
        assertFalse(Files.exists(out.resolve("fit_predictions")));
        assertTrue(Files.exists(out.resolve("runs")));
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
        assertEquals(List.of("runs", "summaries", "spikes"), fieldNames(manifest(out).get("tables")));
    }

    @Test
    void validateSaysWhatTheFitWillRun() throws IOException {
        CliTest.Outcome o = cli("validate", config(GENERATIONS).toString());
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("\nfit: model.gNa, model.gK over 5 target rows; cmaes, population 8, up to 40"
                + " generations: 40 runs per generation, at most 1,600 (the runs above are the base run's)\n"), o.out());
    }

    @Test
    void theFitPlotOfASweepIsOneLine() throws IOException {
        Path out = tmp.resolve("plain-sweep");
        Path sweep = Files.writeString(tmp.resolve("plain2.yaml"), "name: plain2\nsimulation: {duration: 10 ms}\n");
        assertEquals(0, cli("sweep", sweep.toString(), "--out", out.toString()).status());
        CliTest.Outcome o = cli("plot", out.toString(), "--kind", "fit");
        assertEquals(2, o.status(), o.err());
        assertEquals(List.of("error: the fit plot needs the fit and fit_predictions tables, which " + out
                + " does not have (a sweep of a config with fit: writes them)"), o.errLines());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "an empty file||fit.target|'bad.csv', an empty file",
            "a column that is not a statistic|stimulus.amplitude,rate_Hz\\n1,2|fit.target|column rate_Hz",
            "a condition path that is not sweepable|model.gna,rate_hz\\n1,2|fit.target|column model.gna",
            "a loss statistic the target lacks|stimulus.amplitude,rate_hz\\n1,2|fit.loss.first_spike_ms|not a column of 'bad.csv'"})
    void aBadTargetIsOneLineNamingIt(String name, String csv, String field, String fragment) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("bad-" + name.replace(' ', '-')));
        Files.writeString(dir.resolve("bad.csv"), csv == null ? "" : csv.replace("\\n", "\n") + "\n");
        Path config = Files.writeString(dir.resolve("fit.yaml"), CONFIG.replace("GENERATIONS", "2")
                .replace("target.csv", "bad.csv").replace("rate_hz: 1, first_spike_ms: 1, mean_isi_ms: 1",
                        name.startsWith("a loss") ? "first_spike_ms: 1" : "rate_hz: 1"));
        Path out = dir.resolve("out");
        for (String command : List.of("sweep", "validate")) {
            CliTest.Outcome o = command.equals("sweep") ? cli("sweep", config.toString(), "--out", out.toString())
                    : cli("validate", config.toString());
            assertEquals(2, o.status(), command + ": " + o.err());
            assertEquals(1, o.errLines().size(), o.err());
            assertTrue(o.err().startsWith("config error: " + field + ": "), o.err());
            assertTrue(o.err().contains(fragment), o.err());
            assertEquals("", o.out());
        }
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void theManifestListsTheFitsTablesAndItsSettings() throws IOException {
        JsonNode m = manifest(full);
        assertEquals(List.of("fit", "fit_predictions"), fieldNames(m.get("tables")));
        assertEquals(POPULATION, m.at("/fit/population").asInt());
        assertEquals(GENERATIONS, m.at("/fit/generations").asInt());
        assertEquals(AMPLITUDES.length, m.at("/fit/rows").asInt());
        assertEquals(List.of("model.gNa", "model.gK", "stimulus.amplitude"),
                JSON.convertValue(m.at("/sweep/swept"), List.class));
        assertArrayEquals(new String[] {"mS/cm^2", "1"}, new String[] {
                unit(m, "fit", "model_gK"), unit(m, "fit", "rate_hz_error")});
        assertEquals("Hz", unit(m, "fit_predictions", "rate_hz"));
        assertEquals("uA/cm^2", unit(m, "fit_predictions", "stimulus_amplitude"));
    }

    private static String unit(JsonNode m, String table, String column) {
        for (JsonNode c : m.at("/tables/" + table + "/columns")) {
            if (c.get("name").asText().equals(column)) {
                return c.get("unit").asText();
            }
        }
        throw new AssertionError("no column " + table + "." + column);
    }
}
