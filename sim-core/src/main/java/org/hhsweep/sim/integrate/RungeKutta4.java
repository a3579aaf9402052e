package org.hhsweep.sim.integrate;

import org.hhsweep.sim.model.NeuronBlock;

/**
 * The classical fourth-order Runge-Kutta scheme, with the input current held constant over the
 * step (the current is a per-step quantity in every stimulus here). Fourth order in dt for smooth
 * inputs; it needs smaller steps than exponential Euler to stay stable near spikes. Instantaneous
 * gates are at their steady state at each stage's V; their stored value is the one at the old V.
 */
public final class RungeKutta4 implements Integrator {
    public static final String NAME = "rk4";

    private Kinetics kinetics;
    private double[] y, k1, k2, k3, k4, stage;

    @Override
    public void step(NeuronBlock b, double[] current, double dt) {
        if (!Kinetics.fits(kinetics, b)) {
            kinetics = new Kinetics(b.kinetics);
            int n = kinetics.gates + 1;
            y = new double[n];
            k1 = new double[n];
            k2 = new double[n];
            k3 = new double[n];
            k4 = new double[n];
            stage = new double[n];
        }
        Kinetics k = kinetics;
        final double half = 0.5 * dt;
        final double sixth = dt / 6.0;
        int n = k.gates + 1;
        for (int i = 0, size = b.size; i < size; i++) {
            double in = current[i];
            y[0] = b.V[i];
            for (int g = 0; g < k.gates; g++) {
                y[g + 1] = b.gates[g][i];
            }
            k.derivatives(b, i, in, y, k1);
            for (int q = 0; q < n; q++) {
                stage[q] = y[q] + half * k1[q];
            }
            k.derivatives(b, i, in, stage, k2);
            for (int q = 0; q < n; q++) {
                stage[q] = y[q] + half * k2[q];
            }
            k.derivatives(b, i, in, stage, k3);
            for (int q = 0; q < n; q++) {
                stage[q] = y[q] + dt * k3[q];
            }
            k.derivatives(b, i, in, stage, k4);
            b.V[i] = y[0] + sixth * (k1[0] + 2.0 * k2[0] + 2.0 * k3[0] + k4[0]);
            for (int g = 0; g < k.gates; g++) {
                if (k.instantaneous[g]) {
                    double a = k.rate(2 * g, y[0]);
                    b.gates[g][i] = a / (a + k.rate(2 * g + 1, y[0]));
                } else {
                    int q = g + 1;
                    b.gates[g][i] = y[q] + sixth * (k1[q] + 2.0 * k2[q] + 2.0 * k3[q] + k4[q]);
                }
            }
        }
    }

    @Override
    public String name() {
        return NAME;
    }
}
