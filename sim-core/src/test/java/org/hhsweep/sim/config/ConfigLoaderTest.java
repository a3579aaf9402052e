package org.hhsweep.sim.config;

import org.hhsweep.sim.TutorialModel;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.hhsweep.sim.NeuronSpec;
import org.hhsweep.sim.integrate.Method;
import org.hhsweep.sim.config.ModelLibrary;
import org.hhsweep.sim.model.NeuronModel;
import org.hhsweep.sim.record.TraceQuantization;
import org.hhsweep.sim.record.TraceVariable;
import org.hhsweep.sim.stimulus.StimulusSpec;
import org.hhsweep.sim.sweep.RunSpec;
import org.hhsweep.sim.sweep.RunTemplate;
import org.hhsweep.sim.sweep.SweepSpec;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
    private static final Path CONF = Path.of("..", "conf");

    private static SweepConfig yaml(String text) {
        return ConfigLoader.parse(text, "test.yaml");
    }

    @Test
    void tutorialIsOneRunOfTenNeuronsInEngineUnits() {
        SweepConfig c = ConfigLoader.load(CONF.resolve("tutorial.yaml"));
        SweepSpec s = c.spec();
        assertEquals("tutorial", s.name());
        assertEquals(42L, s.seed());
        assertEquals(1L, s.runCount());
        assertEquals(10L, s.neuronCount());
        assertEquals("out/tutorial", c.output());
        RunTemplate t = s.base();
        assertEquals(0.01, t.dt(), 0.0);
        assertEquals(100.0, t.durationMs(), 0.0);
        assertEquals(Method.EXP_EULER_FAST, t.method());
        assertTrue(Double.isNaN(t.windowStartMs()) && Double.isNaN(t.windowEndMs()));
        assertEquals(TutorialModel.of(50.0, 120.0, -77.0, 36.0, -54.387, 0.03, 1.0, 20.0), t.model());
        assertEquals(-65.0, t.v0(), 0.0);
        assertEquals(new StimulusSpec.Uniform(1.0, 10.0, true), t.stimulus());
        assertEquals(10, t.neurons());
        assertEquals(10, t.tracedNeurons());
        assertEquals(List.of(TraceVariable.V), t.traceVariables());
        assertEquals(0.01, t.traceEveryMs(), 0.0);
        assertEquals(1, t.traceEverySteps());
        assertTrue(t.keepSpikeTimes());

        RunSpec run = s.run(0);
        assertEquals(0, run.replicate());
        NeuronSpec[] neurons = run.neurons();
        assertEquals(10, neurons.length);
        for (int i = 0; i < 10; i++) {
            assertTrue(neurons[i].traced());
            assertEquals(i, neurons[i].neuronIndex());
            assertEquals(new StimulusSpec.Uniform(1.0, 10.0, true), neurons[i].stimulus());
        }
    }

    @Test
    void tutorialJsonIsTheTutorialYaml() {
        SweepConfig y = ConfigLoader.load(CONF.resolve("tutorial.yaml"));
        SweepConfig j = ConfigLoader.load(CONF.resolve("tutorial.json"));
        assertEquals(y.resolved(), j.resolved());
        assertEquals(y.hash(), j.hash());
        assertEquals(y.spec().base(), j.spec().base());
    }

    @Test
    void fiCurveIs41CurrentsTimesTwoConductances() {
        SweepConfig c = ConfigLoader.load(CONF.resolve("fi-curve.yaml"));
        SweepSpec s = c.spec();
        assertEquals(82L, s.runCount());
        assertEquals(List.of("stimulus.amplitude", "model.gK"), s.sweptPaths());
        double[] amplitudes = s.grid().get(0).values();
        assertEquals(41, amplitudes.length);
        for (int i = 0; i <= 40; i++) {
            assertEquals(i / 2.0, amplitudes[i], 1e-12);
        }
        assertEquals(20.0, amplitudes[40], 0.0);
        assertArrayEquals(new double[] {30.0, 36.0}, s.grid().get(1).values(), 0.0);
        assertEquals(500.0, s.base().windowStartMs(), 0.0);
        assertEquals(1000.0, s.base().windowEndMs(), 0.0);
        assertEquals(1000.0, s.base().durationMs(), 0.0);
        assertEquals(0, s.base().tracedNeurons());
        // first axis slowest: run 2i+j has amplitude i/2 and gK [30, 36][j]
        for (int i = 0; i <= 40; i++) {
            for (int j = 0; j < 2; j++) {
                RunTemplate t = s.run(2L * i + j).template();
                assertEquals(i / 2.0, t.stimulus().get("amplitude"), 1e-12);
                assertEquals(j == 0 ? 30.0 : 36.0, t.model().get("gK"), 0.0);
            }
        }
    }

    @Test
    void otherConfigsHaveTheirSizes() {
        SweepSpec grid = ConfigLoader.load(CONF.resolve("grid-2d.yaml")).spec();
        assertEquals(9 * 7, grid.runCount());
        assertArrayEquals(new double[] {80, 90, 100, 110, 120, 130, 140, 150, 160}, grid.grid().get(0).values(), 1e-12);
        assertArrayEquals(new double[] {20, 25, 30, 35, 40, 45, 50}, grid.grid().get(1).values(), 1e-12);
        assertEquals(new StimulusSpec.Constant(10.0), grid.base().stimulus());
        assertEquals(500.0, grid.base().durationMs(), 0.0);

        SweepSpec seeds = ConfigLoader.load(CONF.resolve("tutorial-seeds.yaml")).spec();
        assertEquals(100L, seeds.runCount());
        assertEquals(1000L, seeds.neuronCount());
        Set<Long> distinct = new HashSet<>();
        for (long r = 0; r < 100; r++) {
            distinct.add(seeds.run(r).seed());
        }
        assertEquals(100, distinct.size());
        assertEquals(10, seeds.base().traceEverySteps());

        SweepSpec large = ConfigLoader.load(CONF.resolve("large.yaml")).spec();
        assertEquals(20_000L, large.neuronCount());
        assertEquals(0, large.base().tracedNeurons());
        double[] currents = large.grid().get(0).values();
        assertEquals(0.001, currents[0], 0.0);
        assertEquals(20.0, currents[currents.length - 1], 0.0);
        for (int i = 0; i < currents.length; i++) {
            assertEquals((i + 1) / 1000.0, currents[i], 0.0);
        }
        assertEquals(1000.0, large.base().durationMs(), 0.0);
    }

    @Test
    void everyConfigInConfLoads() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(CONF)) {
            files = s.filter(p -> p.toString().matches(".*\\.(yaml|yml|json)$")).sorted().toList();
        }
        assertTrue(files.size() >= 6, "configs in " + CONF.toAbsolutePath() + ": " + files);
        for (Path f : files) {
            SweepConfig c = ConfigLoader.load(f);
            assertTrue(c.spec().runCount() >= 1, f.toString());
            assertTrue(c.hash().matches("[0-9a-f]{64}"), f + ": " + c.hash());
            assertEquals(c.spec().name(), c.resolved().get("name").asText());
            assertTrue(c.output() != null && c.output().startsWith("out/"), f + " writes to " + c.output());
        }
    }

    @Test
    void defaultsFillWhatIsLeftOut() {
        SweepConfig c = ConfigLoader.parse("simulation: {duration: 50 ms}\n", "conf/minimal.yml");
        SweepSpec s = c.spec();
        assertEquals("minimal", s.name());
        assertEquals(0L, s.seed());
        assertEquals(1L, s.runCount());
        RunTemplate t = s.base();
        assertEquals(0.01, t.dt(), 0.0);
        assertEquals(50.0, t.durationMs(), 0.0);
        assertEquals(Method.EXP_EULER_FAST, t.method());
        assertEquals(ModelLibrary.hh(), t.model());
        assertEquals(-65.0, t.v0(), 0.0);
        assertEquals(1, t.neurons());
        assertEquals(new StimulusSpec.Constant(0.0), t.stimulus());
        assertEquals(0, t.tracedNeurons());
        assertTrue(t.keepSpikeTimes());
        assertNull(c.output());
        assertTrue(c.execution().isMissingNode());
        assertFalse(c.resolved().has("execution"));
        assertTrue(c.resolved().get("output").isNull());
    }

    @Test
    void modelParametersKeepTheirDefaultsUnlessGiven() {
        RunTemplate t = yaml("""
                simulation: {duration: 10 ms, method: rk4}
                model: {gK: 0.03 S/cm^2, C: 0.02 F/m^2, V_th: 0 mV}
                initial: {V: -0.07 V}
                """).spec().base();
        assertEquals(ModelLibrary.hh().with("gK", 30.0).with("C", 2.0).with("V_th", 0.0), t.model());
        assertEquals(-70.0, t.v0(), 1e-12);
        assertEquals(Method.RK4, t.method());
    }

    @Test
    void everyStimulusTypeReadsItsFields() {
        String sim = "simulation: {duration: 100 ms}\n";
        assertEquals(new StimulusSpec.Pulse(10.0, 2.0, 5.0, 0.0), yaml(sim
                + "stimulus: {type: pulse, onset: 10 ms, duration: 2 ms, amplitude: 5 uA/cm^2}").spec().base().stimulus());
        assertEquals(new StimulusSpec.Pulse(10.0, 2.0, 5.0, 20.0), yaml(sim
                + "stimulus: {type: pulse, onset: 10 ms, duration: 2 ms, amplitude: 5 uA/cm^2, period: 20 ms}")
                .spec().base().stimulus());
        assertEquals(new StimulusSpec.Ramp(0.0, 50.0, 0.0, 0.015), yaml(sim
                + "stimulus: {type: ramp, onset: 0 ms, duration: 0.05 s, from: 0 uA/cm^2, to: 15 nA/cm^2}")
                .spec().base().stimulus());
        assertEquals(new StimulusSpec.Uniform(1.0, 10.0, true), yaml(sim
                + "stimulus: {type: uniform, low: 1 uA/cm^2, high: 10 uA/cm^2}").spec().base().stimulus());
        assertEquals(new StimulusSpec.Uniform(1.0, 10.0, false), yaml(sim
                + "stimulus: {type: uniform, low: 1 uA/cm^2, high: 10 uA/cm^2, shared: false}").spec().base().stimulus());
        assertEquals(new StimulusSpec.Gaussian(5.0, 2.0, false), yaml(sim
                + "stimulus: {type: gaussian, mean: 5 uA/cm^2, sigma: 2 uA/cm^2}").spec().base().stimulus());
        assertEquals(new StimulusSpec.OrnsteinUhlenbeck(5.0, 2.0, 3.0, true), yaml(sim
                + "stimulus: {type: ou, mean: 5 uA/cm^2, sigma: 2 uA/cm^2, tau: 3 ms, shared: true}")
                .spec().base().stimulus());
    }

    @Test
    void rangesIncludeTheirEndOnlyWhenItLiesOnTheGrid() {
        double[] tenths = axis("{from: 0 uA/cm^2, to: 1 uA/cm^2, step: 0.1 uA/cm^2}");
        assertEquals(11, tenths.length);
        for (int i = 0; i <= 10; i++) {
            assertEquals(i / 10.0, tenths[i], 1e-15);
        }
        assertEquals(1.0, tenths[10], 0.0);
        double[] offGrid = axis("{from: 0 uA/cm^2, to: 1.05 uA/cm^2, step: 0.1 uA/cm^2}");
        assertEquals(11, offGrid.length);
        assertEquals(1.0, offGrid[10], 1e-15);
        assertArrayEquals(new double[] {10, 7.5, 5, 2.5, 0}, axis("{from: 10 uA/cm^2, to: 0 uA/cm^2, step: -2.5 uA/cm^2}"), 0.0);
        double[] thirds = axis("{from: 0.1 uA/cm^2, to: 0.3 uA/cm^2, step: 0.1 uA/cm^2}");
        assertArrayEquals(new double[] {0.1, 0.2, 0.3}, thirds, 0.0);
        assertArrayEquals(new double[] {4.0}, axis("{from: 4 uA/cm^2, to: 4 uA/cm^2, step: 1 uA/cm^2}"), 0.0);
        assertArrayEquals(new double[] {7.0}, axis("7 uA/cm^2"), 0.0);
        assertArrayEquals(new double[] {1.0, 0.5, 2.0}, axis("[1 uA/cm^2, 500 nA/cm^2, 0.002 mA/cm^2]"), 0.0);
        // 10,000 steps of 0.001: every value is the double nearest i/1000, none accumulated rounding
        double[] fine = axis("{from: 0.001 uA/cm^2, to: 10 uA/cm^2, step: 0.001 uA/cm^2}");
        assertEquals(10_000, fine.length);
        for (int i = 0; i < fine.length; i++) {
            assertEquals((i + 1) / 1000.0, fine[i], 0.0);
        }
    }

    private static double[] axis(String values) {
        return yaml("simulation: {duration: 10 ms}\nsweep: {grid: {stimulus.amplitude: " + values + "}}\n")
                .spec().grid().get(0).values();
    }

    @Test
    void sweptFieldsNeedNoBaseValue() {
        SweepSpec s = yaml("""
                stimulus: {type: constant}
                sweep:
                  grid:
                    simulation.duration: [200 ms, 100 ms]
                    stimulus.amplitude: [3 uA/cm^2, 4 uA/cm^2]
                """).spec();
        assertEquals(200.0, s.base().durationMs(), 0.0);
        assertEquals(3.0, s.base().stimulus().get("amplitude"), 0.0);
        assertEquals(100.0, s.run(3).template().durationMs(), 0.0);
        assertEquals(4.0, s.run(3).template().stimulus().get("amplitude"), 0.0);
    }

    @Test
    void randomSamplingAndSeeds() {
        SweepConfig c = yaml("""
                simulation: {duration: 10 ms}
                sweep:
                  grid: {model.gK: [30 mS/cm^2, 36 mS/cm^2]}
                  seeds: 3
                  random:
                    samples: 50
                    params:
                      model.gNa: {uniform: [100 mS/cm^2, 140 mS/cm^2]}
                      stimulus.amplitude: {loguniform: [1 uA/cm^2, 10 uA/cm^2]}
                      initial.V: {normal: [-65 mV, 1 mV]}
                """);
        SweepSpec s = c.spec();
        assertEquals(2L * 50 * 3, s.runCount());
        assertEquals(List.of("model.gK", "model.gNa", "stimulus.amplitude", "initial.V"), s.sweptPaths());
        assertEquals(new SweepSpec.RandomParam("model.gNa", SweepSpec.Distribution.UNIFORM, 100, 140), s.random().get(0));
        assertEquals(new SweepSpec.RandomParam("stimulus.amplitude", SweepSpec.Distribution.LOG_UNIFORM, 1, 10),
                s.random().get(1));
        assertEquals(new SweepSpec.RandomParam("initial.V", SweepSpec.Distribution.NORMAL, -65, 1), s.random().get(2));
        for (long r = 0; r < s.runCount(); r++) {
            RunTemplate t = s.run(r).template();
            assertTrue(t.model().get("gNa") >= 100 && t.model().get("gNa") < 140);
            double a = t.stimulus().get("amplitude");
            assertTrue(a >= 1 && a < 10);
        }
        JsonNode params = c.resolved().at("/sweep/random/params");
        assertEquals("model.gNa", params.get(0).get("path").asText());
        assertEquals("loguniform", params.get(1).get("distribution").asText());
        assertEquals(50, c.resolved().at("/sweep/random/samples").asInt());
        assertEquals(300, c.resolved().at("/sweep/runs").asLong());
    }

    @Test
    void sweptStepsMayDivideTheTraceInterval() {
        SweepSpec s = yaml("""
                simulation: {duration: 10 ms, dt: 0.01 ms}
                record: {traces: {every: 0.1 ms, variables: [V, m, h, n, I], neurons: all}}
                sweep: {grid: {simulation.dt: [0.01 ms, 0.02 ms, 0.025 ms, 0.05 ms]}}
                """).spec();
        assertEquals(4L, s.runCount());
        assertEquals(List.of(TraceVariable.V, TraceVariable.M, TraceVariable.H, TraceVariable.N, TraceVariable.I),
                s.base().traceVariables());
        assertEquals(4, s.run(2).template().traceEverySteps());
    }

    @Test
    void quantisationStepsAreReadInEachVariablesUnit() {
        SweepConfig c = yaml("""
                simulation: {duration: 10 ms, dt: 0.01 ms}
                record: {traces: {variables: [V, h, I], quantize: {V: 2 uV, h: 1e-5, I: 1 nA/cm^2}}}
                """);
        TraceQuantization q = c.spec().base().traceQuantization();
        assertEquals(0.002, q.step(TraceVariable.V), 1e-15);
        assertEquals(1e-5, q.step(TraceVariable.H), 0.0);
        assertEquals(0.001, q.step(TraceVariable.I), 1e-15);
        assertEquals(0.002, c.resolved().at("/record/traces/quantize/V").asDouble(), 1e-15);
        assertEquals("uA/cm^2", c.resolved().get("units").get("record.traces.quantize.I").asText());
        assertEquals("1", c.resolved().get("units").get("record.traces.quantize.h").asText());
        // none: lossless, and the resolved config (so the sweep's hash) as before the key existed
        SweepConfig lossless = yaml("""
                simulation: {duration: 10 ms, dt: 0.01 ms}
                record: {traces: {variables: [V, h, I], quantize: none}}
                """);
        assertFalse(lossless.spec().base().traceQuantization().active());
        assertTrue(lossless.resolved().at("/record/traces/quantize").isMissingNode());
        assertNotEquals(c.hash(), lossless.hash(), "quantising changes the output, so the sweep");
    }

    @Test
    void tracesAreQuantisedByDefaultAndAVariableLeftOutKeepsItsDefaultStep() {
        // the documented defaults: V in 1e-4 mV, gates in 1e-6, I in 1e-4 uA/cm^2
        SweepConfig byDefault = yaml("""
                simulation: {duration: 10 ms, dt: 0.01 ms}
                record: {traces: {variables: [V, m, h, n, I]}}
                """);
        assertEquals(TraceQuantization.of(Map.of(TraceVariable.V, 1e-4, TraceVariable.M, 1e-6, TraceVariable.H, 1e-6,
                TraceVariable.N, 1e-6, TraceVariable.I, 1e-4)), byDefault.spec().base().traceQuantization());
        assertEquals(1e-4, byDefault.resolved().at("/record/traces/quantize/V").asDouble(), 0.0);
        assertEquals(1e-6, byDefault.resolved().at("/record/traces/quantize/n").asDouble(), 0.0);

        SweepConfig partial = yaml("""
                simulation: {duration: 10 ms, dt: 0.01 ms}
                record: {traces: {variables: [V, m], quantize: {V: 0.01 mV}}}
                """);
        assertEquals(TraceQuantization.of(Map.of(TraceVariable.V, 0.01, TraceVariable.M, 1e-6)),
                partial.spec().base().traceQuantization());
        assertNotEquals(byDefault.hash(), partial.hash());
    }

    @Test
    void resolvedConfigIsInEngineUnitsWithAUnitsMap() {
        JsonNode r = yaml("""
                name: units
                simulation: {duration: 1 s, dt: 10 us, window: {start: 0.5 s, end: 1 s}}
                model: {gNa: 0.12 S/cm^2, C: 1 uF/cm^2}
                stimulus: {type: constant, amplitude: 0.01 mA/cm^2}
                record: {traces: {every: 1 ms}}
                """).resolved();
        assertEquals(1000.0, r.at("/simulation/duration").asDouble(), 0.0);
        assertEquals(0.01, r.at("/simulation/dt").asDouble(), 1e-15);
        assertEquals(500.0, r.at("/simulation/window/start").asDouble(), 0.0);
        assertEquals(120.0, r.at("/model/gNa").asDouble(), 1e-12);
        assertEquals(1.0, r.at("/model/C").asDouble(), 1e-12);
        assertEquals(0.03, r.at("/model/gL").asDouble(), 0.0);
        assertEquals(-65.0, r.at("/initial/V").asDouble(), 0.0);
        assertEquals(10.0, r.at("/stimulus/amplitude").asDouble(), 1e-12);
        assertEquals(1.0, r.at("/record/traces/every").asDouble(), 0.0);
        assertEquals(1, r.at("/record/traces/neurons").asInt());
        assertEquals("V", r.at("/record/traces/variables/0").asText());
        JsonNode units = r.get("units");
        assertEquals("ms", units.get("simulation.duration").asText());
        assertEquals("mS/cm^2", units.get("model.gNa").asText());
        assertEquals("uF/cm^2", units.get("model.C").asText());
        assertEquals("mV", units.get("initial.V").asText());
        assertEquals("uA/cm^2", units.get("stimulus.amplitude").asText());
        assertEquals("ms", units.get("record.traces.every").asText());
        assertEquals("ms", units.get("simulation.window.end").asText());
    }

    private static final String ORDERED = """
            name: h
            seed: 3
            simulation: {duration: 100 ms, dt: 0.01 ms, window: {start: 10 ms, end: 90 ms}}
            model: {gNa: 110 mS/cm^2, gK: 30 mS/cm^2}
            stimulus: {type: uniform, low: 1 uA/cm^2, high: 10 uA/cm^2}
            sweep:
              grid:
                model.gL: [0.03 mS/cm^2, 0.3 mS/cm^2]
                stimulus.high: [10 uA/cm^2, 12 uA/cm^2]
              seeds: 2
            record: {spikes: false, traces: {neurons: 1, every: 0.1 ms}}
            output: out/a
            """;

    @Test
    void hashIsStableUnderKeyReorderingAndSpelling() {
        SweepConfig a = yaml(ORDERED);
        SweepConfig b = yaml("""
                record: {traces: {every: 100 us, neurons: 1}, spikes: false}
                sweep:
                  seeds: 2
                  grid:
                    model.gL: [0.03 mS/cm^2, 0.0003 S/cm^2]
                    stimulus.high: [10 µA/cm^2, 12 uA/cm^2]
                stimulus: {high: 10 uA/cm^2, type: uniform, shared: true, low: 1 uA/cm^2}
                model: {gK: 30 mS/cm^2, gNa: 0.11 S/cm^2, EL: -54.387 mV}
                simulation: {window: {end: 90 ms, start: 10 ms}, dt: 0.01 ms, method: exp_euler_fast, duration: 0.1 s}
                seed: 3
                name: h
                output: out/a
                """);
        assertEquals(a.hash(), b.hash());
        assertEquals(ResolvedConfig.sorted(a.resolved()), ResolvedConfig.sorted(b.resolved()));
        assertEquals(a.hash(), yaml(ORDERED.replace("out/a", "out/b") + "execution: {partitions: 8}\n").hash());
    }

    @Test
    void hashChangesWithWhatIsComputed() {
        String a = yaml(ORDERED).hash();
        assertNotEquals(a, yaml(ORDERED.replace("seed: 3", "seed: 4")).hash());
        assertNotEquals(a, yaml(ORDERED.replace("gK: 30", "gK: 31")).hash());
        assertNotEquals(a, yaml(ORDERED.replace("seeds: 2", "seeds: 3")).hash());
        assertNotEquals(a, yaml(ORDERED.replace("spikes: false", "spikes: true")).hash());
        // The axis order fixes the run ids, so swapping axes is a different sweep.
        String swapped = ORDERED.replace("""
                    model.gL: [0.03 mS/cm^2, 0.3 mS/cm^2]
                    stimulus.high: [10 uA/cm^2, 12 uA/cm^2]
                """, """
                    stimulus.high: [10 uA/cm^2, 12 uA/cm^2]
                    model.gL: [0.03 mS/cm^2, 0.3 mS/cm^2]
                """);
        assertNotEquals(ORDERED, swapped);
        assertNotEquals(a, yaml(swapped).hash());
    }

    @Test
    void hashIsSha256OfTheSortedCompactJson() throws Exception {
        SweepConfig c = yaml(ORDERED + "execution: {partitions: 8}\n");
        // An independent canonical form: plain maps sorted by Jackson's map ordering.
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        ObjectNode copy = c.resolved().deepCopy();
        copy.remove(List.of("output", "execution"));
        Map<?, ?> plain = m.convertValue(copy, Map.class);
        byte[] canonical = m.writeValueAsString(plain).getBytes(StandardCharsets.UTF_8);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        assertEquals(expected, c.hash());
    }

    @Test
    void executionIsPassedThroughUntouched() {
        SweepConfig c = yaml("""
                simulation: {duration: 10 ms}
                execution: {partitions: 8, master: "local[2]", nested: {list: [1, 2.5, "x"]}}
                """);
        assertEquals(8, c.execution().get("partitions").asInt());
        assertEquals("local[2]", c.execution().get("master").asText());
        assertEquals(2.5, c.execution().at("/nested/list/1").asDouble(), 0.0);
        assertEquals(c.execution(), c.resolved().get("execution"));
    }

    @Test
    void tracesTrueTakesTheDefaultsAndFalseRecordsNone() {
        RunTemplate on = yaml("simulation: {duration: 10 ms, dt: 0.05 ms}\nneurons: 4\nrecord: {traces: true}\n")
                .spec().base();
        assertEquals(1, on.tracedNeurons());
        assertEquals(List.of(TraceVariable.V), on.traceVariables());
        assertEquals(0.05, on.traceEveryMs(), 0.0);
        RunTemplate off = yaml("simulation: {duration: 10 ms}\nrecord: {traces: false, spikes: false}\n").spec().base();
        assertEquals(0, off.tracedNeurons());
        assertFalse(off.keepSpikeTimes());
    }

    @Test
    void loadReportsAMissingFile() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(CONF.resolve("no-such.yaml")));
        assertTrue(e.getMessage().contains("no-such.yaml"), e.getMessage());
    }

    @Test
    void fourArgumentConstructorHasNoExecution() {
        SweepConfig c = yaml("simulation: {duration: 10 ms}\n");
        SweepConfig d = new SweepConfig(c.spec(), c.output(), c.resolved(), c.hash());
        assertTrue(d.execution().isMissingNode());
    }
}
