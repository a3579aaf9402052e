package org.hhsweep.spark.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.hhsweep.sim.config.ConfigLoader;
import org.hhsweep.spark.SparkTestSession;
import org.hhsweep.spark.TestSweeps;
import org.hhsweep.spark.cli.Cli;
import org.hhsweep.spark.io.OutputDirectory;
import org.hhsweep.spark.io.TableViews;
import org.hhsweep.spark.io.Tables;

/**
 * Real sweeps for the plot and report tests, each run once per test JVM through the sweep command
 * with the real config loader (so manifests hold real resolved configs): the tutorial
 * (conf/tutorial.yaml), an f-I grid over the reference table's constant currents, and a noisy
 * two-parameter grid with seed replicates, traces and an analysis window.
 */
public final class AnalysisSweeps {
    static final Path CONF = Path.of("..", "conf").toAbsolutePath().normalize();
    private static final Path ROOT = Path.of("target", "analysis-test").toAbsolutePath();
    private static boolean cleaned;
    private static Path tutorial;
    private static Path fiGrid;
    private static Path noisy;

    /** What a command printed and returned. */
    record Outcome(int status, String out, String err) {
    }

    private AnalysisSweeps() {
    }

    static Outcome cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = new Cli(ConfigLoader::load, SparkTestSession.FACTORY, o, e).run(args);
        }
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A fresh directory for a test's files, below target/. */
    static synchronized Path scratch(String name) {
        Path dir = root().resolve("scratch").resolve(name);
        delete(dir);
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** conf/tutorial.yaml: 10 neurons, 100 ms, shared uniform input, V traced every step. */
    public static synchronized Path tutorial() {
        if (tutorial == null) {
            tutorial = sweep(CONF.resolve("tutorial.yaml"), "tutorial");
        }
        return tutorial;
    }

    /**
     * One neuron per constant current of the reference table x gK in {30, 36} mS/cm^2, 1000 ms,
     * window 500..1000 ms (the reference's window), spikes kept, no traces.
     */
    static synchronized Path fiGrid() {
        if (fiGrid == null) {
            List<String> currents = new ArrayList<>();
            for (JsonNode row : TestSweeps.reference().get("constant_current_1000ms_dt0.01")) {
                currents.add(row.get("I").asDouble() + " uA/cm^2");
            }
            fiGrid = sweep(config("fi-grid.yaml", String.join("\n",
                    "name: fi-grid",
                    "seed: 1",
                    "simulation: {duration: 1000 ms, dt: 0.01 ms, method: exp_euler, window: {start: 500 ms, end: 1000 ms}}",
                    "neurons: 1",
                    "stimulus: {type: constant}",
                    "sweep:",
                    "  grid:",
                    "    stimulus.amplitude: [" + String.join(", ", currents) + "]",
                    "    model.gK: [30 mS/cm^2, 36 mS/cm^2]",
                    "record: {spikes: true}",
                    "")), "fi-grid");
        }
        return fiGrid;
    }

    /**
     * Gaussian noise of mean 4, 8, 12 uA/cm^2 (own stream per neuron) x gK in {30, 36}, 2 seed
     * replicates of 3 neurons, 200 ms with window 50..200 ms, V of neuron 0 traced every 0.1 ms.
     */
    static synchronized Path noisy() {
        if (noisy == null) {
            noisy = sweep(config("noisy-grid.yaml", String.join("\n",
                    "name: noisy-grid",
                    "seed: 11",
                    "simulation: {duration: 200 ms, dt: 0.01 ms, window: {start: 50 ms, end: 200 ms}}",
                    "neurons: 3",
                    "stimulus: {type: gaussian, mean: 0 uA/cm^2, sigma: 4 uA/cm^2, shared: false}",
                    "sweep:",
                    "  grid:",
                    "    stimulus.mean: [4 uA/cm^2, 8 uA/cm^2, 12 uA/cm^2]",
                    "    model.gK: [30 mS/cm^2, 36 mS/cm^2]",
                    "  seeds: 2",
                    "record: {spikes: true, traces: {variables: [V], every: 0.1 ms, neurons: 1}}",
                    "")), "noisy-grid");
        }
        return noisy;
    }

    /** A sweep of the given YAML config, run once per call into target/analysis-test/NAME. */
    public static synchronized Path custom(String name, String yaml) {
        return sweep(config(name + ".yaml", yaml), name);
    }

    /** The output as the plots see it, its tables registered in the shared session. */
    static SweepOutput open(Path dir) {
        try {
            SparkSession session = SparkTestSession.get();
            org.apache.hadoop.fs.Path d = OutputDirectory.resolve(dir.toString());
            List<String> tables = new ArrayList<>();
            for (String t : Tables.NAMES) {
                session.catalog().dropTempView(t);
                if (Files.isDirectory(dir.resolve(t))) {
                    TableViews.read(session, new org.apache.hadoop.fs.Path(dir.resolve(t).toUri()), t).createOrReplaceTempView(t);
                    tables.add(t);
                }
            }
            return new SweepOutput(session, d, SweepOutput.readManifest(d, new Configuration()), tables);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path config(String file, String text) {
        try {
            Path dir = Files.createDirectories(root().resolve("configs"));
            return Files.writeString(dir.resolve(file), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path sweep(Path config, String name) {
        Path out = root().resolve(name);
        Outcome o = cli("sweep", config.toString(), "--out", out.toString(), "--overwrite");
        assertEquals(0, o.status(), o.err() + o.out());
        return out;
    }

    private static synchronized Path root() {
        if (!cleaned) {
            delete(ROOT);
            cleaned = true;
        }
        return ROOT;
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
