package org.hhsweep.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference's model and integrator as its README (src/test/resources/reference/README.md)
 * states them, written out once more in plain float64 with java.lang.Math: it shares no code with
 * the engine, so it can tell what spike times an input should give. Checked against the
 * reference's own numbers in PlainHodgkinHuxleyTest.
 */
public final class PlainHodgkinHuxley {
    private final double eNa;
    private final double gNa;
    private final double eK;
    private final double gK;
    private final double eL;
    private final double gL;
    private final double c;
    private final double vTh;
    private double v;
    private double m;
    private double h;
    private double n;

    /** A neuron with the reference's parameters at V = -65 mV, each gate at its steady state there. */
    public PlainHodgkinHuxley() {
        JsonNode p = ReferenceData.root().get("parameters");
        eNa = p.get("ENa").asDouble();
        gNa = p.get("gNa").asDouble();
        eK = p.get("EK").asDouble();
        gK = p.get("gK").asDouble();
        eL = p.get("EL").asDouble();
        gL = p.get("gL").asDouble();
        c = p.get("C").asDouble();
        vTh = p.get("V_th").asDouble();
        v = -65.0;
        m = alphaM(v) / (alphaM(v) + betaM(v));
        h = alphaH(v) / (alphaH(v) + betaH(v));
        n = alphaN(v) / (alphaN(v) + betaN(v));
    }

    private static double exprel(double x) {
        return x == 0 ? 1.0 : Math.expm1(x) / x;
    }

    private static double alphaM(double v) {
        return 1.0 / exprel(-(v + 40) / 10);
    }

    private static double betaM(double v) {
        return 4 * Math.exp(-(v + 65) / 18);
    }

    private static double alphaH(double v) {
        return 0.07 * Math.exp(-(v + 65) / 20);
    }

    private static double betaH(double v) {
        return 1 / (1 + Math.exp(-(v + 35) / 10));
    }

    private static double alphaN(double v) {
        return 0.1 / exprel(-(v + 55) / 10);
    }

    private static double betaN(double v) {
        return 0.125 * Math.exp(-(v + 65) / 80);
    }

    /** x_inf + (x - x_inf) exp(-dt (alpha + beta)): exponential Euler for a gate. */
    private static double gate(double x, double alpha, double beta, double dt) {
        double inf = alpha / (alpha + beta);
        return inf + (x - inf) * Math.exp(-dt * (alpha + beta));
    }

    /** One step with input current {@code current} (uA/cm^2), every update from the old state. */
    public void step(double current, double dt) {
        double gNaNow = gNa * m * m * m * h;
        double gKNow = gK * n * n * n * n;
        double f = (current - gNaNow * (v - eNa) - gKNow * (v - eK) - gL * (v - eL)) / c;
        double j = -(gNaNow + gKNow + gL) / c;
        double vNew = v + dt * exprel(dt * j) * f;
        double mNew = gate(m, alphaM(v), betaM(v), dt);
        double hNew = gate(h, alphaH(v), betaH(v), dt);
        double nNew = gate(n, alphaN(v), betaN(v), dt);
        v = vNew;
        m = mNew;
        h = hNew;
        n = nNew;
    }

    public double v() {
        return v;
    }

    /** The steps k (0-based) where V_old < V_th <= V_new, for an input current given per step. */
    public List<Long> spikeSteps(double[] currentPerStep, double dt) {
        List<Long> steps = new ArrayList<>();
        for (int k = 0; k < currentPerStep.length; k++) {
            double before = v;
            step(currentPerStep[k], dt);
            if (before < vTh && vTh <= v) {
                steps.add((long) k);
            }
        }
        return steps;
    }
}
