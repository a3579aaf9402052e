package org.hhsweep.sim.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hhsweep.sim.NeuronSpec;
import org.hhsweep.sim.SimulationSettings;
import org.hhsweep.sim.integrate.Method;
import org.hhsweep.sim.config.ModelLibrary;
import org.hhsweep.sim.model.NeuronModel;
import org.hhsweep.sim.record.TraceVariable;
import org.hhsweep.sim.stimulus.StimulusSpec;
import org.hhsweep.sim.sweep.SweepSpec.Distribution;
import org.hhsweep.sim.sweep.SweepSpec.GridAxis;
import org.hhsweep.sim.sweep.SweepSpec.RandomParam;
import org.hhsweep.sim.units.EngineUnit;
import org.junit.jupiter.api.Test;

/** Expansion of a sweep into runs by index, and the sweepable paths of a run template. */
class SweepSpecTest {
    private static final RunTemplate BASE = new RunTemplate(0.01, 100.0, Method.EXP_EULER_REFERENCE, Double.NaN, Double.NaN,
            ModelLibrary.hh(), -65.0, new StimulusSpec.Constant(5.0), 10, 2, List.of(TraceVariable.V), 0.1, true);

    private static final double[] GNA = {100.0, 120.0, 140.0};
    private static final double[] AMPLITUDE = {5.0, 10.0};
    private static final int SAMPLES = 4;
    private static final int SEEDS = 3;
    private static final List<RandomParam> RANDOM = List.of(
            new RandomParam("model.gK", Distribution.UNIFORM, 30.0, 40.0),
            new RandomParam("model.gL", Distribution.LOG_UNIFORM, 0.01, 1.0),
            new RandomParam("initial.V", Distribution.NORMAL, -65.0, 2.0));

    private static SweepSpec spec(long seed) {
        return new SweepSpec("test", seed, BASE,
                List.of(new GridAxis("model.gNa", GNA), new GridAxis("stimulus.amplitude", AMPLITUDE)),
                SAMPLES, RANDOM, SEEDS);
    }

