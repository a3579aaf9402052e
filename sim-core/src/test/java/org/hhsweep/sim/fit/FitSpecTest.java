package org.hhsweep.sim.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hhsweep.sim.config.ConfigLoader;
import org.hhsweep.sim.sweep.RunSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the driver loop uses: candidates in engine units, their runs under the target's rows, resumption. */
class FitSpecTest {
    private static final String CONFIG = """
            seed: SEED
            simulation: {duration: 200 ms, dt: 0.025 ms}
            stimulus: {type: constant, amplitude: 3 uA/cm^2}
            fit:
              target: target.csv
              params: {model.gNa: [80 mS/cm^2, 160 mS/cm^2], model.gK: [20 mS/cm^2, 60 mS/cm^2]}
              optimizer: {method: METHOD, population: 5, generations: 4}
            """;

    @TempDir
    Path dir;

    private FitSpec fit(long seed) throws IOException {
        return fit(seed, "cmaes");
    }

    private FitSpec fit(long seed, String method) throws IOException {
        Files.writeString(dir.resolve("target.csv"), "stimulus.amplitude,rate_hz\n2,0\n5,50\n10,70\n");
        Path file = dir.resolve("fit.yaml");
        Files.writeString(file, CONFIG.replace("SEED", Long.toString(seed)).replace("METHOD", method));
        return ConfigLoader.load(file).fit();
    }

    @Test
    void aCandidatesRunIsTheConfigWithTheRowsConditionsAndTheCandidatesValues() throws IOException {
        FitSpec fit = fit(7);
        Candidate c = new Candidate(2, 3, new double[] {0.25, 1}, new double[] {100, 60});
        RunSpec run = fit.run(c, 2);
        assertEquals(100, run.template().get("model.gNa"));
        assertEquals(60, run.template().get("model.gK"));
        assertEquals(10, run.template().get("stimulus.amplitude"));     // the row's, not the config's 3
        assertEquals(200, run.template().durationMs());
        assertEquals(0.025, run.template().dt());
        assertEquals(fit.sweep().base().get("model.EL"), run.template().get("model.EL"));
        assertArrayEquals(new double[] {100, 60, 10}, run.sweptValues());
        assertEquals(List.of("model.gNa", "model.gK", "stimulus.amplitude"), fit.runPaths());
        // (generation 2 * population 5 + candidate 3) * 3 rows + row 2
        assertEquals((2 * 5 + 3) * 3 + 2, run.runId());
        assertEquals(0, run.replicate());
        assertEquals(fit.sweep().run(0).seed(), run.seed());
        assertEquals(run.seed(), fit.run(new Candidate(0, 0, new double[] {0, 0}, new double[] {80, 20}), 0).seed());
    }

    @Test
    void aGenerationsRunsAreItsCandidatesUnderEveryRowInIdOrder() throws IOException {
        FitSpec fit = fit(7);
        Optimizer o = fit.start();
        o.tell(new double[] {5, 4, 3, 2, 1});
        List<Candidate> candidates = fit.candidates(o);
        assertEquals(5, candidates.size());
        double[][] points = o.ask();
        for (int i = 0; i < 5; i++) {
            Candidate c = candidates.get(i);
            assertEquals(1, c.generation());
            assertEquals(i, c.index());
            assertArrayEquals(points[i], c.point());
            assertEquals(80 + points[i][0] * 80, c.values()[0], 1e-12);
            assertEquals(20 + points[i][1] * 40, c.values()[1], 1e-12);
        }
        List<RunSpec> runs = fit.runs(candidates);
        assertEquals(15, runs.size());
        for (int k = 0; k < runs.size(); k++) {
            assertEquals(15 + k, runs.get(k).runId());
            assertEquals(candidates.get(k / 3).values()[0], runs.get(k).template().get("model.gNa"));
            assertEquals(new double[] {2, 5, 10}[k % 3], runs.get(k).template().get("stimulus.amplitude"));
        }
        assertThrows(IndexOutOfBoundsException.class, () -> fit.runId(0, 5, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> fit.runId(0, 0, 3));
    }

    @Test
    void aFitSpecAndItsCandidatesTravelByJavaSerialisationAsASparkClosureDoes() throws Exception {
        FitSpec fit = fit(7);
        List<Candidate> candidates = fit.candidates(fit.start());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(fit);
            out.writeObject(candidates);
        }
        FitSpec copy;
        List<?> copied;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (FitSpec) in.readObject();
            copied = (List<?>) in.readObject();
        }
        assertEquals(candidates, copied);
        assertEquals(fit.target(), copy.target());
        List<RunSpec> runs = fit.runs(candidates);
        List<RunSpec> again = copy.runs(candidates);
        for (int k = 0; k < runs.size(); k++) {
            assertEquals(runs.get(k).runId(), again.get(k).runId());
            assertEquals(runs.get(k).seed(), again.get(k).seed());
            assertEquals(runs.get(k).template(), again.get(k).template());
            assertArrayEquals(runs.get(k).sweptValues(), again.get(k).sweptValues());
        }
    }

    @Test
    void valuesSpanTheBoundsExactly() throws IOException {
        FitSpec fit = fit(7);
        assertArrayEquals(new double[] {80, 20}, fit.values(new double[] {0, 0}));
        assertArrayEquals(new double[] {160, 60}, fit.values(new double[] {1, 1}));
        FitParam p = new FitParam("model.gL", 0.1, 0.7);
        assertEquals(0.7, p.value(1.0));
        assertEquals(0.1, p.value(0.0));
        assertThrows(IllegalArgumentException.class, () -> new FitParam("model.gL", 0.7, 0.1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cmaes", "differential_evolution"})
    void aFitResumedFromItsSavedStateAsksWhatItWouldHaveAsked(String method) throws IOException {
        FitSpec fit = fit(7, method);
        Optimizer straight = fit.start();
        Optimizer stopped = fit.start();
        double[] losses = {3, 1, 4, 1.5, 9};
        for (int g = 0; g < 2; g++) {
            straight.tell(losses);
            stopped.tell(losses);
        }
        Optimizer resumed = fit.resume(stopped.state());
        assertEquals(2, resumed.generation());
        while (!straight.finished()) {
            assertEquals(fit.candidates(straight), fit.candidates(resumed));
            straight.tell(losses);
            resumed.tell(losses);
        }
        assertTrue(resumed.finished());
        assertEquals(4, resumed.generation());
        // another seed is another search, and so is another method
        String state = stopped.state();
        FitSpec other = fit(8, method);
        assertThrows(IllegalArgumentException.class, () -> other.resume(state));
        FitSpec otherMethod = fit(7, method.equals("cmaes") ? "differential_evolution" : "cmaes");
        assertThrows(IllegalArgumentException.class, () -> otherMethod.resume(state));
    }
}
