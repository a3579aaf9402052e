package org.hhsweep.spark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hhsweep.sim.config.ConfigLoader;
import org.hhsweep.spark.NetworkSweeps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate and sweep with network configs: what validate prints, and a run too large for a task refused by both. */
class NetworkCliTest {
    @TempDir
    Path tmp;

    @Test
    void validatePrintsTheNetworkItsSynapsesAndTheHeapOfARun() throws Exception {
        Path config = Files.writeString(tmp.resolve("net.yaml"), NetworkSweeps.weights("net-small", "0.05 mS/cm^2, 0.1 mS/cm^2, 0.2 mS/cm^2", 1));
        CliTest.Outcome o = CliTest.run(ConfigLoader::load, "validate", config.toString());
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("neurons: 180 (60 per run)\n"), o.out());
        assertTrue(o.out().contains("network: 2 populations (E 40, I 20), 3 synapse groups\n"), o.out());
        // p 0.1 of 40 x 40, 40 x 20 and 20 x 40 pairs
        assertTrue(o.out().contains("synapses: 320 expected per run, each run drawing its own (EE 160, EI 80, IE 80)\n"),
                o.out());
        assertTrue(o.out().matches("(?s).*\nmemory: about [0-9.]+ MiB of heap per run \\(largest run, estimated\\);"
                + " a task here can use [0-9.]+ [MG]iB\n.*"), o.out());
        assertTrue(o.out().contains("swept: " + NetworkSweeps.WEIGHT + " (3 values)\n"), o.out());
        assertTrue(o.out().matches("(?s).*\n  populations +6 rows +[0-9]+ B\n.*"), o.out());
        // 150 ms in 10 ms bins: 15 per run and population
        assertTrue(o.out().matches("(?s).*\n  population_rates +90 rows +[0-9.]+ kB\n.*"), o.out());
    }

    @Test
    void aNetworkRunLargerThanATaskCanHoldIsRefusedByValidateAndSweepBeforeAnythingRuns() throws Exception {
        // two populations of 100,000 at p 0.2: 2e9 synapses per group, tens of GiB
        String yaml = NetworkSweeps.yaml("huge", "").replace("size: 40", "size: 100000").replace("size: 20", "size: 100000")
                .replace("p: 0.1", "p: 0.2");
        Path config = Files.writeString(tmp.resolve("huge.yaml"), yaml);
        Path out = tmp.resolve("huge-out");
        for (String[] args : new String[][] {{"validate", config.toString()},
                {"sweep", config.toString(), "--out", out.toString()}}) {
            CliTest.Outcome o = CliTest.run(ConfigLoader::load, args);
            assertEquals(2, o.status(), args[0] + ": " + o.err());
            assertEquals("", o.out(), args[0] + " prints nothing but the error");
            assertEquals(1, o.errLines().size(), args[0] + ": one line: " + o.err());
            String line = o.errLines().get(0);
            assertTrue(line.startsWith("error: a network run needs about "), line);
            assertTrue(line.contains("GiB of heap, more than the "), line);
            assertTrue(line.contains("use smaller populations, a lower connect p or more memory per executor"
                    + " (--driver-memory SIZE in local mode"), line);
        }
        assertFalse(Files.exists(out), "nothing written");
    }
}
