package org.hhsweep.sim.fit;

import static org.hhsweep.sim.fit.TestProblems.offCentre;
import static org.hhsweep.sim.fit.TestProblems.run;
import static org.hhsweep.sim.fit.TestProblems.sphere;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hhsweep.sim.fit.TestProblems.Outcome;
import org.hhsweep.sim.fit.TestProblems.Problem;
import org.junit.jupiter.api.Test;

/**
 * CMA-ES on standard functions in a box, its bound handling, determinism and resumption. Budgets
 * (generations) are stated per case; the population is Hansen's default 4 + floor(3 ln k) unless
 * said.
 */
class CmaesTest {

    private static Outcome minimise(Problem p, int population, int generations, long seed, double stopBelow) {
        return TestProblems.minimise(Cmaes.start(p.k(), population, generations, seed), p, stopBelow);
    }

    @Test
    void theStrategyParametersAreTable1sForTwoParametersAndSixCandidates() {
        // the tutorial's formulas worked on a calculator (Python) for n = 2, lambda = 6, mu = 3
        CmaesConstants c = CmaesConstants.of(2, 6);
        assertEquals(6, CmaesConstants.defaultPopulation(2));
        assertEquals(10, CmaesConstants.defaultPopulation(10));
        assertEquals(3, c.mu());
        assertArrayEquals(new double[] {0.637043, 0.284570, 0.078387}, c.weights(), 1e-6);
        assertEquals(2.028611, c.muEff(), 1e-6);
        assertEquals(0.446205, c.cSigma(), 1e-6);
        assertEquals(1.446205, c.dSigma(), 1e-6);
        assertEquals(0.624555, c.cC(), 1e-6);
        assertEquals(0.154815, c.c1(), 1e-6);
        assertEquals(0.085593, c.cMu(), 1e-6);
        assertEquals(1.254273, c.chiN(), 1e-6);
    }

    @Test
    void theSphereConvergesToItsOptimumInTwoToTenDimensions() {
        // budget: 60 + 30 k generations of the default population to f < 1e-10 (x within 1e-5)
        for (int k : new int[] {2, 3, 5, 10}) {
            double[] centre = offCentre(k);
            Problem p = new Problem(k, -5, 5, x -> sphere(x, centre));
            int budget = 60 + 30 * k;
            for (long seed = 1; seed <= 5; seed++) {
                Outcome o = minimise(p, CmaesConstants.defaultPopulation(k), budget, seed, 1e-10);
                assertTrue(o.best().loss() < 1e-10, "k " + k + ", seed " + seed + ": " + o.best().loss() + " after "
                        + o.generations() + " generations");
                assertArrayEquals(centre, p.values(o.best().point()), 1e-5);
                System.out.printf("CmaesTest: sphere k=%d seed %d: f < 1e-10 after %d generations%n", k, seed,
                        o.generations());
            }
        }
    }

    @Test
    void rosenbrockConvergesToItsOptimumInTwoToTenDimensions() {
        // [-2, 2]^k, optimum (1, ..., 1); budget: 100 k generations to f < 1e-10. Rosenbrock has a
        // local minimum near (-1, 1, ..., 1) for k >= 4, which CMA-ES without restarts finds now and
        // then: with the default population seeds 1-20 reached the optimum 19 times of 20 at k = 5
        // and at k = 10; twice the default population, used here, reached it for all 20 within
        // 86, 171, 212 and 493 generations (k = 2, 3, 5, 10).
        for (int k : new int[] {2, 3, 5, 10}) {
            Problem p = new Problem(k, -2, 2, TestProblems::rosenbrock);
            int population = 2 * CmaesConstants.defaultPopulation(k);
            for (long seed = 1; seed <= 5; seed++) {
                Outcome o = minimise(p, population, 100 * k, seed, 1e-10);
                assertTrue(o.best().loss() < 1e-10, "k " + k + ", seed " + seed + ": " + o.best().loss() + " after "
                        + o.generations() + " generations");
                double[] ones = new double[k];
                Arrays.fill(ones, 1);
                assertArrayEquals(ones, p.values(o.best().point()), 1e-4);
                System.out.printf("CmaesTest: rosenbrock k=%d seed %d: f < 1e-10 after %d generations%n", k, seed,
                        o.generations());
            }
        }
    }

