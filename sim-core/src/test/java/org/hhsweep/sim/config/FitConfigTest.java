package org.hhsweep.sim.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hhsweep.sim.fit.FitParam;
import org.hhsweep.sim.fit.FitSpec;
import org.hhsweep.sim.fit.LossTerm;
import org.hhsweep.sim.fit.OptimizerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The fit section: the issue's example, defaults, the resolved config, and every broken fit at its field. */
class FitConfigTest {
    private static final String BASE = """
            name: fi-fit
            seed: 7
            simulation: {duration: 200 ms, dt: 0.025 ms}
            stimulus: {type: constant, amplitude: 3 uA/cm^2}
            """;
    /** The issue's fit section. */
    private static final String FIT = """
            fit:
              target: data/fi-target.csv
              params: {model.gNa: [80 mS/cm^2, 160 mS/cm^2], model.gK: [20 mS/cm^2, 60 mS/cm^2]}
              loss: {rate_hz: 1, first_spike_ms: 1}
              optimizer: {method: cmaes, population: 24, generations: 30}
            """;
    private static final String TARGET = """
            # made by hand: rate and first spike at three currents
            stimulus.amplitude,rate_hz,first_spike_ms
            2,0,
            5,50,12.5

            10,70,4.25
            """;

    @TempDir
    Path dir;

    private SweepConfig load(String config, String target) throws IOException {
        Path conf = dir.resolve("conf");
        Files.createDirectories(conf.resolve("data"));
        if (target != null) {
            Files.writeString(conf.resolve("data/fi-target.csv"), target);
        }
        Path file = conf.resolve("fit.yaml");
        Files.writeString(file, config);
        return ConfigLoader.load(file);
    }

    @Test
    void theIssuesExampleReadsWithTheTargetBesideTheConfig() throws IOException {
        SweepConfig c = load(BASE + FIT, TARGET);
        FitSpec fit = c.fit();
        assertEquals(List.of(new FitParam("model.gNa", 80, 160), new FitParam("model.gK", 20, 60)), fit.params());
        assertEquals(List.of(new LossTerm("rate_hz", 1), new LossTerm("first_spike_ms", 1)), fit.loss().terms());
        assertEquals(new OptimizerSettings("cmaes", 24, 30), fit.optimizer());
        assertEquals("data/fi-target.csv", fit.target().file());
        assertEquals(List.of("stimulus.amplitude"), fit.target().conditions());
        assertEquals(List.of("rate_hz", "first_spike_ms"), fit.target().statistics());
        assertArrayEquals(new double[][] {{2}, {5}, {10}}, fit.target().conditionValues());
        assertArrayEquals(new Double[][] {{0.0, null}, {50.0, 12.5}, {70.0, 4.25}}, fit.target().observedValues());
        assertEquals(7, fit.sweep().seed());
        assertEquals(1, c.spec().runCount());
        assertEquals(List.of("model.gNa", "model.gK", "stimulus.amplitude"), fit.runPaths());
    }

    @Test
    void boundsTakeAnyUnitOfTheirPathAndAnAbsoluteTargetPathIsKept() throws IOException {
        Path target = dir.resolve("elsewhere.csv");
        Files.writeString(target, TARGET);
        SweepConfig c = load(BASE + FIT.replace("data/fi-target.csv", target.toString())
                .replace("[80 mS/cm^2, 160 mS/cm^2]", "[0.08 S/cm^2, 1600 S/m^2]"), null);
        assertEquals(new FitParam("model.gNa", 80, 160), c.fit().params().get(0));
        assertEquals(target.toString(), c.fit().target().file());
    }

