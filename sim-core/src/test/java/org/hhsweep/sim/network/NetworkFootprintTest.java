package org.hhsweep.sim.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hhsweep.sim.SimulationSettings;
import org.hhsweep.sim.integrate.Method;
import org.junit.jupiter.api.Test;

/** The estimate of a network run's heap: its terms, and a magnitude checked by hand for COBAHH. */
class NetworkFootprintTest {

    @Test
    void cobahhAtFullSizeTakesTensOfMegabytes() {
        NetworkSpec spec = Networks.cobaSmall(3200, 800);
        SimulationSettings settings = SimulationSettings.of(0.1, 1000.0, Method.DEFAULT);
        long bytes = NetworkFootprint.bytes(spec, settings, 1.0);
        // by hand: traub_miles has 3 gates and 3 channels (+2 synaptic): 8 (5 + 3 + 10) = 144 B state,
        // 340 B recording, spike times 8 * 2 * (200 + 100) + 64 = 4864 B: 5348 B x 4000 = 21.4 MB;
        // synapses 0.02 x 4000^2 = 320,000 (+ margin) x 4 B and rows: about 1.4 MB; 2 MiB fixed
        assertTrue(bytes > 22_000_000L && bytes < 28_000_000L, NetworkFootprint.describe(bytes));
        long noTimes = NetworkFootprint.bytes(spec, settings.withSpikeTimes(false), Double.NaN);
        assertTrue(noTimes < bytes - 4000L * 4800, NetworkFootprint.describe(noTimes));
        long noRates = NetworkFootprint.bytes(spec, settings, Double.NaN);
        assertEquals(2 * 16 * 1000, bytes - noRates);
    }

    @Test
    void synapsesAndDelaysCount() {
        SimulationSettings settings = SimulationSettings.of(0.1, 100.0, Method.DEFAULT).withSpikeTimes(false);
        NetworkSpec sparse = Networks.cobaSmall(1000, 250);
        NetworkSpec denser = new NetworkSpec(sparse.populations(), sparse.synapses().stream()
                .map(s -> s.withConnect(new ConnectRule.Probability(0.2, true))).toList());
        NetworkSpec delayed = new NetworkSpec(sparse.populations(), sparse.synapses().stream()
                .map(s -> s.withDelay(1.0)).toList());
        long base = NetworkFootprint.bytes(sparse, settings, Double.NaN);
        assertTrue(NetworkFootprint.bytes(denser, settings, Double.NaN) - base > 0.18 * 1250 * 1250 * 4);
        // 10 more ring slots of 4 B per source, for each of the four groups
        assertEquals(10L * 4 * (1000 + 1000 + 250 + 250), NetworkFootprint.bytes(delayed, settings, Double.NaN) - base);
    }

    @Test
    void describesBytesForMessages() {
        assertEquals("512 B", NetworkFootprint.describe(512));
        assertEquals("1.50 KiB", NetworkFootprint.describe(1536));
        assertEquals("320 MiB", NetworkFootprint.describe(320L << 20));
        assertEquals("2.00 GiB", NetworkFootprint.describe(2L << 30));
    }
}
