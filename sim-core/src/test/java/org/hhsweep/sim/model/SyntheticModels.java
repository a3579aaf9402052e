package org.hhsweep.sim.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random HH-type models for tests: every form, powers 1 to 8, instantaneous gates, gates with their
 * own phi, and scales drawn from a few values so that rates share slopes (whole multiples of each
 * other) and the fast kernels' shared exponentials, powers and factors are exercised.
 */
public final class SyntheticModels {
    private static final double[] SCALES = {4, 5, 8, 10, 18, 20, 40, 80};

    private SyntheticModels() {
    }

    public static NeuronModel random(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Channel> channels = new ArrayList<>();
        int count = 1 + r.nextInt(4);
        for (int c = 0; c < count; c++) {
            List<Gate> gates = new ArrayList<>();
            int gateCount = c == 0 ? 1 + r.nextInt(3) : r.nextInt(3);
            for (int g = 0; g < gateCount; g++) {
                gates.add(new Gate("g" + c + "_" + g, 1 + r.nextInt(Gate.MAX_POWER), rate(r), rate(r),
                        r.nextInt(3) == 0 ? r.nextDouble(0.5, 5) : Double.NaN, r.nextInt(6) == 0, Double.NaN));
            }
            channels.add(new Channel("c" + c, r.nextDouble(0.01, 100), r.nextDouble(-90, 60), gates));
        }
        return new NeuronModel(r.nextDouble(0.5, 2), r.nextDouble(-30, 20), r.nextDouble(0.5, 3), channels);
    }

    private static RateFunction rate(SplittableRandom r) {
        RateForm form = RateForm.values()[r.nextInt(RateForm.values().length)];
        double scale = SCALES[r.nextInt(SCALES.length)] * (r.nextBoolean() ? 1 : -1);
        double midpoint = -70 + 5 * r.nextInt(11);
        return new RateFunction(form, r.nextDouble(0.01, 5), midpoint, scale);
    }

    /** The voltages where a model's exp_linear rates have their removable singularities. */
    public static List<Double> singularities(NeuronModel m) {
        List<Double> out = new ArrayList<>();
        for (Gate g : m.gates()) {
            for (RateFunction f : List.of(g.alpha(), g.beta())) {
                if (f.form() == RateForm.EXP_LINEAR) {
                    out.add(f.midpoint());
                }
            }
        }
        return out;
    }
}