    @Test
    void countsAndSweptPaths() {
        SweepSpec s = spec(42);
        assertEquals(3 * 2 * 4 * 3, s.runCount());
        assertEquals(3 * 2 * 4 * 3 * 10, s.neuronCount());
        assertEquals(List.of("model.gNa", "stimulus.amplitude", "model.gK", "model.gL", "initial.V"), s.sweptPaths());
        assertThrows(IndexOutOfBoundsException.class, () -> s.run(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> s.run(s.runCount()));

        SweepSpec gridOnly = new SweepSpec("g", 1, BASE, List.of(new GridAxis("model.gNa", GNA)), 0, List.of(), 5);
        assertEquals(15, gridOnly.runCount());
        SweepSpec seedsOnly = new SweepSpec("s", 1, BASE, List.of(), 0, List.of(), 7);
        assertEquals(7, seedsOnly.runCount());
        assertEquals(BASE, seedsOnly.run(3).template());
    }

    @Test
    void indexOrderIsGridThenSampleThenReplicate() {
        SweepSpec s = spec(42);
        long index = 0;
        for (int g = 0; g < GNA.length; g++) {
            for (int a = 0; a < AMPLITUDE.length; a++) {
                for (int sample = 0; sample < SAMPLES; sample++) {
                    for (int r = 0; r < SEEDS; r++, index++) {
                        RunSpec run = s.run(index);
                        assertEquals(index, run.runId());
                        assertEquals(r, run.replicate());
                        assertEquals(new SweepSpec.Position(g * AMPLITUDE.length + a, sample, r), s.position(index));
                        assertEquals(GNA[g], run.sweptValues()[0], 0.0, "run " + index);
                        assertEquals(AMPLITUDE[a], run.sweptValues()[1], 0.0, "run " + index);
                        assertEquals(GNA[g], run.template().model().get("gNa"), 0.0);
                        assertEquals(AMPLITUDE[a], ((StimulusSpec.Constant) run.template().stimulus()).amplitude(), 0.0);
                        List<String> paths = s.sweptPaths();
                        for (int p = 0; p < paths.size(); p++) {
                            assertEquals(run.sweptValues()[p], run.template().get(paths.get(p)), 0.0,
                                    "value of " + paths.get(p) + " in run " + index);
                        }
                        // what is not swept stays as in the base
                        assertEquals(BASE.model().get("ENa"), run.template().model().get("ENa"), 0.0);
                        assertEquals(BASE.dt(), run.template().dt(), 0.0);
                    }
                }
            }
        }
        assertEquals(s.runCount(), index);
        assertEquals(GNA.length * AMPLITUDE.length, s.gridPoints());
        assertEquals(SAMPLES * SEEDS, s.runsPerPoint());
        assertEquals(5L * SAMPLES * SEEDS, s.firstRun(5));
        assertThrows(IndexOutOfBoundsException.class, () -> s.position(s.runCount()));
        assertThrows(IndexOutOfBoundsException.class, () -> s.firstRun(s.gridPoints()));
    }

    @Test
    void replicateSeedsAreSharedAcrossPointsAndDistinctAcrossReplicates() {
        SweepSpec s = spec(42);
        long[] seedOf = new long[SEEDS];
        boolean[] seen = new boolean[SEEDS];
        for (long i = 0; i < s.runCount(); i++) {
            RunSpec run = s.run(i);
            if (!seen[run.replicate()]) {
                seedOf[run.replicate()] = run.seed();
                seen[run.replicate()] = true;
            }
            assertEquals(seedOf[run.replicate()], run.seed(), "replicate " + run.replicate() + " in run " + i);
            assertEquals(s.replicateSeed(run.replicate()), run.seed());
        }
        Set<Long> distinct = new HashSet<>();
        for (long seed : seedOf) {
            distinct.add(seed);
        }
        assertEquals(SEEDS, distinct.size());
        assertNotEquals(spec(42).replicateSeed(0), spec(43).replicateSeed(0), "the sweep seed reaches the run seeds");
    }

    @Test
    void randomSamplesAreDeterministicWithinBoundsAndSharedByReplicates() {
        SweepSpec s = spec(42);
        SweepSpec again = spec(42);
        SweepSpec otherSeed = spec(43);
        Set<Double> gKs = new HashSet<>();
        for (long i = 0; i < s.runCount(); i++) {
            RunSpec run = s.run(i);
            double[] v = run.sweptValues();
            assertArrayEquals(v, again.run(i).sweptValues(), "run " + i + " is a function of its index");
            assertEquals(run.seed(), again.run(i).seed());
            assertTrue(v[2] >= 30.0 && v[2] < 40.0, "uniform gK " + v[2]);
            assertTrue(v[3] >= 0.01 && v[3] < 1.0, "log-uniform gL " + v[3]);
            assertTrue(Double.isFinite(v[4]));
            // replicates of a point differ by their noise only
            RunSpec firstReplicate = s.run(i - run.replicate());
            assertArrayEquals(firstReplicate.sweptValues(), v);
            assertFalse(otherSeed.run(i).sweptValues()[2] == v[2], "the sweep seed reaches the samples");
            gKs.add(v[2]);
        }
        assertEquals(SAMPLES, gKs.size(), "each sample index has its own draw");
    }

    @Test
    void distributionsHaveTheirShape() {
        int samples = 2000;
        SweepSpec s = new SweepSpec("dist", 5, BASE, List.of(), samples, RANDOM, 1);
        double sumU = 0, sumLog = 0, sumN = 0, sumSqN = 0;
        for (long i = 0; i < samples; i++) {
            double[] v = s.run(i).sweptValues();
            sumU += v[0];
            sumLog += Math.log(v[1]);
            sumN += v[2];
            sumSqN += (v[2] + 65.0) * (v[2] + 65.0);
        }
        // five standard errors: uniform sd 10/sqrt(12); log-uniform's log is uniform over ln(100)
        assertEquals(35.0, sumU / samples, 5 * 10 / Math.sqrt(12.0 * samples));
        assertEquals(Math.log(0.1), sumLog / samples, 5 * Math.log(100.0) / Math.sqrt(12.0 * samples));
        assertEquals(-65.0, sumN / samples, 5 * 2.0 / Math.sqrt(samples));
        assertEquals(4.0, sumSqN / samples, 5 * 4.0 * Math.sqrt(2.0 / samples));
    }

    @Test
    void runNeuronsCarryTheRunSeedTheirIndexAndTracing() {
        RunSpec run = spec(42).run(17);
        NeuronSpec[] neurons = run.neurons();
        assertEquals(10, neurons.length);
        for (int i = 0; i < neurons.length; i++) {
            assertEquals(run.seed(), neurons[i].runSeed());
            assertEquals(i, neurons[i].neuronIndex());
            assertEquals(i < 2, neurons[i].traced());
            assertEquals(run.template().model(), neurons[i].model());
            assertEquals(run.template().stimulus(), neurons[i].stimulus());
            assertEquals(run.template().v0(), neurons[i].v0(), 0.0);
        }
    }

    @Test
    void invalidSweepsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SweepSpec("x", 1, BASE, List.of(), 0, List.of(), 0));
        assertThrows(IllegalArgumentException.class, () -> new SweepSpec("x", 1, BASE, List.of(), 2, List.of(), 1));
        assertThrows(IllegalArgumentException.class, () -> new SweepSpec("x", 1, BASE, List.of(), 0, RANDOM, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new SweepSpec("x", 1, BASE, List.of(new GridAxis("model.gNa", new double[0])), 0, List.of(), 1));
    }

