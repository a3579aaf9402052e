package org.hhsweep.spark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hhsweep.sim.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped configs of the threshold search and the JAX replay through the commands, loaded by
 * the real loader. References are independent of the code: the rheobase intervals of a numpy
 * implementation of the reference algorithm (see ThresholdSearchJobTest) and the tutorial's input
 * values and spike indices as the issue states them.
 */
class SearchAndJaxCliTest {
    private static final Path CONF = Path.of("..", "conf").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    private static CliTest.Outcome run(String... args) {
        return CliTest.run(ConfigLoader::load, args);
    }

    @Test
    void rheobaseConfigPrintsAThresholdPerConductance() {
        CliTest.Outcome v = run("validate", CONF.resolve("rheobase.yaml").toString());
        assertEquals(0, v.status(), v.err());
        assertTrue(v.out().contains("search: smallest stimulus.amplitude in [0 uA/cm^2, 20 uA/cm^2] where "
                + "spike_count >= 1, to 0.01 uA/cm^2 (up to 13 simulations per run)"), v.out());
        assertTrue(v.out().contains("thresholds "), v.out());

        Path out = tmp.resolve("rheobase");
        CliTest.Outcome o = run("sweep", CONF.resolve("rheobase.yaml").toString(), "--out", out.toString());
        assertEquals(0, o.status(), o.err());
        double[][] reference = {{2.908, 2.910}, {4.072, 4.074}, {5.266, 5.268}};
        String[] gK = {"30", "36", "42"};
        for (int i = 0; i < 3; i++) {
            Matcher m = Pattern.compile("model\\.gK = " + gK[i] + " mS/cm\\^2: threshold ([0-9.]+) uA/cm\\^2 \\(failed at ([0-9.]+) uA/cm\\^2\\)")
                    .matcher(o.out());
            assertTrue(m.find(), o.out());
            double threshold = Double.parseDouble(m.group(1));
            double failed = Double.parseDouble(m.group(2));
            assertTrue(threshold - failed <= 0.01 + 1e-9);
            assertTrue(failed < reference[i][1] && reference[i][0] < threshold, o.out());
        }
        assertTrue(o.out().contains("thresholds found: 3; no change in bracket: 0; diverged: 0\n"), o.out());

        CliTest.Outcome q = run("query", out.toString(),
                "SELECT model_gK, status, round(bracket_high - bracket_low, 6) AS width FROM thresholds ORDER BY model_gK",
                "--format", "csv");
        assertEquals("model_gK,status,width\n30.0,ok,0.009766\n36.0,ok,0.009766\n42.0,ok,0.009766\n", q.out(), q.err());
    }

    @Test
    void jaxTutorialConfigReplaysTheTutorialsInputAndSpikes() {
        Path out = tmp.resolve("tutorial-jax");
        CliTest.Outcome o = run("sweep", CONF.resolve("tutorial-jax.yaml").toString(), "--out", out.toString());
        assertEquals(0, o.status(), o.err());
        for (int i = 0; i < 10; i++) {
            assertTrue(o.out().contains("neuron " + i + ": 6 spikes\n"), o.out());
        }
        assertTrue(o.out().contains("mean firing rate: 60.0 Hz\n"), o.out());

        // the values, to the six decimals it gives
        CliTest.Outcome inputs = run("query", out.toString(),
                "SELECT transform(slice(values, 1, 5), x -> round(CAST(x AS DOUBLE), 6)) AS first FROM traces WHERE variable = 'I' AND neuron = 0", "--format", "csv");
        assertEquals("first\n\"[7.548978, 8.090808, 2.635248, 3.363672, 1.996564]\"\n", inputs.out(), inputs.err());
        // spike_ms is the end of the crossing step k, (k+1) dt; the tutorial reports index k - 1
        CliTest.Outcome spikes = run("query", out.toString(),
                "SELECT DISTINCT transform(spike_ms, t -> CAST(round(t / 0.01) AS INT) - 2) AS tutorial_index FROM spikes",
                "--format", "csv");
        assertEquals("tutorial_index\n\"" + List.of(407, 2131, 3876, 5621, 7350, 9150) + "\"\n", spikes.out(), spikes.err());
        CliTest.Outcome seed = run("query", out.toString(), "SELECT DISTINCT seed FROM runs", "--format", "csv");
        assertEquals("seed\n42\n", seed.out(), seed.err());
    }
}
