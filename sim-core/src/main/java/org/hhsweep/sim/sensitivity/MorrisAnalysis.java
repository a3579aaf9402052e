package org.hhsweep.sim.sensitivity;

import java.util.ArrayList;
import java.util.List;
import org.hhsweep.sim.random.RandomStreams;

/**
 * mu_star, its bootstrap interval and sigma from one grid point's outputs of a Morris design. The
 * elementary effect of the parameter moved between points s - 1 and s of a trajectory is
 * (y_s - y_(s-1)) / (+-Delta), Delta in the unit cube (as SALib): an effect in the output's unit
 * per full range of the parameter, so a linear term c x with x in [low, high] has the effect
 * c (high - low) everywhere.
 *
 * <p>An effect needing a null output (NaN here) is left out and counted for its parameter; the
 * trajectory's other effects are kept.
 */
final class MorrisAnalysis {
    private MorrisAnalysis() {
    }

    /**
     * @param y   the outputs by design run, as many as the design has runs ({@link MorrisDesign}), NaN where null
     * @param key the bootstrap's random stream; parameter i resamples from a stream of its own
     */
    static List<SensitivityIndex> indices(MorrisDesign design, List<String> paths, double[] y, long key) {
        int k = design.params();
        List<List<Double>> effects = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            effects.add(new ArrayList<>());
        }
        int[] leftOut = new int[k];
        double delta = design.delta();
        for (int t = 0; t < design.trajectories(); t++) {
            MorrisDesign.Trajectory trajectory = design.trajectory(t);
            for (int s = 1; s <= k; s++) {
                int i = trajectory.moved(s);
                double before = y[design.run(t, s - 1)];
                double after = y[design.run(t, s)];
                if (Double.isNaN(before) || Double.isNaN(after)) {
                    leftOut[i]++;
                } else {
                    effects.get(i).add((after - before) / (trajectory.up()[i] ? delta : -delta));
                }
            }
        }
        List<SensitivityIndex> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            double[] e = effects.get(i).stream().mapToDouble(Double::doubleValue).toArray();
            double conf = Double.NaN;
            if (e.length >= 2) {
                long stream = RandomStreams.streamKey(key, i, RandomStreams.Purpose.BOOTSTRAP);
                double[] resampled = new double[Bootstrap.RESAMPLES];
                for (int r = 0; r < resampled.length; r++) {
                    resampled[r] = ElementaryEffects.muStar(e, Bootstrap.resample(e.length, stream, r));
                }
                conf = Bootstrap.halfWidth(resampled);
            }
            double[] values = {ElementaryEffects.muStar(e), conf, ElementaryEffects.sigma(e)};
            out.add(new SensitivityIndex(paths.get(i), SensitivityMethod.MORRIS, values, e.length, leftOut[i]));
        }
        return out;
    }
}
