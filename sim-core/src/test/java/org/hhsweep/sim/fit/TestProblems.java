package org.hhsweep.sim.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Standard test functions in a box, and the ask/tell loop that minimises them, for the optimizers' tests. */
final class TestProblems {
    private TestProblems() {
    }

    /** A function of the parameters in [lo, hi]^k, minimised over the unit box. */
    record Problem(int k, double lo, double hi, ToDoubleFunction<double[]> f) {
        double[] values(double[] u) {
            double[] x = new double[k];
            for (int j = 0; j < k; j++) {
                x[j] = lo + u[j] * (hi - lo);
            }
            return x;
        }

        double at(double[] u) {
            return f.applyAsDouble(values(u));
        }
    }

    /** How a search ended: its best, the generations it ran and every generation's candidates. */
    record Outcome(Best best, int generations, List<double[][]> asked) {
    }

    /** Runs the search until it is finished or its best is below {@code stopBelow}. */
    static Outcome minimise(Optimizer o, Problem p, double stopBelow) {
        List<double[][]> asked = new ArrayList<>();
        while (!o.finished() && (o.best() == null || o.best().loss() >= stopBelow)) {
            asked.add(step(o, p));
        }
        return new Outcome(o.best(), o.generation(), asked);
    }

    static double sphere(double[] x, double[] centre) {
        double s = 0;
        for (int j = 0; j < x.length; j++) {
            s += (x[j] - centre[j]) * (x[j] - centre[j]);
        }
        return s;
    }

    static double rosenbrock(double[] x) {
        double s = 0;
        for (int j = 0; j < x.length - 1; j++) {
            double a = x[j + 1] - x[j] * x[j];
            double b = 1 - x[j];
            s += 100 * a * a + b * b;
        }
        return s;
    }

    /** Rastrigin's function: a local minimum at every point of the integer lattice, the global one 0 at the origin. */
    static double rastrigin(double[] x) {
        double s = 10 * x.length;
        for (double v : x) {
            s += v * v - 10 * Math.cos(2 * Math.PI * v);
        }
        return s;
    }

    /** An off-centre optimum in [-5, 5]^k: -3 .. 4 spread over the coordinates. */
    static double[] offCentre(int k) {
        double[] c = new double[k];
        for (int j = 0; j < k; j++) {
            c[j] = k == 1 ? 2 : -3 + 7.0 * j / (k - 1);
        }
        return c;
    }

    static List<double[][]> run(Optimizer o, Problem p, int generations) {
        List<double[][]> asked = new ArrayList<>();
        for (int g = 0; g < generations; g++) {
            asked.add(step(o, p));
        }
        return asked;
    }

    /** One generation: asked, evaluated, told; what was asked. */
    static double[][] step(Optimizer o, Problem p) {
        double[][] u = o.ask();
        double[] losses = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            losses[i] = p.at(u[i]);
        }
        o.tell(losses);
        return u;
    }
}
