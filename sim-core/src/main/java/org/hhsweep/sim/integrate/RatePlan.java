package org.hhsweep.sim.integrate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hhsweep.sim.model.RateForm;

/**
 * How the fast kernels get a model's rates from as few exponentials as its numbers allow, found
 * from the data once per model. Every rate needs E(a) of its argument a = sign (V - midpoint) /
 * scale (see {@link RateForm}). Arguments are computed per <em>slot</em> as (V - midpoint) * slope;
 * a slot yields e^a, a/(e^a - 1), or both from one range reduction. An exp_linear rate has a slot
 * of its own (its a/(e^a - 1) cannot be recovered from a shared exponential near a = 0 without
 * cancellation). An exponential or sigmoid rate whose slope is p times a slot's, for a whole p up to
 * {@link #MAX_SHARED_POWER}, takes e^a = (slot's e^a)^p times a constant e^{slope (m_slot - m)},
 * when that constant is within e^{+-MAX_SHIFT}. Rates are taken smallest slope first, so the slot
 * with the smallest slope of a family serves the others as powers.
 *
 * <p>For the tutorial's model this finds e^{-(V+40)/10} (m_alpha's slot) for h_beta and the fourth
 * power of n_beta's e^{-(V+65)/80} for h_alpha: four exponentials for six rates.
 */
final class RatePlan {
    static final int MAX_SHARED_POWER = 8;
    static final double MAX_SHIFT = 20.0;

    final Kinetics kinetics;
    final int slots;
    final double[] slotMidpoint;
    final double[] slotSlope;
    final boolean[] slotExp;
    final boolean[] slotInverse;
    /** Per rate r: its slot, the power of the slot's e^a, the constant factor, and phi * rate. */
    final int[] source;
    final int[] power;
    final double[] factor;
    final double[] multiplier;

    private record Slot(double midpoint, double sign, double scale, boolean[] uses) {
        double slope() {
            return sign / scale;
        }
    }

    RatePlan(Kinetics k) {
        this.kinetics = k;
        int rates = 2 * k.gates;
        source = new int[rates];
        power = new int[rates];
        factor = new double[rates];
        multiplier = new double[rates];
        List<Slot> found = new ArrayList<>();
        List<boolean[]> uses = new ArrayList<>(); // [exp, inverse]
        for (int r = 0; r < rates; r++) {
            multiplier[r] = k.phi[r / 2] * k.rate[r];
            factor[r] = 1.0;
            power[r] = 1;
            if (k.form[r].inverseExprel()) {
                int s = indexOf(found, k.midpoint[r], k.form[r].sign(), k.scale[r]);
                if (s < 0) {
                    s = found.size();
                    found.add(new Slot(k.midpoint[r], k.form[r].sign(), k.scale[r], new boolean[2]));
                }
                found.get(s).uses()[1] = true;
                source[r] = s;
            }
        }
        List<Integer> byExp = new ArrayList<>();
        for (int r = 0; r < rates; r++) {
            if (!k.form[r].inverseExprel()) {
                byExp.add(r);
            }
        }
        byExp.sort(Comparator.comparingDouble(r -> Math.abs(k.form[r].sign() / k.scale[r])));
        for (int r : byExp) {
            double sign = k.form[r].sign();
            int best = -1;
            int bestPower = 0;
            double bestShift = 0;
            for (int s = 0; s < found.size(); s++) {
                Slot slot = found.get(s);
                // slope_r = p slope_s  <=>  sign_r scale_s = p sign_s scale_r, exact for whole-number scales
                for (int p = 1; p <= MAX_SHARED_POWER; p++) {
                    if (sign * slot.scale() == p * slot.sign() * k.scale[r]) {
                        double shift = (sign / k.scale[r]) * (slot.midpoint() - k.midpoint[r]);
                        if (Math.abs(shift) <= MAX_SHIFT && (best < 0 || p < bestPower
                                || (p == bestPower && Math.abs(shift) < Math.abs(bestShift)))) {
                            best = s;
                            bestPower = p;
                            bestShift = shift;
                        }
                        break;
                    }
                }
            }
            if (best < 0) {
                best = found.size();
                bestPower = 1;
                bestShift = 0.0;
                found.add(new Slot(k.midpoint[r], sign, k.scale[r], new boolean[2]));
            }
            found.get(best).uses()[0] = true;
            source[r] = best;
            power[r] = bestPower;
            factor[r] = StrictMath.exp(bestShift);
        }
        slots = found.size();
        slotMidpoint = new double[slots];
        slotSlope = new double[slots];
        slotExp = new boolean[slots];
        slotInverse = new boolean[slots];
        for (int s = 0; s < slots; s++) {
            Slot slot = found.get(s);
            slotMidpoint[s] = slot.midpoint();
            slotSlope[s] = slot.slope();
            slotExp[s] = slot.uses()[0];
            slotInverse[s] = slot.uses()[1];
        }
    }

    private static int indexOf(List<Slot> slots, double midpoint, double sign, double scale) {
        for (int s = 0; s < slots.size(); s++) {
            Slot x = slots.get(s);
            if (x.midpoint() == midpoint && x.sign() / x.scale() == sign / scale) {
                return s;
            }
        }
        return -1;
    }

    /** Whether rate r's E is its slot's e^a itself: no power, no factor. */
    boolean direct(int r) {
        return kinetics.form[r].inverseExprel() || (power[r] == 1 && factor[r] == 1.0);
    }

    /** The length of {@link #rates}' array: the rates, then each slot's e^a and a/(e^a - 1). */
    int ratesLength() {
        return 2 * kinetics.gates + 2 * slots;
    }

    /**
     * Every rate (phi included) at V, into out[0 .. 2 gates), with the fast kernels' arithmetic:
     * what a gate table holds at its nodes. The rest of out ({@link #ratesLength}) is scratch, so
     * a neuron outside the table costs no allocation in a step.
     */
    void rates(double v, double[] out) {
        int rates = 2 * kinetics.gates;
        int e = rates;
        int inv = rates + slots;
        for (int s = 0; s < slots; s++) {
            double a = (v - slotMidpoint[s]) * slotSlope[s];
            out[e + s] = PlainExp.exp(a);
            out[inv + s] = PlainExp.inverseExprel(a);
        }
        for (int r = 0; r < rates; r++) {
            RateForm f = kinetics.form[r];
            double x = f.inverseExprel() ? out[inv + source[r]] : Kinetics.power(out[e + source[r]], power[r]) * factor[r];
            out[r] = f.combine(multiplier[r], x);
        }
    }
}