    @Test
    void leftOutTheLossWeighsEveryTargetStatisticOneAndTheOptimizerIsHansensDefault() throws IOException {
        String fit = "fit:\n  target: data/fi-target.csv\n  params: {model.gNa: [80 mS/cm^2, 160 mS/cm^2]}\n";
        FitSpec one = load(BASE + fit, TARGET).fit();
        assertEquals(List.of(new LossTerm("rate_hz", 1), new LossTerm("first_spike_ms", 1)), one.loss().terms());
        assertEquals(new OptimizerSettings("cmaes", 4, OptimizerSettings.DEFAULT_GENERATIONS), one.optimizer());
        String ten = "fit:\n  target: data/fi-target.csv\n  params: {model.gNa: [80 mS/cm^2, 160 mS/cm^2],"
                + " model.gK: [20 mS/cm^2, 60 mS/cm^2], model.gL: [0.1 mS/cm^2, 0.5 mS/cm^2],"
                + " model.ENa: [40 mV, 60 mV], model.EK: [-90 mV, -70 mV], model.EL: [-60 mV, -50 mV],"
                + " model.C: [0.5 uF/cm^2, 2 uF/cm^2], model.V_th: [-20 mV, 0 mV], initial.V: [-70 mV, -60 mV],"
                + " simulation.duration: [150 ms, 250 ms]}\n  optimizer: {generations: 7}\n";
        assertEquals(new OptimizerSettings("cmaes", 10, 7), load(BASE + ten, TARGET).fit().optimizer());
        // differential evolution's default is Storn and Price's 10 k
        assertEquals(new OptimizerSettings("differential_evolution", 10, OptimizerSettings.DEFAULT_GENERATIONS),
                load(BASE + fit + "  optimizer: {method: differential_evolution}\n", TARGET).fit().optimizer());
        assertEquals(new OptimizerSettings("differential_evolution", 100, 7), load(BASE + ten.replace("{generations: 7}",
                "{method: differential_evolution, generations: 7}"), TARGET).fit().optimizer());
        // weight 0: reported, not fitted
        assertEquals(List.of(new LossTerm("rate_hz", 0), new LossTerm("first_spike_ms", 2)),
                load(BASE + fit + "  loss: {rate_hz: 0, first_spike_ms: 2}\n", TARGET).fit().loss().terms());
    }

    @Test
    void aConditionColumnSuppliesAFieldTheConfigLeavesOut() throws IOException {
        String base = BASE.replace("amplitude: 3 uA/cm^2", "amplitude:");
        SweepConfig c = load(base + FIT, TARGET);
        // the base run takes the first row's value, as a swept field's first value
        assertEquals(2.0, c.spec().base().stimulus().get("amplitude"));
        assertEquals(3, c.fit().conditions());
    }

    @Test
    void theResolvedConfigHoldsTheFitAndItsDataAndTheHashFollowsThem() throws IOException {
        SweepConfig c = load(BASE + FIT, TARGET);
        JsonNode fit = c.resolved().get("fit");
        assertEquals("{\"path\":\"model.gNa\",\"low\":80.0,\"high\":160.0}", fit.get("params").get(0).toString());
        assertEquals("[[2.0,0.0,null],[5.0,50.0,12.5],[10.0,70.0,4.25]]", fit.get("target").get("rows").toString());
        assertEquals("[\"stimulus.amplitude\"]", fit.get("target").get("conditions").toString());
        assertEquals("{\"method\":\"cmaes\",\"population\":24,\"generations\":30}", fit.get("optimizer").toString());
        assertEquals("[{\"statistic\":\"rate_hz\",\"weight\":1.0},{\"statistic\":\"first_spike_ms\",\"weight\":1.0}]",
                fit.get("loss").toString());
        assertEquals("mS/cm^2", c.resolved().get("units").get("fit.params.model.gK").asText());
        assertEquals("uA/cm^2", c.resolved().get("units").get("fit.target.stimulus.amplitude").asText());

        SweepConfig plain = ConfigLoader.parse(BASE, "fi-fit.yaml");
        assertNull(plain.fit());
        assertNull(plain.resolved().get("fit"));
        assertNotEquals(plain.hash(), c.hash());
        assertEquals(c.hash(), load(BASE + FIT, TARGET).hash());
        assertNotEquals(c.hash(), load(BASE + FIT, TARGET.replace("10,70,4.25", "10,71,4.25")).hash());
        assertNotEquals(c.hash(), load(BASE + FIT.replace("generations: 30", "generations: 31"), TARGET).hash());
    }

    @Test
    void theHashWithAnotherBudgetIsThatOfTheConfigWithThatBudget() throws IOException {
        SweepConfig thirty = load(BASE + FIT, TARGET);
        SweepConfig fifty = load(BASE + FIT.replace("generations: 30", "generations: 50"), TARGET);
        assertEquals(thirty.hash(), fifty.hashWithFitGenerations(30));
        assertEquals(fifty.hash(), thirty.hashWithFitGenerations(50));
        assertEquals(thirty.hash(), thirty.hashWithFitGenerations(30));
        SweepConfig otherPopulation = load(BASE + FIT.replace("population: 24", "population: 12")
                .replace("generations: 30", "generations: 50"), TARGET);
        assertNotEquals(thirty.hash(), otherPopulation.hashWithFitGenerations(30));
        assertThrows(IllegalStateException.class, () -> ConfigLoader.parse(BASE, "fi-fit.yaml").hashWithFitGenerations(30));
    }

