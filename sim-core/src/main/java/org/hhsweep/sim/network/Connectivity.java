package org.hhsweep.sim.network;

import java.util.Arrays;
import org.hhsweep.sim.random.RandomStreams;

/**
 * The synapses of one group as compressed sparse rows: the targets of source s are
 * {@code target[rowStart[s]] .. target[rowStart[s + 1] - 1]}, in increasing order. What a spike of
 * source s reaches is one contiguous run of this array, which may be longer than {@link #synapses()}:
 * it is not copied to its exact length when that would hold two copies of a large group at once.
 */
public final class Connectivity {
    /** The most synapses one group holds: the longest Java array. */
    public static final int MAX_SYNAPSES = Integer.MAX_VALUE - 8;

    public final int sources;
    public final int targets;
    public final int[] rowStart;
    public final int[] target;

    private Connectivity(int sources, int targets, int[] rowStart, int[] target) {
        this.sources = sources;
        this.targets = targets;
        this.rowStart = rowStart;
        this.target = target;
    }

    /**
     * The key a group's connections are drawn from: the run's seed and the group's index in the
     * network alone, so a run's network is the same on any machine, partition or replay.
     */
    public static long key(long runSeed, int group) {
        return RandomStreams.streamKey(runSeed, group, RandomStreams.Purpose.CONNECTIVITY);
    }

    public int synapses() {
        return rowStart[sources];
    }

    public int outDegree(int source) {
        return rowStart[source + 1] - rowStart[source];
    }

    /** How many synapses end on each target. */
    public int[] inDegrees() {
        int[] in = new int[targets];
        for (int j = 0; j < synapses(); j++) {
            in[target[j]]++;
        }
        return in;
    }

    static String tooMany(long count) {
        return count + " synapses in one group, more than the " + MAX_SYNAPSES + " it can hold";
    }

    /**
     * The rows of connections given column by column: target t's {@code perTarget} sources at
     * {@code source[t * perTarget ..]}. Filling rows in order of t keeps each row sorted.
     */
    static Connectivity fromColumns(int sources, int targets, int perTarget, int[] source) {
        int[] rowStart = new int[sources + 1];
        for (int s : source) {
            rowStart[s + 1]++;
        }
        for (int s = 0; s < sources; s++) {
            rowStart[s + 1] += rowStart[s];
        }
        int[] next = Arrays.copyOf(rowStart, sources);
        int[] target = new int[source.length];
        for (int j = 0; j < source.length; j++) {
            target[next[source[j]]++] = j / perTarget;
        }
        return new Connectivity(sources, targets, rowStart, target);
    }

    /**
     * Rows built one source after another, into an array sized for the expected count and a margin
     * of {@link NetworkFootprint#SYNAPSE_SIGMAS} standard deviations, so a large group is held once: growing by doubling and trimming
     * at the end held up to three times its size (a 4 GB heap then failed at 150,000 COBAHH cells).
     */
    static final class Rows {
        private final int sources;
        private final int targets;
        private final int[] rowStart;
        private int[] target;
        private int n;
        private int row;

        Rows(int sources, int targets, double expected) {
            this.sources = sources;
            this.targets = targets;
            this.rowStart = new int[sources + 1];
            target = new int[(int) Math.min(MAX_SYNAPSES,
                    Math.ceil(expected + NetworkFootprint.SYNAPSE_SIGMAS * Math.sqrt(expected)) + 16)];
        }

        void add(int t) {
            if (n == target.length) {
                if (n == MAX_SYNAPSES) {
                    throw new IllegalArgumentException(tooMany(n + 1L));
                }
                target = Arrays.copyOf(target, (int) Math.min(n + (n >> 2) + 16L, MAX_SYNAPSES));
            }
            target[n++] = t;
        }

        void endRow() {
            rowStart[++row] = n;
        }

        Connectivity build() {
            if (row != sources) {
                throw new IllegalStateException(row + " rows of " + sources);
            }
            // trimmed only when the slack is large: a copy would hold the group twice for a moment
            boolean trim = target.length - n > (n >> 3) + 1024;
            return new Connectivity(sources, targets, rowStart, trim ? Arrays.copyOf(target, n) : target);
        }
    }
}
