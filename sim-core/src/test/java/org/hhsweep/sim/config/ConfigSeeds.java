package org.hhsweep.sim.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Valid configs for ConfigMutator to break: the shipped ones and a few using the other features. */
public final class ConfigSeeds {
    private ConfigSeeds() {
    }

    /**
     * A valid config to mutate.
     *
     * @param dir the directory its relative paths (fit.target, model.file) resolve against: conf/
     *            for a shipped one, the working directory for an inline one
     */
    public record Seed(String name, String text, Path dir) {
        Seed(String name, String text) {
            this(name, text, Path.of("").toAbsolutePath());
        }

        public boolean json() {
            return name.endsWith(".json");
        }
    }

    /** Valid configs using what the shipped ones do not: other stimuli, sampling, rk4, windows, gates traced. */
    private static final List<Seed> INLINE = List.of(
            new Seed("pulse.yaml", """
                    name: pulse
                    simulation: {duration: 50 ms, dt: 0.025 ms, method: rk4, window: {start: 10 ms, end: 50 ms}}
                    model: {gNa: 120 mS/cm^2, gK: 36 mS/cm^2, C: 1 uF/cm^2}
                    initial: {V: -65 mV}
                    neurons: 3
                    stimulus: {type: pulse, onset: 5 ms, duration: 2 ms, amplitude: 20 uA/cm^2, period: 10 ms}
                    sweep:
                      grid:
                        stimulus.amplitude: [5 uA/cm^2, 10 uA/cm^2]
                        simulation.dt: {from: 0.01 ms, to: 0.05 ms, step: 0.04 ms}
                      seeds: 2
                    record: {traces: {variables: [V, m, h, n, I], every: 0.05 ms, neurons: 2}, spikes: true}
                    execution: {chunk_runs: 2, block_neurons: 64}
                    """),
            new Seed("sampled.yaml", """
                    seed: 3
                    simulation: {duration: 30 ms}
                    stimulus: {type: ou, mean: 8 uA/cm^2, sigma: 2 uA/cm^2, tau: 5 ms}
                    sweep:
                      random:
                        samples: 4
                        params:
                          model.gNa: {uniform: [100 mS/cm^2, 140 mS/cm^2]}
                          initial.V: {normal: [-65 mV, 1 mV]}
                          model.gL: {loguniform: [0.1 mS/cm^2, 0.5 mS/cm^2]}
                      grid:
                        stimulus.tau: [2 ms, 5 ms]
                    """),
            new Seed("ramp.json", """
                    {"name": "ramp", "simulation": {"duration": "20 ms", "dt": "0.01 ms"},
                     "stimulus": {"type": "ramp", "onset": "1 ms", "duration": "10 ms",
                                  "from": "0 uA/cm^2", "to": "15 uA/cm^2"},
                     "sweep": {"grid": {"model.gK": ["30 mS/cm^2", "36 mS/cm^2"]}},
                     "record": {"traces": {"variables": "V", "every": "0.1 ms"}}}
                    """),
            new Seed("gaussian.yaml", """
                    simulation: {duration: 10 ms, dt: 0.02 ms}
                    neurons: 4
                    stimulus: {type: gaussian, mean: 6 uA/cm^2, sigma: 1 uA/cm^2, shared: true}
                    record: {traces: true, spikes: false}
                    """));

    /** The shipped configs (conf/) and the inline ones. */
    public static List<Seed> all() {
        Path conf = Path.of("..", "conf").toAbsolutePath().normalize();
        List<Seed> seeds = new ArrayList<>();
        try (Stream<Path> files = Files.list(conf)) {
            for (Path f : files.filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList()) {
                seeds.add(new Seed(f.getFileName().toString(), Files.readString(f), conf));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        seeds.addAll(INLINE);
        return seeds;
    }
}
