package org.hhsweep.spark.readers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.hhsweep.spark.NetworkSweeps;
import org.hhsweep.spark.analysis.AnalysisSweeps;

/**
 * Every kind of output a sweep writes, each run once per test JVM through the sweep command and
 * the real config loader: default (quantised) and lossless traces of every variable, swept
 * doubles, random samples and replicates, diverged neurons (null statistics, empty spike lists,
 * samples no int step holds), neurons without spikes, a network (populations, population rates,
 * a JSON string per run), a threshold search with a bracket that does not change (a null
 * threshold), a sensitivity analysis (null indices of an output that is null in every run) and a
 * fit (fit and fit_predictions, null predictions where a row has no spike).
 */
enum OutputShape {
    TUTORIAL("the tutorial (conf/tutorial.yaml)", AnalysisSweeps::tutorial),
    QUANTISED("a grid with random samples, default trace steps", () -> grid("readers-quantised", "")),
    LOSSLESS("the same grid, lossless traces (quantize: none)", () -> grid("readers-lossless", ", quantize: none")),
    NETWORK("a network swept over a weight, with population rates", () -> AnalysisSweeps.custom("readers-network",
            NetworkSweeps.weights("readers-network", "0.05 mS/cm^2, 0.2 mS/cm^2", 2))),
    SEARCH("a threshold search", () -> AnalysisSweeps.custom("readers-search", String.join("\n",
            "name: readers-search",
            "simulation: {duration: 40 ms, dt: 0.02 ms}",
            "neurons: 2",
            "stimulus: {type: constant, amplitude: 0 uA/cm^2}",
            "sweep:",
            "  grid: {model.gK: [30 mS/cm^2, 36 mS/cm^2]}",
            "  random: {samples: 2, params: {model.gNa: {uniform: [100 mS/cm^2, 140 mS/cm^2]}}}",
            // thresholds of 4.2 to 5.5 uA/cm^2: some runs fail at 5 uA/cm^2 too, a null threshold
            "  search: {param: stimulus.amplitude, from: 1 uA/cm^2, to: 5 uA/cm^2, tolerance: 0.5 uA/cm^2,",
            "           criterion: \"spike_count >= 3\"}",
            ""))),
    SENSITIVITY("a sobol sensitivity analysis over a grid, with null outputs", () -> AnalysisSweeps.custom(
            "readers-sensitivity", String.join("\n",
            "name: readers-sensitivity",
            "simulation: {duration: 20 ms, dt: 0.02 ms}",
            "stimulus: {type: constant, amplitude: 0 uA/cm^2}",
            "sweep:",
            // at 0 uA/cm^2 no run fires: every first_spike_ms null, so every index of it is null
            "  grid: {stimulus.amplitude: [0 uA/cm^2, 10 uA/cm^2]}",
            "  sensitivity: {samples: 4, params: {model.gNa: {uniform: [100 mS/cm^2, 140 mS/cm^2]}},",
            "                outputs: [rate_hz, first_spike_ms]}",
            ""))),
    FIT("a fit: a target row without spikes, so null predictions", OutputShape::fit);

    private final String label;
    private final Supplier<Path> output;

    OutputShape(String label, Supplier<Path> output) {
        this.label = label;
        this.output = output;
    }

    Path output() {
        return output.get();
    }

    @Override
    public String toString() {
        return label;
    }

    /**
     * Gaussian input of mean 0 (no spikes), 10 and 1e7 uA/cm^2 (V leaves any sane range: diverged,
     * and I is beyond 2^31 steps of 1e-4 uA/cm^2) x 2 random gNa x 2 seed replicates, 3 neurons,
     * V, m, h, n and I of 2 neurons traced.
     */
    private static Path grid(String name, String quantize) {
        return AnalysisSweeps.custom(name, String.join("\n",
                "name: " + name,
                "seed: 7",
                "simulation: {duration: 30 ms, dt: 0.01 ms, window: {start: 10 ms, end: 30 ms}}",
                "neurons: 3",
                "stimulus: {type: gaussian, mean: 0 uA/cm^2, sigma: 3 uA/cm^2, shared: false}",
                "sweep:",
                "  grid: {stimulus.mean: [0 uA/cm^2, 10 uA/cm^2, 1e7 uA/cm^2]}",
                "  random: {samples: 2, params: {model.gNa: {uniform: [100 mS/cm^2, 140 mS/cm^2]}}}",
                "  seeds: 2",
                "record: {spikes: true, traces: {variables: [V, m, h, n, I], every: 0.05 ms, neurons: 2" + quantize + "}}",
                ""));
    }

    /** Two generations of a fit whose first target row, at 0 uA/cm^2, has no first spike to predict. */
    private static Path fit() {
        try {
            Path target = Files.createDirectories(Path.of("target", "readers-fit").toAbsolutePath())
                    .resolve("target.csv");
            Files.writeString(target, "stimulus.amplitude,rate_hz,first_spike_ms\n0,0,\n10,70,3.1\n");
            return AnalysisSweeps.custom("readers-fit", String.join("\n",
                    "name: readers-fit",
                    "simulation: {duration: 40 ms, dt: 0.025 ms}",
                    "stimulus: {type: constant}",
                    "fit:",
                    "  target: " + target,
                    "  params: {model.gK: [20 mS/cm^2, 60 mS/cm^2]}",
                    "  optimizer: {population: 3, generations: 2}",
                    ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
