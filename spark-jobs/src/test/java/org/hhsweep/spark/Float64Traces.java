package org.hhsweep.spark;

import java.util.HashMap;
import java.util.Map;
import org.hhsweep.sim.Replay;
import org.hhsweep.sim.StateHistory;
import org.hhsweep.sim.sweep.RunSpec;
import org.hhsweep.sim.sweep.SweepSpec;

/**
 * What a trace table's samples should be, from sim-core's float64 replay of the run (a step-by-step
 * recording written for the tests, not the TraceRecorder that fills the tables), at the times the
 * table's own columns give: sample j is the state at t0_ms + j * dt_ms, the end of step
 * round(t / dt) - 1.
 */
public final class Float64Traces {
    private final SweepSpec spec;
    private final Map<String, StateHistory> replayed = new HashMap<>();

    public Float64Traces(SweepSpec spec) {
        this.spec = spec;
    }

    /** The float64 values of a variable (V, m, h, n or I) of a run's neuron at a trace's sample times. */
    public double[] samples(long runId, int neuron, String variable, double t0Ms, double dtMs, int count) {
        RunSpec run = spec.run(runId);
        StateHistory h = replayed.computeIfAbsent(runId + "/" + neuron,
                key -> Replay.run(run.template().settings(), run.neurons(), neuron)[0]);
        double[] series = switch (variable) {
            case "V" -> h.v;
            case "m" -> h.m;
            case "h" -> h.h;
            case "n" -> h.n;
            case "I" -> h.current;
            default -> throw new IllegalArgumentException("no variable " + variable);
        };
        double dt = run.template().dt();
        double[] out = new double[count];
        for (int j = 0; j < count; j++) {
            out[j] = series[Math.toIntExact(Math.round((t0Ms + j * dtMs) / dt) - 1)];
        }
        return out;
    }
}