    @Test
    void unknownPathsAreRejectedByName() {
        for (String path : List.of("model.gna", "stimulus.sigma", "simulation.steps", "gNa")) {
            IllegalArgumentException grid = assertThrows(IllegalArgumentException.class,
                    () -> new SweepSpec("x", 1, BASE, List.of(new GridAxis(path, new double[] {1.0})), 0, List.of(), 1)
                            .run(0));
            assertTrue(grid.getMessage().contains("'" + path + "'"), grid.getMessage());
            IllegalArgumentException random = assertThrows(IllegalArgumentException.class,
                    () -> new SweepSpec("x", 1, BASE, List.of(), 1,
                            List.of(new RandomParam(path, Distribution.UNIFORM, 0, 1)), 1).run(0));
            assertTrue(random.getMessage().contains("'" + path + "'"), random.getMessage());
            IllegalArgumentException get = assertThrows(IllegalArgumentException.class, () -> BASE.get(path));
            assertTrue(get.getMessage().contains("'" + path + "'"), get.getMessage());
        }
    }

    private static List<StimulusSpec> oneOfEachType() {
        List<StimulusSpec> out = new ArrayList<>();
        for (String type : StimulusSpec.TYPES) {
            int fields = StimulusSpec.of(type, new double[8], true).fields().size();
            double[] values = new double[fields];
            for (int f = 0; f < fields; f++) {
                values[f] = 1.5 + f;
            }
            out.add(StimulusSpec.of(type, values, true));
        }
        return out;
    }

    /** model.gNa and model.channels.na.g name one number: the tutorial's alias and its path. */
    private static boolean sameNumber(String a, String b) {
        String m = RunTemplate.MODEL;
        return a.startsWith(m) && b.startsWith(m)
                && canonical(a.substring(m.length())).equals(canonical(b.substring(m.length())));
    }

    private static String canonical(String modelPath) {
        return NeuronModel.ALIASES.getOrDefault(modelPath, modelPath);
    }

    @Test
    void everyPathRoundTripsAndLeavesTheOthersAlone() {
        for (StimulusSpec stimulus : oneOfEachType()) {
            RunTemplate t = new RunTemplate(0.01, 100.0, Method.RK4, 10.0, 90.0, ModelLibrary.hh(), -65.0,
                    stimulus, 4, 0, List.of(), 0.01, false);
            List<String> paths = t.paths();
            assertEquals(5 + t.model().paths().size() + stimulus.fields().size(), paths.size());
            for (String path : paths) {
                double value = 1000.0 + paths.indexOf(path);
                assertNotEquals(value, t.get(path));
                RunTemplate changed = t.with(path, value);
                assertEquals(value, changed.get(path), 0.0, path);
                for (String other : paths) {
                    if (!other.equals(path) && !sameNumber(path, other)) {
                        assertEquals(t.get(other), changed.get(other), 0.0, other + " after setting " + path);
                    }
                }
                assertEquals(stimulus.type(), changed.stimulus().type());
                assertEquals(stimulus.random() && stimulus.shared(), changed.stimulus().shared(),
                        "sharing survives setting " + path);
                assertEquals(t.method(), changed.method());
                assertEquals(t.neurons(), changed.neurons());
            }
        }
    }

