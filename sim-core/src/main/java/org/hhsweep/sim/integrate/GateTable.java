package org.hhsweep.sim.integrate;

import java.util.ArrayDeque;

/**
 * The gates' exponential-Euler step as a function of V alone, tabulated for one dt: with
 * z = -dt (alpha + beta) and e = exprel(z), the reference's update
 * x + dt e (alpha (1 - x) - beta x) is the affine map P + E x with P = dt e alpha and
 * E = 1 - dt e (alpha + beta) (= e^z), which depend on V only. Nodes every {@code dv} mV over
 * [vMin, vMax], each holding P and E of m, h and n, so linear interpolation reads two adjacent
 * records (96 bytes); interpolating the map's value P_k + E_k x between the two nodes costs less
 * than interpolating P and E first and gives the same.
 * Values come from {@link PlainExp} with the same shared exponentials as exp_euler_fast, so a
 * table is the same bits on every JVM; {@link #exact} gives them at any V for neurons outside.
 */
final class GateTable {
    /** Doubles per node: P and E of m, h and n. */
    static final int STRIDE = 6;

    private static final ArrayDeque<GateTable> RECENT = new ArrayDeque<>();

    final double dt;
    final double vMin;
    final double vMax;
    final double dv;
    final double invDv;
    /** Index of the last node; a neuron interpolates when 0 <= (V - vMin)/dv < last. */
    final int last;
    final double[] nodes;

    /** The table for dt; tables depend on dt alone, so recent ones are shared between blocks. */
    static GateTable forStep(double dt, double vMin, double vMax, double dv) {
        synchronized (RECENT) {
            for (GateTable t : RECENT) {
                if (t.dt == dt && t.vMin == vMin && t.vMax == vMax && t.dv == dv) {
                    return t;
                }
            }
        }
        GateTable t = new GateTable(dt, vMin, vMax, dv);
        synchronized (RECENT) {
            RECENT.addFirst(t);
            while (RECENT.size() > 4) {
                RECENT.removeLast();
            }
        }
        return t;
    }

    GateTable(double dt, double vMin, double vMax, double dv) {
        this.dt = dt;
        this.vMin = vMin;
        this.vMax = vMax;
        this.dv = dv;
        this.invDv = 1.0 / dv;
        this.last = (int) Math.round((vMax - vMin) / dv);
        nodes = new double[(last + 1) * STRIDE];
        for (int k = 0; k <= last; k++) {
            exact(vMin + k * dv, dt, nodes, STRIDE * k);
        }
    }

    /** V's position in the table in units of dv from vMin (NaN for NaN). */
    double position(double v) {
        return (v - vMin) * invDv;
    }

    /** The index of the record to interpolate from at position u, or -1 outside the table. */
    int record(double u) {
        return u >= 0.0 && u < last ? STRIDE * (int) u : -1;
    }

    /** P and E of m, h and n at V, into out[at..at+5]: the values the table interpolates. */
    static void exact(double v, double dt, double[] out, int at) {
        double xm = -(v + 40.0) * 0.1;
        double am = PlainExp.inverseExprel(xm);
        double bm = 4.0 * PlainExp.exp(-(v + 65.0) * (1.0 / 18.0));
        double w = PlainExp.exp(-(v + 65.0) * 0.0125);
        double w2 = w * w;
        double ah = 0.07 * (w2 * w2);
        double bh = 1.0 / (1.0 + PlainExp.exp(xm) * ScalarSteps.E_HALF);
        double an = 0.1 * PlainExp.inverseExprel(-(v + 55.0) * 0.1);
        double bn = 0.125 * w;
        pq(am, bm, dt, out, at);
        pq(ah, bh, dt, out, at + 2);
        pq(an, bn, dt, out, at + 4);
    }

    private static void pq(double alpha, double beta, double dt, double[] out, int at) {
        double sum = alpha + beta;
        double e = dt * PlainExp.exprel(-dt * sum);
        out[at] = e * alpha;
        out[at + 1] = 1.0 - e * sum;
    }
}
