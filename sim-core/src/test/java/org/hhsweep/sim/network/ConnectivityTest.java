package org.hhsweep.sim.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Connections are a pure function of (run seed, group), have the statistics their rule promises,
 * and are held as sorted compressed rows.
 */
class ConnectivityTest {
    private static final long KEY = Connectivity.key(1234L, 0);

    @Test
    void probabilityGivesBinomialDegreesAroundTheirMean() {
        int n = 3200;
        double p = 0.02;
        Connectivity c = new ConnectRule.Probability(p, true).connect(n, n, true, KEY);
        double mean = n * p;
        double sd = Math.sqrt(n * p * (1 - p));
        // the total over n*n pairs: within 5 sd of its binomial mean
        double total = (double) n * n * p;
        assertEquals(total, c.synapses(), 5 * Math.sqrt(total * (1 - p)));
        double sum = 0;
        double sumSq = 0;
        for (int s = 0; s < n; s++) {
            int d = c.outDegree(s);
            sum += d;
            sumSq += (double) d * d;
        }
        double m = sum / n;
        double v = sumSq / n - m * m;
        assertEquals(mean, m, 5 * sd / Math.sqrt(n));
        assertEquals(sd * sd, v, 0.15 * sd * sd, "out-degree variance");
        assertRowsSorted(c);
        // the in-degrees too: the draw is by row, but no column is favoured
        int[] in = c.inDegrees();
        assertEquals(mean, Arrays.stream(in).average().orElseThrow(), 5 * sd / Math.sqrt(n));
    }

    @Test
    void probabilityZeroAndOneAreNoneAndAll() {
        assertEquals(0, new ConnectRule.Probability(0, true).connect(50, 40, false, KEY).synapses());
        Connectivity all = new ConnectRule.Probability(1, true).connect(50, 40, false, KEY);
        assertEquals(2000, all.synapses());
        assertEquals(50 * 49, new ConnectRule.Probability(1, false).connect(50, 50, true, KEY).synapses());
    }

    @Test
    void inDegreeIsExactAndSourcesDistinct() {
        int sources = 500;
        int targets = 300;
        int k = 40;
        Connectivity c = new ConnectRule.InDegree(k, true).connect(sources, targets, false, KEY);
        assertEquals(k * targets, c.synapses());
        int[] in = c.inDegrees();
        for (int t = 0; t < targets; t++) {
            assertEquals(k, in[t], "target " + t);
        }
        // distinct: a target appears at most once per row
        assertRowsSorted(c);
        // every source about equally often
        double mean = (double) k * targets / sources;
        double max = 0;
        for (int s = 0; s < sources; s++) {
            max = Math.max(max, c.outDegree(s));
        }
        assertTrue(max < mean + 6 * Math.sqrt(mean), "max out-degree " + max + " for mean " + mean);
    }

    @Test
    void inDegreeMayTakeEverySource() {
        Connectivity c = new ConnectRule.InDegree(30, false).connect(31, 31, true, KEY);
        assertEquals(30 * 31, c.synapses());
        assertNoAutapses(c);
        assertThrows(IllegalArgumentException.class, () -> new ConnectRule.InDegree(31, false).connect(31, 31, true, KEY));
        assertThrows(IllegalArgumentException.class, () -> new ConnectRule.InDegree(32, true).connect(31, 40, false, KEY));
    }

    @Test
    void oneToOnePairsEqualIndices() {
        Connectivity c = new ConnectRule.OneToOne().connect(7, 7, false, KEY);
        for (int s = 0; s < 7; s++) {
            assertEquals(1, c.outDegree(s));
            assertEquals(s, c.target[c.rowStart[s]]);
        }
        assertThrows(IllegalArgumentException.class, () -> new ConnectRule.OneToOne().connect(7, 8, false, KEY));
    }

    @Test
    void allToAllAndAutapses() {
        assertEquals(12, new ConnectRule.AllToAll(true).connect(3, 4, false, KEY).synapses());
        assertEquals(16, new ConnectRule.AllToAll(true).connect(4, 4, true, KEY).synapses());
        Connectivity c = new ConnectRule.AllToAll(false).connect(4, 4, true, KEY);
        assertEquals(12, c.synapses());
        assertNoAutapses(c);
        // between two populations index i to i is no self-connection
        assertEquals(16, new ConnectRule.AllToAll(false).connect(4, 4, false, KEY).synapses());
    }

    @Test
    void noAutapsesMeansNoSelfPairs() {
        Connectivity p = new ConnectRule.Probability(0.3, false).connect(400, 400, true, KEY);
        assertNoAutapses(p);
        Connectivity k = new ConnectRule.InDegree(20, false).connect(400, 400, true, KEY);
        assertNoAutapses(k);
        // with autapses some self pairs exist at p = 0.3 (about 120)
        Connectivity with = new ConnectRule.Probability(0.3, true).connect(400, 400, true, KEY);
        int self = 0;
        for (int s = 0; s < 400; s++) {
            for (int q = with.rowStart[s]; q < with.rowStart[s + 1]; q++) {
                self += with.target[q] == s ? 1 : 0;
            }
        }
        assertTrue(self > 60 && self < 200, self + " self pairs");
    }

    @Test
    void sameKeySameConnectionsOtherGroupOrSeedOthers() {
        for (ConnectRule rule : new ConnectRule[] {new ConnectRule.Probability(0.05, true),
                new ConnectRule.InDegree(10, false)}) {
            Connectivity a = rule.connect(300, 300, true, Connectivity.key(99L, 2));
            Connectivity b = rule.connect(300, 300, true, Connectivity.key(99L, 2));
            assertArrayEquals(a.rowStart, b.rowStart);
            assertArrayEquals(a.target, b.target);
            Connectivity otherGroup = rule.connect(300, 300, true, Connectivity.key(99L, 3));
            Connectivity otherSeed = rule.connect(300, 300, true, Connectivity.key(100L, 2));
            assertFalse(Arrays.equals(a.target, otherGroup.target) && Arrays.equals(a.rowStart, otherGroup.rowStart));
            assertFalse(Arrays.equals(a.target, otherSeed.target) && Arrays.equals(a.rowStart, otherSeed.rowStart));
        }
    }

    @Test
    void aNetworksConnectionsDependOnTheRunSeedAlone() {
        NetworkSpec spec = Networks.cobaSmall(200, 50);
        var first = NetworkSimulation.connect(spec, 5L);
        var again = NetworkSimulation.connect(spec, 5L);
        for (int s = 0; s < first.size(); s++) {
            assertArrayEquals(first.get(s).rowStart, again.get(s).rowStart);
            assertArrayEquals(first.get(s).target, again.get(s).target);
        }
        // EE and II are both p = 0.02 recurrent groups of different sizes; EI and EE share a source
        assertFalse(Arrays.equals(first.get(0).target, first.get(1).target));
    }

    private static void assertRowsSorted(Connectivity c) {
        for (int s = 0; s < c.sources; s++) {
            for (int q = c.rowStart[s] + 1; q < c.rowStart[s + 1]; q++) {
                assertTrue(c.target[q - 1] < c.target[q], "row " + s + " not strictly increasing");
            }
        }
    }

    private static void assertNoAutapses(Connectivity c) {
        for (int s = 0; s < c.sources; s++) {
            for (int q = c.rowStart[s]; q < c.rowStart[s + 1]; q++) {
                assertTrue(c.target[q] != s, "self pair at " + s);
            }
        }
    }
}
