package org.hhsweep.sim.network;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.hhsweep.sim.SimulationSettings;
import org.hhsweep.sim.integrate.Method;
import org.junit.jupiter.api.Test;

/**
 * A network's step loop allocates nothing, however many spikes it propagates: after warm-up (so
 * the kernels are compiled; the Vector API allocates until C2 compiles them) the thread's
 * allocated bytes over thousands of steps with thousands of spikes delivered stay at a few
 * kilobytes of JVM noise. Spike times are not kept here: keeping them is recording, whose arrays
 * grow by doubling, not propagation.
 */
class NetworkAllocationTest {
    @Test
    void propagatingSpikesAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        SimulationSettings settings = SimulationSettings.of(0.1, 10_000.0, Method.EXP_EULER_FAST).withSpikeTimes(false);
        NetworkSimulation network = new NetworkSimulation(Networks.cobaSmall(400, 100), settings, 5L);
        long k = 0;
        for (; k < 40_000; k++) {
            network.step(k);
        }
        long spikesBefore = spikes(network);
        long before = threads.getCurrentThreadAllocatedBytes();
        for (; k < 60_000; k++) {
            network.step(k);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        long spikes = spikes(network) - spikesBefore;
        assertTrue(spikes > 1000, "the network should fire: " + spikes + " spikes");
        assertTrue(allocated < 64 * 1024, allocated + " bytes allocated over 20,000 steps and " + spikes + " spikes");
    }

    private static long spikes(NetworkSimulation network) {
        long n = 0;
        for (int p = 0; p < 2; p++) {
            n += network.spikeCount(p);
        }
        return n;
    }
}