    @Test
    void anOptimumOutsideTheBoxIsFoundOnItsBounds() {
        // the sphere centred at (7, -9, 0.5): over [-5, 5]^3 its minimum is at (5, -5, 0.5)
        double[] centre = {7, -9, 0.5};
        Problem p = new Problem(3, -5, 5, x -> sphere(x, centre));
        Outcome o = minimise(p, 7, 300, 3, Double.NEGATIVE_INFINITY);
        assertArrayEquals(new double[] {5, -5, 0.5}, p.values(o.best().point()), 1e-6);
        assertEquals(4 + 16, o.best().loss(), 1e-9);
    }

    @Test
    void noCandidateEverLeavesTheUnitBox() {
        // a loss falling without end away from the box drives the mean far out and sigma up
        Problem outward = new Problem(4, 0, 1, x -> -Arrays.stream(x).sum() * 1e6);
        // and a narrow optimum on a corner drives sigma to nothing there
        Problem corner = new Problem(4, 0, 1, x -> sphere(x, new double[] {1, 0, 1, 0}));
        for (Problem p : List.of(outward, corner)) {
            Outcome o = minimise(p, 8, 400, 11, Double.NEGATIVE_INFINITY);
            int candidates = 0;
            for (double[][] generation : o.asked()) {
                for (double[] u : generation) {
                    for (double v : u) {
                        assertTrue(v >= 0 && v <= 1, "candidate coordinate " + v);
                    }
                    candidates++;
                }
            }
            assertTrue(candidates >= 8 * 50, candidates + " candidates");
        }
        assertEquals(-4e6, minimise(outward, 8, 400, 11, Double.NEGATIVE_INFINITY).best().loss(), 1e-3);
    }

    @Test
    void theMirrorFoldsTheLineIntoTheUnitInterval() {
        assertEquals(0.25, UnitBox.mirror(0.25));
        assertEquals(0.25, UnitBox.mirror(-0.25));
        assertEquals(0.75, UnitBox.mirror(1.25));
        assertEquals(0.5, UnitBox.mirror(2.5));
        assertEquals(0.5, UnitBox.mirror(-1.5));
        assertEquals(1.0, UnitBox.mirror(1.0));
        assertEquals(0.0, UnitBox.mirror(2.0));
        assertEquals(1.0, UnitBox.mirror(-1.0));
        assertEquals(0.0, UnitBox.mirror(-1e-300), 0.0);
        assertEquals(0.25, UnitBox.mirror(-4.25));
    }

    @Test
    void theSameSeedAndLossesGiveTheSameCandidatesAndAnotherSeedOthers() {
        Problem p = new Problem(5, -2, 2, TestProblems::rosenbrock);
        Outcome a = minimise(p, 9, 40, 7, Double.NEGATIVE_INFINITY);
        Outcome b = minimise(p, 9, 40, 7, Double.NEGATIVE_INFINITY);
        Outcome other = minimise(p, 9, 40, 8, Double.NEGATIVE_INFINITY);
        assertEquals(40, a.asked().size());
        for (int g = 0; g < 40; g++) {
            assertTrue(Arrays.deepEquals(a.asked().get(g), b.asked().get(g)), "generation " + g);
            assertFalse(Arrays.deepEquals(a.asked().get(g), other.asked().get(g)), "generation " + g);
        }
        assertEquals(a.best(), b.best());
    }