    @Test
    void unitsByFamily() {
        for (String p : List.of("simulation.dt", "simulation.duration", "simulation.window.start",
                "simulation.window.end", "stimulus.onset", "stimulus.duration", "stimulus.period", "stimulus.tau")) {
            assertEquals(EngineUnit.MILLISECOND, unitOfAnyTemplate(p), p);
        }
        for (String p : List.of("initial.V", "model.ENa", "model.EK", "model.EL", "model.V_th")) {
            assertEquals(EngineUnit.MILLIVOLT, unitOfAnyTemplate(p), p);
        }
        for (String p : List.of("model.gNa", "model.gK", "model.gL")) {
            assertEquals(EngineUnit.MILLISIEMENS_PER_CM2, unitOfAnyTemplate(p), p);
        }
        assertEquals(EngineUnit.MICROFARAD_PER_CM2, unitOfAnyTemplate("model.C"));
        for (String p : List.of("stimulus.amplitude", "stimulus.from", "stimulus.to", "stimulus.low", "stimulus.high",
                "stimulus.mean", "stimulus.sigma")) {
            assertEquals(EngineUnit.MICROAMPERE_PER_CM2, unitOfAnyTemplate(p), p);
        }
        // every path of every template has a unit
        for (StimulusSpec stimulus : oneOfEachType()) {
            RunTemplate t = new RunTemplate(0.01, 100.0, Method.EXP_EULER_REFERENCE, Double.NaN, Double.NaN,
                    ModelLibrary.hh(), -65.0, stimulus, 1, 0, List.of(), 0.01, true);
            for (String p : t.paths()) {
                t.unit(p);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> BASE.unit("simulation.steps"));
    }

    /** A path's unit in a template that has it: a stimulus field's, in one of that field's type. */
    private static EngineUnit unitOfAnyTemplate(String path) {
        for (StimulusSpec stimulus : oneOfEachType()) {
            RunTemplate t = new RunTemplate(0.01, 100.0, Method.EXP_EULER_REFERENCE, Double.NaN, Double.NaN,
                    ModelLibrary.hh(), -65.0, stimulus, 1, 0, List.of(), 0.01, true);
            if (t.paths().contains(path)) {
                return t.unit(path);
            }
        }
        throw new AssertionError("no template has " + path);
    }

    @Test
    void columnNames() {
        assertEquals("stimulus_amplitude", RunTemplate.column("stimulus.amplitude"));
        assertEquals("simulation_window_start", RunTemplate.column("simulation.window.start"));
        assertEquals("model_V_th", RunTemplate.column("model.V_th"));
        assertEquals("initial_V", RunTemplate.column("initial.V"));
    }

    @Test
    void templateSettings() {
        SimulationSettings s = BASE.settings();
        assertEquals(0.01, s.dt(), 0.0);
        assertEquals(10_000, s.steps());
        assertEquals(Method.EXP_EULER_REFERENCE, s.method());
        assertEquals(10, s.traceEvery(), "0.1 ms at dt 0.01");
        assertEquals(List.of(TraceVariable.V), s.traceVariables());
        assertFalse(s.hasWindow());
        RunTemplate untraced = new RunTemplate(0.01, 100.0, Method.RK4, 20.0, 80.0, ModelLibrary.hh(), -65.0,
                new StimulusSpec.Constant(1.0), 3, 0, List.of(TraceVariable.V), 0.1, false);
        assertTrue(untraced.settings().traceVariables().isEmpty(), "nothing to trace without traced neurons");
        assertTrue(untraced.settings().hasWindow());
        assertFalse(untraced.settings().keepSpikeTimes());
    }
}
