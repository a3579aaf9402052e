package org.hhsweep.sim.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hhsweep.sim.NeuronSpec;
import org.hhsweep.sim.Simulator;
import org.hhsweep.sim.config.ConfigLoader;
import org.hhsweep.sim.stats.NeuronStatistics;
import org.hhsweep.sim.sweep.RunSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fit through the API the Spark driver uses, with the engine run in place of the Spark job:
 * a target made by simulating known parameters is fitted back to them.
 */
class FitRecoveryTest {
    private static final double[] TRUE_VALUES = {120, 36};   // the tutorial's gNa and gK
    private static final double[] AMPLITUDES = {4, 6, 9, 14, 20};
    private static final String CONFIG = """
            seed: 3
            simulation: {duration: 300 ms, dt: 0.025 ms}
            stimulus: {type: constant}
            fit:
              target: target.csv
              params: {model.gNa: [80 mS/cm^2, 160 mS/cm^2], model.gK: [20 mS/cm^2, 60 mS/cm^2]}
              loss: {rate_hz: 1, first_spike_ms: 1, mean_isi_ms: 1}
              optimizer: {method: METHOD, population: POPULATION, generations: GENERATIONS}
            """;

    @TempDir
    Path dir;

    private FitSpec load(String target, String method, int population, int generations) throws IOException {
        Files.writeString(dir.resolve("target.csv"), target);
        Path file = dir.resolve("fit.yaml");
        Files.writeString(file, CONFIG.replace("METHOD", method).replace("POPULATION", Integer.toString(population))
                .replace("GENERATIONS", Integer.toString(generations)));
        return ConfigLoader.load(file).fit();
    }

    /**
     * The engine's statistics of each run's one neuron, the runs simulated in one block as a task
     * of the sweep job does (runs of one model's kinetics and settings share a block).
     */
    private static List<NeuronStatistics> simulate(List<RunSpec> runs) {
        NeuronSpec[] neurons = runs.stream().map(r -> r.neuron(0)).toArray(NeuronSpec[]::new);
        return Arrays.asList(Simulator.simulate(runs.get(0).template().settings(), neurons).statistics());
    }

    /** The target: the statistics the true parameters give at each amplitude, exactly as simulated. */
    private String syntheticTarget() throws IOException {
        StringBuilder placeholder = new StringBuilder("stimulus.amplitude,rate_hz,first_spike_ms,mean_isi_ms\n");
        for (double a : AMPLITUDES) {
            placeholder.append(a).append(",1,1,1\n");
        }
        FitSpec fit = load(placeholder.toString(), "cmaes", 8, 1);
        Candidate truth = new Candidate(0, 0, new double[] {0.5, 0.4}, TRUE_VALUES);
        StringBuilder csv = new StringBuilder("stimulus.amplitude,rate_hz,first_spike_ms,mean_isi_ms\n");
        List<NeuronStatistics> stats = simulate(fit.runs(List.of(truth)));
        for (int r = 0; r < AMPLITUDES.length; r++) {
            Double[] p = fit.loss().predict(List.of(stats.get(r)));
            csv.append(AMPLITUDES[r]);
            for (Double v : p) {
                csv.append(',').append(v == null ? "" : Double.toString(v));
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    /** One generation as the Spark side runs it: the runs, the predictions, the losses, told. */
    private static void generation(FitSpec fit, Optimizer o) {
        List<Candidate> candidates = fit.candidates(o);
        List<NeuronStatistics> stats = simulate(fit.runs(candidates));
        double[] losses = new double[candidates.size()];
        int rows = fit.conditions();
        for (int i = 0; i < candidates.size(); i++) {
            Double[][] predicted = new Double[rows][];
            for (int r = 0; r < rows; r++) {
                predicted[r] = fit.loss().predict(List.of(stats.get(i * rows + r)));
            }
            losses[i] = fit.loss().evaluate(predicted).loss();
        }
        o.tell(losses);
    }

    @ParameterizedTest
    @CsvSource({"cmaes, 8, 40", "differential_evolution, 20, 60"})
    void aTargetMadeFromKnownParametersIsFittedBackToThem(String method, int population, int generations)
            throws IOException {
        String target = syntheticTarget();
        System.out.print("FitRecoveryTest target:\n" + target);
        FitSpec fit = load(target, method, population, generations);
        Optimizer o = fit.start();
        List<Double> bestByGeneration = new ArrayList<>();
        while (!o.finished()) {
            generation(fit, o);
            bestByGeneration.add(o.best().loss());
        }
        double[] found = fit.values(o.best().point());
        System.out.printf("FitRecoveryTest %s: after %d generations (%d runs) best loss %.3g at gNa %.3f, gK %.3f; "
                        + "best by generation %s%n", method, o.generation(),
                o.generation() * population * AMPLITUDES.length, o.best().loss(), found[0], found[1], bestByGeneration);
        // within 0.5% of each range
        assertEquals(TRUE_VALUES[0], found[0], 0.4);
        assertEquals(TRUE_VALUES[1], found[1], 0.2);
        assertTrue(o.best().loss() < 1e-4, "loss " + o.best().loss());
    }
}
