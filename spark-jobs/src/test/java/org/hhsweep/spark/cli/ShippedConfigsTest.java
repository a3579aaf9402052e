package org.hhsweep.spark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hhsweep.sim.config.ConfigLoader;
import org.hhsweep.spark.TestSweeps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config files shipped in conf/, loaded by the real loader and run through the commands. */
class ShippedConfigsTest {
    private static final Path CONF = Path.of("..", "conf").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    private static CliTest.Outcome run(String... args) {
        return CliTest.run(ConfigLoader::load, args);
    }

    @Test
    void theTutorialPrintsSixSpikesPerNeuronAndSixtyHertz() {
        int expected = TestSweeps.reference().at("/tutorial_random_input_100ms_dt0.01/spike_count_every_neuron").asInt();
        for (String file : List.of("tutorial.yaml", "tutorial.json")) {
            Path out = tmp.resolve(file + "-out");
            CliTest.Outcome o = run("sweep", CONF.resolve(file).toString(), "--out", out.toString());
            assertEquals(0, o.status(), o.err());
            for (int i = 0; i < 10; i++) {
                assertTrue(o.out().contains("neuron " + i + ": " + expected + " spikes\n"), o.out());
            }
            assertTrue(o.out().contains("mean firing rate: 60.0 Hz\n"), o.out());

            CliTest.Outcome q = run("query", out.toString(), "SELECT avg(rate_hz) FROM summaries", "--format", "csv");
            assertEquals("avg(rate_hz)\n60.0\n", q.out(), q.err());
            CliTest.Outcome traces = run("query", out.toString(),
                    "SELECT count(*), min(size(values)) FROM traces WHERE variable = 'V'", "--format", "csv");
            assertEquals("count(1),min(size(values))\n10,10000\n", traces.out(), traces.err());
        }
    }

    @Test
    void theFiCurveGivesTheReferenceSpikeCounts() {
        Path out = tmp.resolve("fi");
        CliTest.Outcome o = run("sweep", CONF.resolve("fi-curve.yaml").toString(), "--out", out.toString());
        assertEquals(0, o.status(), o.err());
        for (JsonNode row : TestSweeps.reference().get("constant_current_1000ms_dt0.01")) {
            double current = row.get("I").asDouble();
            CliTest.Outcome q = run("query", out.toString(),
                    "SELECT spike_count, window_rate_hz FROM summaries WHERE model_gK = 36.0 AND stimulus_amplitude = "
                            + current, "--format", "csv");
            assertEquals(0, q.status(), q.err());
            double windowRate = row.get("spikes_in_500_1000ms").asInt() / 0.5;
            assertEquals("spike_count,window_rate_hz\n" + row.get("spike_count").asInt() + "," + windowRate + "\n",
                    q.out(), "I = " + current);
        }
    }

    @Test
    void everyShippedConfigValidates() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(CONF)) {
            files = s.filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        for (Path file : files) {
            CliTest.Outcome o = run("validate", file.toString());
            assertEquals(0, o.status(), file + ": " + o.err());
            assertTrue(o.out().contains("runs: "), o.out());
        }
    }
}
