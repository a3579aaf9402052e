package org.hhsweep.sim.sweep;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hhsweep.sim.SimulationSettings;
import org.hhsweep.sim.integrate.Method;
import org.hhsweep.sim.model.NeuronModel;
import org.hhsweep.sim.record.DivergenceGuard;
import org.hhsweep.sim.record.TraceQuantization;
import org.hhsweep.sim.record.TraceVariable;
import org.hhsweep.sim.stimulus.StimulusSpec;
import org.hhsweep.sim.units.EngineUnit;

/**
 * Everything that describes one run, in engine units: the base config of a sweep, and each run
 * after the sweep has set its swept scalars. Every sweepable scalar has a dotted config path
 * ({@link #paths()}), read with {@link #get} and set with {@link #with}.
 *
 * @param windowStartMs analysis window start or NaN for none; likewise windowEndMs
 * @param tracedNeurons neurons 0 .. tracedNeurons-1 of each run get traces
 * @param traceEveryMs  trace sampling interval, a multiple of dt
 * @param traceQuantization how traces are stored: float32 samples or whole steps; a storage choice
 *                      only, the simulation does not depend on it
 */
public record RunTemplate(double dt, double durationMs, Method method, double windowStartMs, double windowEndMs,
                          NeuronModel model, double v0, StimulusSpec stimulus, int neurons,
                          int tracedNeurons, List<TraceVariable> traceVariables, double traceEveryMs,
                          boolean keepSpikeTimes, TraceQuantization traceQuantization) implements Serializable {

    public static final String DT = "simulation.dt";
    public static final String DURATION = "simulation.duration";
    public static final String WINDOW_START = "simulation.window.start";
    public static final String WINDOW_END = "simulation.window.end";
    public static final String V0 = "initial.V";
    public static final String MODEL = "model.";
    public static final String STIMULUS = "stimulus.";

    public RunTemplate {
        traceVariables = List.copyOf(traceVariables);
        traceQuantization = traceQuantization == null ? TraceQuantization.NONE : traceQuantization;
    }

    /** A run whose traces, if any, are stored as float32 samples. */
    public RunTemplate(double dt, double durationMs, Method method, double windowStartMs, double windowEndMs,
                       NeuronModel model, double v0, StimulusSpec stimulus, int neurons, int tracedNeurons,
                       List<TraceVariable> traceVariables, double traceEveryMs, boolean keepSpikeTimes) {
        this(dt, durationMs, method, windowStartMs, windowEndMs, model, v0, stimulus, neurons, tracedNeurons,
                traceVariables, traceEveryMs, keepSpikeTimes, TraceQuantization.NONE);
    }

    /** The sweepable scalar paths of this template (stimulus fields depend on its type). */
    public List<String> paths() {
        List<String> out = new ArrayList<>(List.of(DT, DURATION, WINDOW_START, WINDOW_END, V0));
        for (String name : model.paths()) {
            out.add(MODEL + name);
        }
        for (String field : stimulus.fields()) {
            out.add(STIMULUS + field);
        }
        return Collections.unmodifiableList(out);
    }

    public double get(String path) {
        switch (path) {
            case DT:
                return dt;
            case DURATION:
                return durationMs;
            case WINDOW_START:
                return windowStartMs;
            case WINDOW_END:
                return windowEndMs;
            case V0:
                return v0;
            default:
                if (path.startsWith(MODEL) && model.has(path.substring(MODEL.length()))) {
                    return model.get(path.substring(MODEL.length()));
                }
                if (path.startsWith(STIMULUS) && stimulus.fields().contains(path.substring(STIMULUS.length()))) {
                    return stimulus.get(path.substring(STIMULUS.length()));
                }
                throw unknown(path);
        }
    }

    public RunTemplate with(String path, double value) {
        switch (path) {
            case DT:
                return new RunTemplate(value, durationMs, method, windowStartMs, windowEndMs, model, v0, stimulus,
                        neurons, tracedNeurons, traceVariables, traceEveryMs, keepSpikeTimes, traceQuantization);
            case DURATION:
                return new RunTemplate(dt, value, method, windowStartMs, windowEndMs, model, v0, stimulus,
                        neurons, tracedNeurons, traceVariables, traceEveryMs, keepSpikeTimes, traceQuantization);
            case WINDOW_START:
                return new RunTemplate(dt, durationMs, method, value, windowEndMs, model, v0, stimulus,
                        neurons, tracedNeurons, traceVariables, traceEveryMs, keepSpikeTimes, traceQuantization);
            case WINDOW_END:
                return new RunTemplate(dt, durationMs, method, windowStartMs, value, model, v0, stimulus,
                        neurons, tracedNeurons, traceVariables, traceEveryMs, keepSpikeTimes, traceQuantization);
            case V0:
                return new RunTemplate(dt, durationMs, method, windowStartMs, windowEndMs, model, value, stimulus,
                        neurons, tracedNeurons, traceVariables, traceEveryMs, keepSpikeTimes, traceQuantization);
            default:
                if (path.startsWith(MODEL) && model.has(path.substring(MODEL.length()))) {
                    return new RunTemplate(dt, durationMs, method, windowStartMs, windowEndMs,
                            model.with(path.substring(MODEL.length()), value), v0, stimulus, neurons, tracedNeurons,
                            traceVariables, traceEveryMs, keepSpikeTimes, traceQuantization);
                }
                if (path.startsWith(STIMULUS) && stimulus.fields().contains(path.substring(STIMULUS.length()))) {
                    return new RunTemplate(dt, durationMs, method, windowStartMs, windowEndMs, model, v0,
                            stimulus.with(path.substring(STIMULUS.length()), value), neurons, tracedNeurons,
                            traceVariables, traceEveryMs, keepSpikeTimes, traceQuantization);
                }
                throw unknown(path);
        }
    }

    private IllegalArgumentException unknown(String path) {
        return new IllegalArgumentException("'" + path + "' is not a sweepable scalar; expected one of " + paths());
    }

    /** The engine unit of a sweepable path's values. */
    public static EngineUnit unit(String path) {
        if (path.equals(DT) || path.equals(DURATION) || path.equals(WINDOW_START) || path.equals(WINDOW_END)) {
            return EngineUnit.MILLISECOND;
        }
        if (path.equals(V0)) {
            return EngineUnit.MILLIVOLT;
        }
        if (path.startsWith(MODEL)) {
            return NeuronModel.unitOf(path.substring(MODEL.length()));
        }
        if (path.startsWith(STIMULUS)) {
            String field = path.substring(STIMULUS.length());
            return switch (field) {
                case "onset", "duration", "period", "tau" -> EngineUnit.MILLISECOND;
                default -> EngineUnit.MICROAMPERE_PER_CM2;
            };
        }
        throw new IllegalArgumentException("'" + path + "' is not a sweepable scalar");
    }

    /** The output column name of a config path: dots become underscores (stimulus.amplitude -> stimulus_amplitude). */
    public static String column(String path) {
        return path.replace('.', '_');
    }

    /** Trace interval in whole steps; the config loader has checked it is a multiple of dt. */
    public int traceEverySteps() {
        return (int) Math.max(1, Math.round(traceEveryMs / dt));
    }

    /** The engine settings of this run. Runs with equal settings can share a block. */
    public SimulationSettings settings() {
        return new SimulationSettings(dt, durationMs, method, windowStartMs, windowEndMs,
                tracedNeurons > 0 ? traceVariables : List.of(), traceEverySteps(), keepSpikeTimes,
                DivergenceGuard.DEFAULT_BOUND_MV);
    }
}
