package org.hhsweep.sim;

import java.util.List;
import org.hhsweep.sim.integrate.Method;
import org.hhsweep.sim.record.DivergenceGuard;
import org.hhsweep.sim.record.TraceVariable;

/**
 * How a block is simulated and what is recorded; the same for every neuron of the block.
 *
 * @param dt               step, ms
 * @param durationMs       length of the run, ms (rounded to whole steps)
 * @param method           the integration scheme
 * @param windowStartMs    analysis window start, ms, or NaN for no window
 * @param windowEndMs      analysis window end, ms, or NaN for no window
 * @param traceVariables   variables recorded for neurons marked as traced (empty: none)
 * @param traceEvery       record every k-th step
 * @param keepSpikeTimes   keep every spike time (not only the statistics)
 * @param divergenceBoundMv |V| beyond which a neuron counts as diverged
 */
public record SimulationSettings(double dt, double durationMs, Method method,
                                 double windowStartMs, double windowEndMs,
                                 List<TraceVariable> traceVariables, int traceEvery,
                                 boolean keepSpikeTimes, double divergenceBoundMv) {

    public SimulationSettings {
        if (!(dt > 0) || !Double.isFinite(dt)) {
            throw new IllegalArgumentException("dt must be a positive number of ms, got " + dt);
        }
        if (!(durationMs >= dt) || !Double.isFinite(durationMs)) {
            throw new IllegalArgumentException("duration must be at least one step (" + dt + " ms), got " + durationMs);
        }
        if (Double.isNaN(windowStartMs) != Double.isNaN(windowEndMs)) {
            throw new IllegalArgumentException("analysis window needs both start and end");
        }
        if (!Double.isNaN(windowStartMs) && !(windowStartMs >= 0 && windowEndMs > windowStartMs)) {
            throw new IllegalArgumentException("analysis window must satisfy 0 <= start < end, got ["
                    + windowStartMs + ", " + windowEndMs + "]");
        }
        // Past the run the window rate would count time never simulated.
        if (!Double.isNaN(windowEndMs) && TimeGrid.firstStepAtOrAfter(windowEndMs, dt) > TimeGrid.steps(durationMs, dt)) {
            throw new IllegalArgumentException("analysis window must end within the run of " + durationMs
                    + " ms, got end " + windowEndMs);
        }
        traceVariables = List.copyOf(traceVariables);
        if (traceEvery <= 0) {
            throw new IllegalArgumentException("traceEvery must be at least 1, got " + traceEvery);
        }
    }

    /** Plain settings: no window, no traces, spike times kept. */
    public static SimulationSettings of(double dt, double durationMs, Method method) {
        return new SimulationSettings(dt, durationMs, method, Double.NaN, Double.NaN, List.of(), 1, true,
                DivergenceGuard.DEFAULT_BOUND_MV);
    }

    public SimulationSettings withWindow(double startMs, double endMs) {
        return new SimulationSettings(dt, durationMs, method, startMs, endMs, traceVariables, traceEvery,
                keepSpikeTimes, divergenceBoundMv);
    }

    public SimulationSettings withTraces(List<TraceVariable> variables, int every) {
        return new SimulationSettings(dt, durationMs, method, windowStartMs, windowEndMs, variables, every,
                keepSpikeTimes, divergenceBoundMv);
    }

    public SimulationSettings withSpikeTimes(boolean keep) {
        return new SimulationSettings(dt, durationMs, method, windowStartMs, windowEndMs, traceVariables, traceEvery,
                keep, divergenceBoundMv);
    }

    public long steps() {
        return TimeGrid.steps(durationMs, dt);
    }

    /** The duration actually simulated: whole steps. */
    public double simulatedMs() {
        return steps() * dt;
    }

    public boolean hasWindow() {
        return !Double.isNaN(windowStartMs);
    }

    /** The first step of the analysis window (0 without one). */
    public long windowStartStep() {
        return hasWindow() ? TimeGrid.firstStepAtOrAfter(windowStartMs, dt) : 0;
    }

    /** The step after the analysis window's last (0 without one). */
    public long windowEndStep() {
        return hasWindow() ? TimeGrid.firstStepAtOrAfter(windowEndMs, dt) : 0;
    }

    /** The analysis window's length as simulated, whole steps, or NaN without one. */
    public double windowMs() {
        return hasWindow() ? (windowEndStep() - windowStartStep()) * dt : Double.NaN;
    }
}
