package org.hhsweep.sim.fit;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * A batched ask/tell minimiser over the unit box [0,1]^k: {@link #ask} gives a generation's
 * candidates, the caller evaluates them all (one Spark job), {@link #tell} hands back their losses
 * and moves to the next generation. What it knows is its {@link #state()}, text that {@link
 * FitSpec#resume} turns back into an optimizer that asks exactly what this one would have asked:
 * a fit that saves the state after every generation resumes with the same result as one that never
 * stopped.
 */
public interface Optimizer {

    /** Generations told so far: the number of the generation {@link #ask} gives (0 first). */
    int generation();

    /**
     * This generation's candidates, each a point of [0,1]^k; the same on every call until {@link
     * #tell}.
     */
    double[][] ask();

    /**
     * The losses of {@link #ask}'s candidates, in their order; lower is better. A NaN loss ranks
     * below every number (an infinite one among the numbers), ties rank by candidate index.
     */
    void tell(double[] losses);

    /** Whether asking more is pointless: the budget of generations is spent or the search has collapsed. */
    boolean finished();

    /** The best candidate told so far (lowest finite loss, the first of equals), or null before any. */
    Best best();

    /** The complete state after the last {@link #tell}, as JSON. */
    String state();

    /** Candidate indices from best to worst, as {@link #tell} ranks them: by loss, NaN last, ties by index. */
    static int[] rank(double[] losses) {
        // Double.compare puts NaN above +infinity; a stable sort keeps equal losses in index order
        Comparator<Integer> byLoss = (a, b) -> Double.compare(losses[a], losses[b]);
        return IntStream.range(0, losses.length).boxed().sorted(byLoss).mapToInt(Integer::intValue).toArray();
    }
}
