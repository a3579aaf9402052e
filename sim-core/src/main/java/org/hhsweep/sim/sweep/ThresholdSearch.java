package org.hhsweep.sim.sweep;

import java.util.List;
import java.util.function.LongConsumer;
import org.hhsweep.sim.BlockResult;
import org.hhsweep.sim.SimulationSettings;
import org.hhsweep.sim.Simulator;
import org.hhsweep.sim.stats.NeuronStatistics;
import org.hhsweep.sim.units.Units;

/**
 * Finds a run's threshold by bisection ({@link SearchSpec}). Each probe simulates the whole run
 * with the searched scalar set to the probed value: same seed, same neurons, so random input is
 * the same noise at every probe and the criterion is a function of the probed value alone. The
 * criterion holds for a probe when it holds for every neuron of the run.
 *
 * <p>Bisection assumes the criterion changes once over [from, to], from failing at from to holding
 * at to. Both ends are simulated first; if it does not fail at from and hold at to, the search
 * reports {@link SearchResult#NO_CHANGE} and no threshold. If it changes more than once, bisection
 * still ends on some change point, not necessarily the smallest one.
 */
public final class ThresholdSearch {
    private ThresholdSearch() {
    }

    /** What one probe found. */
    private record Probe(boolean holds, int diverged) {
    }

    /**
     * @param neuronSteps told the neuron-steps of each probe as it finishes
     */
    public static SearchResult run(SearchSpec search, RunSpec run, LongConsumer neuronSteps) {
        String path = search.path();
        int probes = 0;
        Probe atFrom = probe(search, run, search.from(), neuronSteps);
        probes++;
        if (atFrom.diverged() > 0) {
            return diverged(run, search, search.from(), search.to(), 0, probes, atFrom, search.from());
        }
        Probe atTo = probe(search, run, search.to(), neuronSteps);
        probes++;
        if (atTo.diverged() > 0) {
            return diverged(run, search, search.from(), search.to(), 0, probes, atTo, search.to());
        }
        if (atFrom.holds() || !atTo.holds()) {
            String detail = "criterion " + search.criterion() + (atFrom.holds() ? " holds" : " fails") + " at "
                    + path + " = " + show(run, search, search.from()) + " (from) and "
                    + (atTo.holds() ? "holds" : "fails") + " at " + show(run, search, search.to())
                    + " (to); bisection needs it to fail at from and hold at to";
            return new SearchResult(SearchResult.NO_CHANGE, null, search.from(), search.to(), 0, probes, 0, detail);
        }
        double low = search.from();
        double high = search.to();
        int iterations = 0;
        while (high - low > search.tolerance()) {
            double mid = low + (high - low) / 2;
            if (!(mid > low && mid < high)) {
                break;   // adjacent doubles: the bracket cannot shrink further
            }
            Probe p = probe(search, run, mid, neuronSteps);
            probes++;
            iterations++;
            if (p.diverged() > 0) {
                return diverged(run, search, low, high, iterations, probes, p, mid);
            }
            if (p.holds()) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return new SearchResult(SearchResult.OK, high, low, high, iterations, probes, 0,
                "criterion " + search.criterion() + " fails at " + show(run, search, low) + " and holds at "
                        + show(run, search, high));
    }

    private static SearchResult diverged(RunSpec run, SearchSpec search, double low, double high, int iterations,
                                         int probes, Probe p, double at) {
        return new SearchResult(SearchResult.DIVERGED, null, low, high, iterations, probes, p.diverged(),
                p.diverged() + " neuron(s) diverged at " + search.path() + " = " + show(run, search, at)
                        + ", where the criterion is undefined; the search stopped");
    }

    private static String show(RunSpec run, SearchSpec search, double value) {
        return Units.format(value, run.template().unit(search.path()));
    }

    /** Simulates the run with the searched scalar at {@code value}; statistics only. */
    private static Probe probe(SearchSpec search, RunSpec run, double value, LongConsumer neuronSteps) {
        RunTemplate t = run.template().with(search.path(), value);
        RunSpec probe = new RunSpec(run.runId(), run.seed(), run.replicate(), run.sweptValues(), t);
        SimulationSettings settings = t.settings().withTraces(List.of(), 1).withSpikeTimes(false);
        BlockResult result = Simulator.simulate(settings, probe.neurons());
        boolean holds = true;
        int diverged = 0;
        for (NeuronStatistics s : result.statistics()) {
            if (s.diverged()) {
                diverged++;
            } else {
                holds &= search.criterion().holds(s);
            }
        }
        neuronSteps.accept((long) t.neurons() * settings.steps());
        return new Probe(holds, diverged);
    }
}
