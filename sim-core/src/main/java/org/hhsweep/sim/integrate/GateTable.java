package org.hhsweep.sim.integrate;

import java.util.ArrayDeque;

/**
 * The gates' exponential-Euler step as a function of V alone, tabulated for one model and one dt:
 * with z = -dt (alpha + beta) and e = exprel(z), the reference's update
 * x + dt e (alpha (1 - x) - beta x) is the affine map P + E x with P = dt e alpha and
 * E = 1 - dt e (alpha + beta) (= e^z), which depend on V only; an instantaneous gate's map is
 * P = alpha/(alpha + beta), E = 0. Nodes every {@code dv} mV over [vMin, vMax], each holding P and E
 * of every gate, so linear interpolation reads two adjacent records; interpolating the map's value
 * P_k + E_k x between the two nodes costs less than interpolating P and E first and gives the same.
 * Rates come from the model's {@link RatePlan} with {@link PlainExp}, so a table is the same bits on
 * every JVM; {@link #exact} gives them at any V for neurons outside.
 */
final class GateTable {
    private static final ArrayDeque<GateTable> RECENT = new ArrayDeque<>();

    final RatePlan plan;
    final double dt;
    final double vMin;
    final double vMax;
    final double dv;
    final double invDv;
    /** Doubles per node: P and E of each gate. */
    final int stride;
    /** Index of the last node; a neuron interpolates when 0 <= (V - vMin)/dv < last. */
    final int last;
    final double[] nodes;

    /** The table for a model and dt; recent ones are shared between blocks. */
    static GateTable forStep(RatePlan plan, double dt, double vMin, double vMax, double dv) {
        synchronized (RECENT) {
            for (GateTable t : RECENT) {
                if (t.dt == dt && t.vMin == vMin && t.vMax == vMax && t.dv == dv
                        && t.plan.kinetics.model.equals(plan.kinetics.model)) {
                    return t;
                }
            }
        }
        GateTable t = new GateTable(plan, dt, vMin, vMax, dv);
        synchronized (RECENT) {
            RECENT.addFirst(t);
            while (RECENT.size() > 8) {
                RECENT.removeLast();
            }
        }
        return t;
    }

    GateTable(RatePlan plan, double dt, double vMin, double vMax, double dv) {
        this.plan = plan;
        this.dt = dt;
        this.vMin = vMin;
        this.vMax = vMax;
        this.dv = dv;
        this.invDv = 1.0 / dv;
        this.stride = 2 * plan.kinetics.gates;
        this.last = (int) Math.round((vMax - vMin) / dv);
        nodes = new double[(last + 1) * stride];
        double[] rates = new double[plan.ratesLength()];
        for (int k = 0; k <= last; k++) {
            exact(vMin + k * dv, nodes, stride * k, rates);
        }
    }

    /** V's position in the table in units of dv from vMin (NaN for NaN). */
    double position(double v) {
        return (v - vMin) * invDv;
    }

    /** The index of the record to interpolate from at position u, or -1 outside the table. */
    int record(double u) {
        return u >= 0.0 && u < last ? stride * (int) u : -1;
    }

    /** P and E of every gate at V, into out[at ..]: the values the table interpolates. rates is scratch of plan.ratesLength(). */
    void exact(double v, double[] out, int at, double[] rates) {
        plan.rates(v, rates);
        Kinetics k = plan.kinetics;
        for (int q = 0; q < k.gates; q++) {
            double alpha = rates[2 * q];
            double beta = rates[2 * q + 1];
            int o = at + 2 * q;
            if (k.instantaneous[q]) {
                out[o] = alpha / (alpha + beta);
                out[o + 1] = 0.0;
            } else {
                double sum = alpha + beta;
                double e = dt * PlainExp.exprel(-dt * sum);
                out[o] = e * alpha;
                out[o + 1] = 1.0 - e * sum;
            }
        }
    }
}
