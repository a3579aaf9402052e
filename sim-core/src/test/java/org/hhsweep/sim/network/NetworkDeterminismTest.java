package org.hhsweep.sim.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hhsweep.sim.SimulationSettings;
import org.hhsweep.sim.integrate.Method;
import org.hhsweep.sim.stats.NeuronStatistics;
import org.junit.jupiter.api.Test;

/** A network run is a function of its spec, settings and run seed: twice the same run, the same bits. */
class NetworkDeterminismTest {

    @Test
    void theSameRunTwiceGivesTheSameBits() {
        NetworkSpec spec = Networks.cobaSmall(400, 100);
        SimulationSettings settings = SimulationSettings.of(0.01, 50.0, Method.DEFAULT);
        NetworkResult a = NetworkSimulation.run(spec, settings, 11L);
        NetworkResult b = NetworkSimulation.run(spec, settings, 11L);
        assertEquals(a.synapses(), b.synapses());
        for (String p : a.populations().keySet()) {
            NetworkMatchesSimulatorTest.assertSame(a.population(p), b.population(p), p);
        }
        int spikes = 0;
        for (NeuronStatistics s : a.population("E").statistics()) {
            spikes += s.spikeCount();
        }
        assertTrue(spikes > 0, "the network is silent");
        NetworkResult other = NetworkSimulation.run(spec, settings, 12L);
        assertNotEquals(a.synapses(), other.synapses());
    }

    @Test
    void refractoryPeriodSpacesSpikes() {
        NetworkSpec spec = Networks.cobaSmall(400, 100);
        NetworkResult r = NetworkSimulation.run(spec, SimulationSettings.of(0.01, 50.0, Method.DEFAULT), 11L);
        for (double[] times : r.population("E").spikeTimes()) {
            for (int j = 1; j < times.length; j++) {
                assertTrue(times[j] - times[j - 1] >= 3.0 - 1e-9, "ISI " + (times[j] - times[j - 1]));
            }
        }
    }
}