    @Test
    void aSearchStoppedSavedAndRestoredAsksWhatAnUnstoppedOneAsks() {
        Problem p = new Problem(4, -2, 2, TestProblems::rosenbrock);
        int generations = 60;
        Cmaes straight = Cmaes.start(4, 8, generations, 42);
        List<double[][]> straightAsked = run(straight, p, generations);

        Cmaes first = Cmaes.start(4, 8, generations, 42);
        List<double[][]> asked = new ArrayList<>(run(first, p, generations / 2));
        String saved = first.state();
        Cmaes resumed = Cmaes.restore(saved, 4, 8, generations, 42);
        assertEquals(saved, resumed.state());
        assertEquals(generations / 2, resumed.generation());
        asked.addAll(run(resumed, p, generations / 2));

        assertEquals(straightAsked.size(), asked.size());
        for (int g = 0; g < generations; g++) {
            double[][] x = straightAsked.get(g);
            double[][] y = asked.get(g);
            for (int i = 0; i < x.length; i++) {
                for (int j = 0; j < x[i].length; j++) {
                    assertEquals(Double.doubleToRawLongBits(x[i][j]), Double.doubleToRawLongBits(y[i][j]),
                            "generation " + g + ", candidate " + i);
                }
            }
        }
        assertEquals(straight.state(), resumed.state());
        assertEquals(straight.best(), resumed.best());
        assertTrue(straight.finished() && resumed.finished());
    }

    @Test
    void aFinishedSearchGoesOnWithALargerBudgetAsIfGivenItFromTheStart() {
        Problem p = new Problem(3, -5, 5, x -> sphere(x, offCentre(3)));
        Cmaes long_ = Cmaes.start(3, 7, 30, 5);
        run(long_, p, 30);
        Cmaes short_ = Cmaes.start(3, 7, 10, 5);
        run(short_, p, 10);
        assertTrue(short_.finished());
        Cmaes extended = Cmaes.restore(short_.state(), 3, 7, 30, 5);
        assertFalse(extended.finished());
        run(extended, p, 20);
        assertEquals(long_.state(), extended.state());
    }

    @Test
    void aStateOfAnotherSearchOrNoStateIsRefused() {
        Cmaes o = Cmaes.start(3, 7, 10, 5);
        String s = o.state();
        assertThrows(IllegalArgumentException.class, () -> Cmaes.restore(s, 4, 7, 10, 5));
        assertThrows(IllegalArgumentException.class, () -> Cmaes.restore(s, 3, 8, 10, 5));
        assertThrows(IllegalArgumentException.class, () -> Cmaes.restore(s, 3, 7, 10, 6));
        assertThrows(IllegalArgumentException.class, () -> Cmaes.restore("{}", 3, 7, 10, 5));
        assertThrows(IllegalArgumentException.class, () -> Cmaes.restore("not json", 3, 7, 10, 5));
        assertThrows(IllegalArgumentException.class, () -> Cmaes.restore(s.replace("\"sigma\":0.3", "\"sigma\":-1"),
                3, 7, 10, 5));
        assertThrows(IllegalArgumentException.class, () -> Cmaes.start(3, 1, 10, 5));
        assertThrows(IllegalArgumentException.class, () -> Cmaes.start(0, 4, 10, 5));
        assertThrows(IllegalArgumentException.class, () -> Cmaes.start(3, 4, 0, 5));
        assertThrows(IllegalArgumentException.class, () -> o.tell(new double[6]));
    }

    @Test
    void lossesRankNaNLastAndTiesByIndexAndTheBestIsTheFirstFiniteMinimum() {
        assertArrayEquals(new int[] {3, 1, 4, 0, 2}, Optimizer.rank(new double[] {Double.POSITIVE_INFINITY, 2, Double.NaN, -1, 2}));
        Cmaes o = Cmaes.start(2, 4, 5, 1);
        assertNull(o.best());
        o.tell(new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN});
        assertNull(o.best());
        double[][] u = o.ask();
        o.tell(new double[] {3, 1, 1, Double.NaN});
        assertEquals(1, o.best().generation());
        assertEquals(1, o.best().candidate());
        assertArrayEquals(u[1], o.best().point());
        o.tell(new double[] {5, 1, 7, 8});
        assertEquals(1, o.best().generation());   // equal, not better
        assertEquals(1.0, o.best().loss());
    }
}
