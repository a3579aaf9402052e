package org.hhsweep.sim.sweep;

import java.io.Serializable;

/**
 * A threshold search (sweep.search): for every run of a sweep, the smallest value of one
 * sweepable scalar in [from, to] at which a criterion on the run's neurons holds, found by
 * bisection until the bracket is at most {@code tolerance} wide. Values are in the engine unit of
 * the path.
 */
public record SearchSpec(String path, double from, double to, double tolerance, Criterion criterion)
        implements Serializable {

    /** Bisection cannot split a bracket further than this many times in double precision. */
    static final int MAX_BISECTIONS = 1100;

    public SearchSpec {
        if (!(Double.isFinite(from) && Double.isFinite(to) && from < to)) {
            throw new IllegalArgumentException("a search needs finite from < to, got [" + from + ", " + to + "]");
        }
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("a search needs a positive tolerance, got " + tolerance);
        }
    }

    /** Halvings of [from, to] until it is at most the tolerance wide. */
    public int bisections() {
        int n = 0;
        for (double width = to - from; width > tolerance && n < MAX_BISECTIONS; width /= 2) {
            n++;
        }
        return n;
    }

    /** Simulations of one search that finds a threshold: the two ends, then every bisection. */
    public int probes() {
        return 2 + bisections();
    }
}
