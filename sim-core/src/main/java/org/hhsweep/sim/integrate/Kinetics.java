package org.hhsweep.sim.integrate;

import java.util.List;
import org.hhsweep.sim.model.Channel;
import org.hhsweep.sim.model.Gate;
import org.hhsweep.sim.model.NeuronBlock;
import org.hhsweep.sim.model.NeuronModel;
import org.hhsweep.sim.model.RateForm;
import org.hhsweep.sim.model.RateFunction;

/**
 * A model's kinetics as flat arrays for the integrators' loops: per gate its power, effective phi
 * and whether it is instantaneous; per rate function (alpha of gate k at 2k, beta at 2k + 1) its
 * form and numbers; per channel its range of gates. Built once per block model.
 */
final class Kinetics {
    final NeuronModel model;
    final int gates;
    final int channels;
    final int[] power;
    final double[] phi;
    final boolean[] instantaneous;
    /** Channel c's gates are [firstGate[c], firstGate[c + 1]). */
    final int[] firstGate;
    final RateForm[] form;
    final double[] rate;
    final double[] midpoint;
    final double[] scale;

    /** Whether these are the kinetics of the block's neurons (an integrator keeps them between steps). */
    static boolean fits(Kinetics k, NeuronBlock block) {
        return k != null && (k.model == block.kinetics || k.model.equals(block.kinetics));
    }

    Kinetics(NeuronModel model) {
        this.model = model;
        List<Gate> gs = model.gates();
        gates = gs.size();
        channels = model.channels().size();
        power = new int[gates];
        phi = new double[gates];
        instantaneous = new boolean[gates];
        form = new RateForm[2 * gates];
        rate = new double[2 * gates];
        midpoint = new double[2 * gates];
        scale = new double[2 * gates];
        for (int k = 0; k < gates; k++) {
            Gate g = gs.get(k);
            power[k] = (int) g.power();
            phi[k] = g.phi(model.phi());
            instantaneous[k] = g.instantaneous();
            rateFunction(2 * k, g.alpha());
            rateFunction(2 * k + 1, g.beta());
        }
        firstGate = new int[channels + 1];
        int k = 0;
        for (int c = 0; c < channels; c++) {
            firstGate[c] = k;
            Channel ch = model.channels().get(c);
            k += ch.gates().size();
        }
        firstGate[channels] = k;
    }

    private void rateFunction(int r, RateFunction f) {
        form[r] = f.form();
        rate[r] = f.rate();
        midpoint[r] = f.midpoint();
        scale[r] = f.scale();
    }

    /** Rate function r at V as the reference evaluates it (JDK exp and expm1), without phi. */
    double rate(int r, double v) {
        return form[r].value(rate[r], midpoint[r], scale[r], v);
    }

    /**
     * x^p as every kernel computes it, so they agree to the bit: by squaring up to the fourth
     * power ((x x) x for the cube, (x x)(x x) for the fourth, as the tutorial's m^3 and n^4 always
     * were), then one more factor x per power above four.
     */
    static double power(double x, int p) {
        double x2 = x * x;
        double r = switch (p) {
            case 1 -> x;
            case 2 -> x2;
            case 3 -> x2 * x;
            default -> x2 * x2;
        };
        for (int q = 4; q < p; q++) {
            r = r * x;
        }
        return r;
    }

    /**
     * dy/dt of neuron i of a block for y = (V, gates), with the reference's rates; an instantaneous
     * gate is taken at its steady state at y's V (its derivative is 0). For Runge-Kutta's stages.
     */
    void derivatives(NeuronBlock b, int i, double current, double[] y, double[] dydt) {
        double v = y[0];
        double ionicNeg = 0.0;
        for (int c = 0; c < channels; c++) {
            double open = b.g[c][i];
            for (int k = firstGate[c]; k < firstGate[c + 1]; k++) {
                double a = rate(2 * k, v);
                double bb = rate(2 * k + 1, v);
                double x = instantaneous[k] ? a / (a + bb) : y[k + 1];
                a = phi[k] * a;
                bb = phi[k] * bb;
                open = open * power(x, power[k]);
                dydt[k + 1] = instantaneous[k] ? 0.0 : a * (1.0 - x) - bb * x;
            }
            ionicNeg = c == 0 ? -(open * (v - b.E[c][i])) : ionicNeg - open * (v - b.E[c][i]);
        }
        dydt[0] = (ionicNeg + current) / b.C[i];
    }
}
