package org.hhsweep.sim.record;

import java.util.Arrays;
import org.hhsweep.sim.model.NeuronBlock;

/**
 * Flags a neuron as diverged at the first step whose new V is NaN, infinite or beyond a sane bound
 * (which catches a blown-up gate too, since V follows it within a step). The neuron keeps being
 * integrated, which costs nothing extra, but its statistics are reported as null.
 */
public final class DivergenceGuard implements StepObserver {
    /** |V| above this is not physiology but a step size too large for the scheme. */
    public static final double DEFAULT_BOUND_MV = 1000.0;

    private final double bound;
    private final long[] divergedAt;

    public DivergenceGuard(int size, double bound) {
        this.bound = bound;
        this.divergedAt = new long[size];
        Arrays.fill(divergedAt, -1L);
    }

    @Override
    public void afterStep(long step, NeuronBlock block, double[] vBefore, double[] current) {
        double[] v = block.V;
        for (int i = 0; i < divergedAt.length; i++) {
            // Written so that NaN fails the test: !(|V| <= bound).
            if (!(Math.abs(v[i]) <= bound) && divergedAt[i] < 0) {
                divergedAt[i] = step;
            }
        }
    }

    public boolean diverged(int i) {
        return divergedAt[i] >= 0;
    }

    /** The step at which neuron i diverged, or -1. */
    public long divergedAt(int i) {
        return divergedAt[i];
    }
}
