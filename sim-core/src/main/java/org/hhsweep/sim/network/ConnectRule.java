package org.hhsweep.sim.network;

import java.io.Serializable;
import org.hhsweep.sim.random.RandomStreams;

/**
 * Which (source, target) pairs of a synapse group are connected, drawn as a pure function of a key
 * ({@link Connectivity#key}): source row s draws from its own stream {@code bits(key, s)}, target
 * column t from {@code bits(key, t)}, so the result does not depend on any order of work.
 * "Autapses" are self-connections, which only exist when a group ends on its own population.
 */
public sealed interface ConnectRule extends Serializable {

    /** The connections among {@code sources} x {@code targets} neurons; {@code recurrent}: the same population. */
    Connectivity connect(int sources, int targets, boolean recurrent, long key);

    /** The number of synapses the rule gives these sizes, on average: for checks before drawing them. */
    double expectedSynapses(int sources, int targets, boolean recurrent);

    /** Whether the rule can connect these sizes, and why not. Null when it can. */
    default String problem(int sources, int targets, boolean recurrent) {
        return null;
    }

    /** Each ordered pair independently with probability p: out-degrees are binomial. */
    record Probability(double p, boolean autapses) implements ConnectRule {
        public Probability {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("a connection probability must be in [0, 1], got " + p);
            }
        }

        @Override
        public double expectedSynapses(int sources, int targets, boolean recurrent) {
            return p * ((double) sources * targets - (recurrent && !autapses ? sources : 0));
        }

        /**
         * Row by row, jumping from one connection to the next by a geometric number of skipped
         * targets: one uniform per synapse instead of one per pair.
         */
        @Override
        public Connectivity connect(int sources, int targets, boolean recurrent, long key) {
            boolean skipSelf = recurrent && !autapses;
            Connectivity.Rows rows = new Connectivity.Rows(sources, targets, expectedSynapses(sources, targets, recurrent));
            double logMiss = Math.log1p(-p);
            for (int s = 0; s < sources; s++) {
                if (p > 0) {
                    long row = RandomStreams.bits(key, s);
                    long counter = 0;
                    int t = -1;
                    while (true) {
                        double skip = p >= 1 ? 0.0 : Math.floor(Math.log1p(-RandomStreams.uniform(row, counter++)) / logMiss);
                        if (!(skip < targets - 1 - t)) {
                            break;
                        }
                        t += 1 + (int) skip;
                        if (!(skipSelf && t == s)) {
                            rows.add(t);
                        }
                    }
                }
                rows.endRow();
            }
            return rows.build();
        }
    }

    /** Each target from exactly k distinct sources chosen uniformly (Floyd's sampling). */
    record InDegree(int k, boolean autapses) implements ConnectRule {
        public InDegree {
            if (k < 0) {
                throw new IllegalArgumentException("an in-degree must be >= 0, got " + k);
            }
        }

        @Override
        public double expectedSynapses(int sources, int targets, boolean recurrent) {
            return (double) k * targets;
        }

        @Override
        public String problem(int sources, int targets, boolean recurrent) {
            int candidates = recurrent && !autapses ? sources - 1 : sources;
            return k > candidates ? "an in-degree of at most " + candidates + " (the sources"
                    + (candidates < sources ? " other than the target itself" : "") + ")" : null;
        }

        @Override
        public Connectivity connect(int sources, int targets, boolean recurrent, long key) {
            String problem = problem(sources, targets, recurrent);
            if (problem != null) {
                throw new IllegalArgumentException("in-degree " + k + " from " + sources + " sources: expected " + problem);
            }
            boolean skipSelf = recurrent && !autapses;
            int candidates = skipSelf ? sources - 1 : sources;
            int[] column = new int[(int) Math.min((long) k * targets, Connectivity.MAX_SYNAPSES + 1L)];
            if ((long) k * targets > Connectivity.MAX_SYNAPSES) {
                throw new IllegalArgumentException(Connectivity.tooMany((long) k * targets));
            }
            // marked[c] == t + 1: candidate c is taken for target t (no clearing between targets)
            int[] marked = new int[candidates];
            int n = 0;
            for (int t = 0; t < targets; t++) {
                long stream = RandomStreams.bits(key, t);
                long counter = 0;
                for (int j = candidates - k; j < candidates; j++) {
                    int c = (int) (RandomStreams.uniform(stream, counter++) * (j + 1));
                    if (marked[c] == t + 1) {
                        c = j;
                    }
                    marked[c] = t + 1;
                    column[n++] = skipSelf && c >= t ? c + 1 : c;
                }
            }
            return Connectivity.fromColumns(sources, targets, k, column);
        }
    }

    /** Source i to target i; the populations must be of one size. */
    record OneToOne() implements ConnectRule {
        @Override
        public double expectedSynapses(int sources, int targets, boolean recurrent) {
            return sources;
        }

        @Override
        public String problem(int sources, int targets, boolean recurrent) {
            return sources != targets ? "populations of one size (one_to_one pairs source i with target i)" : null;
        }

        @Override
        public Connectivity connect(int sources, int targets, boolean recurrent, long key) {
            String problem = problem(sources, targets, recurrent);
            if (problem != null) {
                throw new IllegalArgumentException("one_to_one from " + sources + " to " + targets + ": expected " + problem);
            }
            Connectivity.Rows rows = new Connectivity.Rows(sources, targets, expectedSynapses(sources, targets, recurrent));
            for (int s = 0; s < sources; s++) {
                rows.add(s);
                rows.endRow();
            }
            return rows.build();
        }
    }

    /** Every source to every target. */
    record AllToAll(boolean autapses) implements ConnectRule {
        @Override
        public double expectedSynapses(int sources, int targets, boolean recurrent) {
            return (double) sources * targets - (recurrent && !autapses ? sources : 0);
        }

        @Override
        public Connectivity connect(int sources, int targets, boolean recurrent, long key) {
            boolean skipSelf = recurrent && !autapses;
            double count = expectedSynapses(sources, targets, recurrent);
            if (count > Connectivity.MAX_SYNAPSES) {
                throw new IllegalArgumentException(Connectivity.tooMany((long) count));
            }
            Connectivity.Rows rows = new Connectivity.Rows(sources, targets, expectedSynapses(sources, targets, recurrent));
            for (int s = 0; s < sources; s++) {
                for (int t = 0; t < targets; t++) {
                    if (!(skipSelf && t == s)) {
                        rows.add(t);
                    }
                }
                rows.endRow();
            }
            return rows.build();
        }
    }
}
