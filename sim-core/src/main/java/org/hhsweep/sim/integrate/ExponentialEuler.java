package org.hhsweep.sim.integrate;

import org.hhsweep.sim.model.NeuronBlock;

/**
 * Exponential Euler exactly as BrainState and Brian2 apply it to an HH-type model: for each
 * variable x with x' = f(x), J = df/dx of that variable alone (the others held fixed) and
 * x_new = x + dt * exprel(dt * J) * f(x), every update computed from the old state.
 *
 * <p>For a gate J = -phi (alpha + beta); for V, J = -(sum of open conductances) / C. An
 * instantaneous gate is set to alpha/(alpha + beta) of the old V before V's update uses it. The
 * scheme is first order in dt but exact for each variable's linear part, so it stays stable at the
 * usual dt. This class is the reference (exp_euler_reference): faster variants must match it
 * within documented tolerances. Rates come from {@link org.hhsweep.sim.model.RateForm#value}, the
 * JDK's exp and expm1.
 */
public final class ExponentialEuler implements Integrator {
    public static final String NAME = "exp_euler_reference";

    private Kinetics kinetics;
    private double[] used;
    private double[] next;

    @Override
    public void step(NeuronBlock b, double[] current, double dt) {
        if (!Kinetics.fits(kinetics, b)) {
            kinetics = new Kinetics(b.kinetics);
            used = new double[kinetics.gates];
            next = new double[kinetics.gates];
        }
        Kinetics k = kinetics;
        final double[] V = b.V;
        final double[][] x = b.gates;
        for (int i = 0, size = b.size; i < size; i++) {
            double v = V[i];
            for (int g = 0; g < k.gates; g++) {
                double a = k.phi[g] * k.rate(2 * g, v);
                double bb = k.phi[g] * k.rate(2 * g + 1, v);
                if (k.instantaneous[g]) {
                    used[g] = a / (a + bb);
                    next[g] = used[g];
                } else {
                    double xg = x[g][i];
                    used[g] = xg;
                    next[g] = xg + dt * exprel(-dt * (a + bb)) * (a * (1.0 - xg) - bb * xg);
                }
            }
            double gSum = 0.0;
            double ionicNeg = 0.0;
            for (int c = 0; c < k.channels; c++) {
                double open = b.g[c][i];
                for (int g = k.firstGate[c]; g < k.firstGate[c + 1]; g++) {
                    open = open * Kinetics.power(used[g], k.power[g]);
                }
                ionicNeg = c == 0 ? -(open * (v - b.E[c][i])) : ionicNeg - open * (v - b.E[c][i]);
                gSum = c == 0 ? open : gSum + open;
            }
            double cm = b.C[i];
            double jV = -gSum / cm;
            double fV = (ionicNeg + current[i]) / cm;
            V[i] = v + dt * exprel(dt * jV) * fV;
            for (int g = 0; g < k.gates; g++) {
                x[g][i] = next[g];
            }
        }
    }

    /** (e^x - 1) / x, continuous at 0 where it is 1. */
    static double exprel(double x) {
        return x == 0.0 ? 1.0 : Math.expm1(x) / x;
    }

    @Override
    public String name() {
        return NAME;
    }
}