    private static Arguments bad(String name, String fit, String target, String field, String... fragments) {
        return Arguments.of(name, fit, target, field, List.of(fragments));
    }

    static Stream<Arguments> broken() {
        String f = "fit:\n  target: data/fi-target.csv\n  params: {model.gNa: [80 mS/cm^2, 160 mS/cm^2]}\n";
        String csv = "stimulus.amplitude,rate_hz\n";
        return Stream.of(
                // the target file
                bad("missing file", f, null, "fit.target", "'data/fi-target.csv'", "no such file", "conf/data/fi-target.csv",
                        "relative to the config's directory"),
                bad("empty file", f, "", "fit.target", "'data/fi-target.csv', an empty file", "first line names the columns"),
                bad("comments only", f, "# nothing\n\n", "fit.target", "an empty file"),
                bad("header without rows", f, csv, "fit.target", "with a header and no rows", "at least one line"),
                bad("a column that is no statistic", f, "stimulus.amplitude,rate_Hz\n1,2\n", "fit.target",
                        "line 1, column rate_Hz: 'rate_Hz', neither a statistic nor a sweepable field",
                        "did you mean 'rate_hz'?"),
                bad("a misspelt condition path", f, "stimulus.amplitud,rate_hz\n1,2\n", "fit.target",
                        "line 1, column stimulus.amplitud", "did you mean 'stimulus.amplitude'?"),
                bad("a field of another stimulus type", f, "stimulus.sigma,rate_hz\n1,2\n", "fit.target",
                        "column stimulus.sigma", "not a field of the constant stimulus", "stimulus.amplitude"),
                bad("a condition path that is not sweepable", f, "model.gna,rate_hz\n1,2\n", "fit.target",
                        "column model.gna", "not a sweepable field", "a statistic of the summaries table or a sweepable field",
                        "did you mean 'model.gNa'?"),
                bad("neurons as a condition", f, "neurons,rate_hz\n1,2\n", "fit.target", "column neurons",
                        "neither a statistic nor a sweepable field"),
                bad("no statistic column", f, "stimulus.amplitude\n1\n", "fit.target", "the header: stimulus.amplitude",
                        "at least one statistic column"),
                bad("a column twice", f, "rate_hz,stimulus.amplitude,rate_hz\n1,2,3\n", "fit.target",
                        "line 1, column 3: 'rate_hz', a second time", "each column once"),
                bad("a fitted parameter as a condition", f, "model.gNa,rate_hz\n100,2\n", "fit.target",
                        "column model.gNa: a fitted parameter", "a row cannot set what the fit searches"),
                bad("a word in a cell", f, csv + "1,abc\n", "fit.target", "'data/fi-target.csv' line 2, column rate_hz: 'abc'",
                        "a plain number in the unit of rate_hz", "or an empty cell"),
                bad("NaN in a cell", f, csv + "1,NaN\n", "fit.target", "line 2, column rate_hz: 'NaN'"),
                bad("a unit in a cell", f, csv + "5 uA/cm^2,3\n", "fit.target", "column stimulus.amplitude: '5 uA/cm^2'",
                        "a plain number in uA/cm^2, the engine unit of stimulus.amplitude"),
                bad("an empty condition cell", f, csv + "1,3\n,4\n", "fit.target", "line 3, column stimulus.amplitude: an empty cell",
                        "every row gives each condition"),
                bad("too few cells", f, csv + "1\n", "fit.target", "line 2, the line: 1 cells", "2 cells, one per column"),
                bad("too many cells", f, csv + "1,2,3\n", "fit.target", "3 cells"),
                bad("a condition twice", f, csv + "1,2\n2,3\n1.0,4\n", "fit.target", "line 4, the line: the conditions of line 2",
                        "each condition on one line"),
                bad("two rows without conditions", f, "rate_hz\n1\n2\n", "fit.target", "the conditions of line 2",
                        "no condition column"),
                bad("a condition that breaks a rule", f, "model.gK,rate_hz\n36,2\n-1,3\n", "fit.target",
                        "-1 mS/cm^2 ('data/fi-target.csv' row 2) in column model.gK", "conductance"),
                // the loss
                bad("a loss statistic the target lacks", f + "  loss: {first_spike_ms: 1}\n", csv + "1,2\n",
                        "fit.loss.first_spike_ms", "not a column of 'data/fi-target.csv'", "observes: rate_hz"),
                bad("an unknown loss statistic", f + "  loss: {rate_Hz: 1}\n", csv + "1,2\n", "fit.loss.rate_Hz",
                        "unknown key 'rate_Hz'", "did you mean 'rate_hz'?"),
                bad("a negative weight", f + "  loss: {rate_hz: -1}\n", csv + "1,2\n", "fit.loss.rate_hz", "-1",
                        "a number >= 0"),
                bad("a weight as text", f + "  loss: {rate_hz: \"1\"}\n", csv + "1,2\n", "fit.loss.rate_hz",
                        "\"1\" (a string)"),
                bad("no positive weight", f + "  loss: {rate_hz: 0}\n", csv + "1,2\n", "fit.loss", "at least one positive weight"),
                bad("an empty loss", f + "  loss: {}\n", csv + "1,2\n", "fit.loss", "a mapping of statistics"),
                bad("a loss statistic never observed", f + "  loss: {first_spike_ms: 1}\n",
                        "stimulus.amplitude,first_spike_ms\n1,\n2,\n", "fit.loss.first_spike_ms", "is empty",
                        "observed in at least one row"),
                bad("an unobserved statistic by default", f, "stimulus.amplitude,rate_hz,first_spike_ms\n1,3,\n", "fit.target",
                        "'first_spike_ms', whose column", "is empty"),
                bad("window_rate_hz without a window", f + "  loss: {window_rate_hz: 1}\n",
                        "stimulus.amplitude,window_rate_hz\n1,2\n", "fit.loss.window_rate_hz", "needs simulation.window"),
                // the parameters
                bad("no params", "fit:\n  target: data/fi-target.csv\n", csv + "1,2\n", "fit.params", "got nothing",
                        "a mapping of fitted fields to their bounds"),
                bad("empty params", "fit:\n  target: data/fi-target.csv\n  params: {}\n", csv + "1,2\n", "fit.params", "{}"),
                bad("a param that is not sweepable", f.replace("model.gNa", "model.gNaa"), csv + "1,2\n",
                        "fit.params.model.gNaa", "not a sweepable field", "did you mean 'model.gNa'?"),
                bad("reversed bounds", f.replace("[80 mS/cm^2, 160 mS/cm^2]", "[160 mS/cm^2, 80 mS/cm^2]"), csv + "1,2\n",
                        "fit.params.model.gNa[1]", "80 mS/cm^2", "an upper bound above the lower bound 160 mS/cm^2"),
                bad("equal bounds", f.replace("[80 mS/cm^2, 160 mS/cm^2]", "[80 mS/cm^2, 80 mS/cm^2]"), csv + "1,2\n",
                        "fit.params.model.gNa[1]", "an upper bound above"),
                bad("a bound of the wrong unit", f.replace("160 mS/cm^2", "160 mV"), csv + "1,2\n",
                        "fit.params.model.gNa[1]", "160 mV", "conductance"),
                bad("a bound without unit", f.replace("80 mS/cm^2", "80"), csv + "1,2\n", "fit.params.model.gNa[0]"),
                bad("one bound", f.replace("[80 mS/cm^2, 160 mS/cm^2]", "[80 mS/cm^2]"), csv + "1,2\n", "fit.params.model.gNa",
                        "[low, high]"),
                bad("a bound that breaks a rule", f.replace("model.gNa: [80 mS/cm^2, 160 mS/cm^2]",
                        "model.gK: [-10 mS/cm^2, 50 mS/cm^2]"), csv + "1,2\n", "fit.params.model.gK[0]", "-10 mS/cm^2"),
                bad("a fitted condition", f.replace("model.gNa: [80 mS/cm^2, 160 mS/cm^2]",
                        "stimulus.amplitude: [1 uA/cm^2, 5 uA/cm^2]"), csv + "1,2\n", "fit.target",
                        "column stimulus.amplitude: a fitted parameter"),
                // the optimizer
                bad("a population of one", f + "  optimizer: {population: 1}\n", csv + "1,2\n", "fit.optimizer.population",
                        "a whole number from 2 to 1000000"),
                bad("no generations", f + "  optimizer: {generations: 0}\n", csv + "1,2\n", "fit.optimizer.generations",
                        "from 1 to 1000000"),
                bad("an unknown method", f + "  optimizer: {method: cma}\n", csv + "1,2\n", "fit.optimizer.method",
                        "one of cmaes, differential_evolution", "did you mean 'cmaes'?"),
                bad("too small a population for differential evolution", f
                        + "  optimizer: {method: differential_evolution, population: 3}\n", csv + "1,2\n",
                        "fit.optimizer.population", "a whole number from 4 to 1000000"),
                bad("an unknown optimizer key", f + "  optimizer: {sigma: 0.3}\n", csv + "1,2\n", "fit.optimizer.sigma",
                        "one of method, population, generations"),
                // the section
                bad("no target", "fit:\n  params: {model.gNa: [80 mS/cm^2, 160 mS/cm^2]}\n", null, "fit.target",
                        "got nothing", "a CSV file"),
                bad("an unknown fit key", f + "  targets: x.csv\n", csv + "1,2\n", "fit.targets", "did you mean 'target'?"),
                bad("a sweep beside the fit", f + "sweep: {seeds: 3}\n", csv + "1,2\n", "sweep", "a sweep section beside fit",
                        "condition columns"),
                bad("a target path with a NUL", f.replace("data/fi-target.csv", "\"a\\0b.csv\""), null, "fit.target",
                        "a file path"),
                bad("a target that is a number", f.replace("data/fi-target.csv", "5"), null, "fit.target",
                        "the path of a CSV file"),
                bad("fit is not a mapping", "fit: data/fi-target.csv\n", null, "fit", "a mapping with keys target, params"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void aBrokenFitIsAnErrorAtItsField(String name, String fit, String target, String field, List<String> fragments)
            throws IOException {
        ConfigException e = assertThrows(ConfigException.class, () -> load(BASE + fit, target), name);
        assertEquals(field, e.field(), e.getMessage());
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "'" + fragment + "' not in: " + e.getMessage());
        }
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aFitOfANetworkIsRefused() throws IOException {
        String network = "simulation: {duration: 100 ms, dt: 0.025 ms}\nnetwork:\n  populations: {A: {size: 2}}\n";
        ConfigException e = assertThrows(ConfigException.class, () -> load(network
                + "fit:\n  target: data/fi-target.csv\n  params: {simulation.duration: [50 ms, 100 ms]}\n",
                "rate_hz\n3\n"));
        assertEquals("fit", e.field());
        assertTrue(e.getMessage().contains("not supported yet"), e.getMessage());
    }

    @Test
    void aTargetOfMalformedUtf8IsRefused() throws IOException {
        Path conf = dir.resolve("conf");
        Files.createDirectories(conf.resolve("data"));
        Files.write(conf.resolve("data/fi-target.csv"), new byte[] {'r', 'a', 't', 'e', '_', 'h', 'z', '\n', (byte) 0xFF, '\n'});
        ConfigException e = assertThrows(ConfigException.class, () -> load(BASE + FIT, null));
        assertEquals("fit.target", e.field());
        assertTrue(e.getMessage().contains("'data/fi-target.csv' (malformed UTF-8)"), e.getMessage());
    }

    @Test
    void aTargetOverTheSizeLimitIsRefusedByItsSize() throws IOException {
        String big = "stimulus.amplitude,rate_hz\n" + "1,2\n".repeat(ConfigLoader.MAX_BYTES / 4 + 1);
        ConfigException e = assertThrows(ConfigException.class, () -> load(BASE
                + "fit:\n  target: data/fi-target.csv\n  params: {model.gNa: [80 mS/cm^2, 160 mS/cm^2]}\n", big));
        assertEquals("fit.target", e.field());
        assertTrue(e.getMessage().contains("at most 1 MiB"), e.getMessage());
    }

    @Test
    void quotedCellsCrLfAndAByteOrderMarkAreRead() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String text = "\"stimulus.amplitude\", \"rate_hz\" ,first_spike_ms\r\n\"2\",0,\r\n5, 50 ,\"12.5\"\r\n";
        Path conf = dir.resolve("conf");
        Files.createDirectories(conf.resolve("data"));
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(body, 0, all, bom.length, body.length);
        Files.write(conf.resolve("data/fi-target.csv"), all);
        FitSpec fit = load(BASE + FIT, null).fit();
        assertArrayEquals(new double[][] {{2}, {5}}, fit.target().conditionValues());
        assertArrayEquals(new Double[][] {{0.0, null}, {50.0, 12.5}}, fit.target().observedValues());
    }
}
