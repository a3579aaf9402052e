package org.hhsweep.sim.sensitivity;

import java.io.Serializable;
import org.hhsweep.sim.random.RandomStreams;

/**
 * Morris' one-at-a-time design (Morris 1991, "Factorial sampling plans for preliminary
 * computational experiments", Technometrics 33, 161-174): r trajectories of k + 1 points on a grid
 * of p levels {0, 1/(p-1), ..., 1} of the unit cube. A trajectory starts at a random grid point
 * and moves each parameter once, in a random order, by Delta = p / (2 (p - 1)) up or down (the
 * direction random too), so consecutive points differ in one parameter and give one elementary
 * effect of it. Design run d is point {@code d % (k + 1)} of trajectory {@code d / (k + 1)}.
 *
 * <p>Trajectories are drawn independently, each from its own random stream of the sweep seed
 * (Morris' random orientation B*); Campolongo et al.'s selection of spread-out trajectories from a
 * larger pool is not done. A trajectory is computed from its index alone.
 */
public final class MorrisDesign implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final int DEFAULT_LEVELS = 4;
    public static final int MAX_LEVELS = 1024;

    private final int params;
    private final int trajectories;
    private final int levels;
    private final long key;

    /**
     * @param levels p, even, from 2 to {@link #MAX_LEVELS}
     * @param key    the random stream the trajectories are drawn from
     */
    public MorrisDesign(int params, int trajectories, int levels, long key) {
        if (params < 1 || trajectories < 2) {
            throw new IllegalArgumentException("a Morris design needs a parameter and two trajectories, got " + params
                    + " and " + trajectories);
        }
        if (levels < 2 || levels > MAX_LEVELS || levels % 2 != 0) {
            throw new IllegalArgumentException("Morris levels must be even, from 2 to " + MAX_LEVELS + ", got " + levels);
        }
        this.params = params;
        this.trajectories = trajectories;
        this.levels = levels;
        this.key = key;
    }

    public int params() {
        return params;
    }

    public int trajectories() {
        return trajectories;
    }

    public int levels() {
        return levels;
    }

    /** r (k + 1). */
    public int runs() {
        return trajectories * (params + 1);
    }

    /** The step of a move in the unit cube, p / (2 (p - 1)). */
    public double delta() {
        return (levels / 2) / (double) (levels - 1);
    }

    /** The design run of point {@code point} (0..k) of trajectory {@code trajectory}. */
    public int run(int trajectory, int point) {
        return trajectory * (params + 1) + point;
    }

    /** One trajectory: where it starts and which way each parameter moves, in which order. */
    public record Trajectory(int[] low, boolean[] up, int[] order) {
        /** The parameter that moves between point {@code step - 1} and point {@code step} (1..k). */
        public int moved(int step) {
            return order[step - 1];
        }
    }

    /** Trajectory t: its parameters' lower levels (0 .. p/2 - 1), directions and order of moves. */
    public Trajectory trajectory(int t) {
        if (t < 0 || t >= trajectories) {
            throw new IndexOutOfBoundsException("trajectory " + t + " of " + trajectories);
        }
        long stream = RandomStreams.streamKey(RandomStreams.runSeed(key, t), RandomStreams.SHARED,
                RandomStreams.Purpose.SENSITIVITY);
        int[] low = new int[params];
        boolean[] up = new boolean[params];
        int[] order = new int[params];
        int half = levels / 2;
        for (int i = 0; i < params; i++) {
            low[i] = (int) (RandomStreams.uniform(stream, i) * half);
            up[i] = RandomStreams.uniform(stream, params + i) < 0.5;
            order[i] = i;
        }
        // Fisher-Yates
        for (int i = params - 1; i > 0; i--) {
            int j = (int) (RandomStreams.uniform(stream, 2L * params + i) * (i + 1));
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return new Trajectory(low, up, order);
    }

    /** The design run's point in [0, 1]^k, on the grid of p levels. */
    public double[] unitPoint(int run) {
        if (run < 0 || run >= runs()) {
            throw new IndexOutOfBoundsException("design run " + run + " of " + runs());
        }
        Trajectory t = trajectory(run / (params + 1));
        int step = run % (params + 1);
        boolean[] moved = new boolean[params];
        for (int s = 1; s <= step; s++) {
            moved[t.moved(s)] = true;
        }
        double[] out = new double[params];
        int half = levels / 2;
        for (int i = 0; i < params; i++) {
            // up: low level, then low + p/2; down: the other way round
            boolean high = t.up()[i] == moved[i];
            out[i] = (t.low()[i] + (high ? half : 0)) / (double) (levels - 1);
        }
        return out;
    }
}
