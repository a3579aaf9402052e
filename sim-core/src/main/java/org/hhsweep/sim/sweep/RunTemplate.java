package org.hhsweep.sim.sweep;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.hhsweep.sim.SimulationSettings;
import org.hhsweep.sim.integrate.Method;
import org.hhsweep.sim.model.NeuronModel;
import org.hhsweep.sim.network.NetworkSpec;
import org.hhsweep.sim.record.DivergenceGuard;
import org.hhsweep.sim.record.TraceQuantization;
import org.hhsweep.sim.record.TraceVariable;
import org.hhsweep.sim.stimulus.StimulusSpec;
import org.hhsweep.sim.units.EngineUnit;

/**
 * Everything that describes one run, in engine units: the base config of a sweep, and each run
 * after the sweep has set its swept scalars. Every sweepable scalar has a dotted config path
 * ({@link #paths()}), read with {@link #get} and set with {@link #with}: a section's prefix
 * ("model.") and a path of that section's {@link Sweepable} part, which alone knows its paths and
 * their units.
 *
 * @param windowStartMs analysis window start or NaN for none; likewise windowEndMs
 * @param tracedNeurons neurons 0 .. tracedNeurons-1 of each run get traces
 * @param traceEveryMs  trace sampling interval, a multiple of dt
 * @param traceQuantization how traces are stored: float32 samples or whole steps; a storage choice
 *                      only, the simulation does not depend on it
 * @param network       the network the run simulates (with the run's swept values applied), or null
 *                      for a run of independent neurons; with a network, neurons is its neuron count
 *                      and model, v0 and stimulus are unused
 * @param ratesBinMs    the bin of each population's rate over time ({@code record.rates.bin}, a
 *                      whole number of steps), or NaN when the config asks for no rates
 */
public record RunTemplate(double dt, double durationMs, Method method, double windowStartMs, double windowEndMs,
                          NeuronModel model, double v0, StimulusSpec stimulus, int neurons,
                          int tracedNeurons, List<TraceVariable> traceVariables, double traceEveryMs,
                          boolean keepSpikeTimes, TraceQuantization traceQuantization, NetworkSpec network,
                          double ratesBinMs) implements Serializable {

    public static final String SIMULATION = "simulation.";
    public static final String INITIAL = "initial.";
    public static final String MODEL = "model.";
    public static final String STIMULUS = "stimulus.";
    public static final String NETWORK = "network.";
    public static final String DT = SIMULATION + "dt";
    public static final String DURATION = SIMULATION + "duration";
    public static final String WINDOW_START = SIMULATION + "window.start";
    public static final String WINDOW_END = SIMULATION + "window.end";
    public static final String V0 = INITIAL + "V";

    public RunTemplate {
        traceVariables = List.copyOf(traceVariables);
        traceQuantization = traceQuantization == null ? TraceQuantization.NONE : traceQuantization;
        if (network != null) {
            neurons = (int) network.neurons();
        }
    }

    /** A run of independent neurons, without population rates. */
    public RunTemplate(double dt, double durationMs, Method method, double windowStartMs, double windowEndMs,
                       NeuronModel model, double v0, StimulusSpec stimulus, int neurons, int tracedNeurons,
                       List<TraceVariable> traceVariables, double traceEveryMs, boolean keepSpikeTimes,
                       TraceQuantization traceQuantization) {
        this(dt, durationMs, method, windowStartMs, windowEndMs, model, v0, stimulus, neurons, tracedNeurons,
                traceVariables, traceEveryMs, keepSpikeTimes, traceQuantization, null, Double.NaN);
    }

    /** A run whose traces, if any, are stored as float32 samples. */
    public RunTemplate(double dt, double durationMs, Method method, double windowStartMs, double windowEndMs,
                       NeuronModel model, double v0, StimulusSpec stimulus, int neurons, int tracedNeurons,
                       List<TraceVariable> traceVariables, double traceEveryMs, boolean keepSpikeTimes) {
        this(dt, durationMs, method, windowStartMs, windowEndMs, model, v0, stimulus, neurons, tracedNeurons,
                traceVariables, traceEveryMs, keepSpikeTimes, TraceQuantization.NONE, null, Double.NaN);
    }

    /** This run with a network (null: none) and rate bin (NaN: none). */
    public RunTemplate withNetwork(NetworkSpec value, double binMs) {
        return new RunTemplate(dt, durationMs, method, windowStartMs, windowEndMs, model, v0, stimulus, neurons,
                tracedNeurons, traceVariables, traceEveryMs, keepSpikeTimes, traceQuantization, value, binMs);
    }

    /**
     * A prefix and the part of the run under it. The simulation's and the initial parts are views
     * made on each call from the record's own components, which stay flat because the engine and
     * the Spark jobs read them (dt(), v0()).
     */
    private record Section<T extends Sweepable<T>>(String prefix, Function<RunTemplate, T> part,
                                                   BiFunction<RunTemplate, T, RunTemplate> put) {
        RunTemplate with(RunTemplate t, String path, double value) {
            return put.apply(t, part.apply(t).with(path, value));
        }
    }

    /** The sections in the order of {@link #paths()}, which is the order configs and messages list them. */
    private static final List<Section<?>> SECTIONS = List.of(
            new Section<>(SIMULATION, RunTemplate::times,
                    (t, s) -> t.copy(s, t.v0, t.model, t.stimulus, t.network)),
            new Section<>(INITIAL, t -> new Initial(t.v0),
                    (t, s) -> t.copy(t.times(), s.V(), t.model, t.stimulus, t.network)),
            new Section<>(MODEL, RunTemplate::model,
                    (t, s) -> t.copy(t.times(), t.v0, s, t.stimulus, t.network)),
            new Section<>(STIMULUS, RunTemplate::stimulus,
                    (t, s) -> t.copy(t.times(), t.v0, t.model, s, t.network)),
            // none without a network: the section is skipped where its part is null
            new Section<>(NETWORK, RunTemplate::network,
                    (t, s) -> t.copy(t.times(), t.v0, t.model, t.stimulus, s)));

    /**
     * The only place a swept value rebuilds the record, so a new component is carried over once.
     * A network's neuron count follows it (the compact constructor).
     */
    private RunTemplate copy(Times times, double v0, NeuronModel model, StimulusSpec stimulus, NetworkSpec network) {
        return new RunTemplate(times.dt(), times.duration(), method, times.windowStart(), times.windowEnd(), model, v0,
                stimulus, neurons, tracedNeurons, traceVariables, traceEveryMs, keepSpikeTimes, traceQuantization,
                network, ratesBinMs);
    }

    private Times times() {
        return new Times(dt, durationMs, windowStartMs, windowEndMs);
    }

    /** The sweepable times of the simulation section, in ms. */
    private record Times(double dt, double duration, double windowStart, double windowEnd) implements Sweepable<Times> {
        private static final List<String> PATHS = List.of("dt", "duration", "window.start", "window.end");

        @Override
        public List<String> paths() {
            return PATHS;
        }

        @Override
        public double get(String path) {
            return switch (path) {
                case "dt" -> dt;
                case "duration" -> duration;
                case "window.start" -> windowStart;
                case "window.end" -> windowEnd;
                default -> throw new IllegalArgumentException(path);
            };
        }

        @Override
        public Times with(String path, double value) {
            return switch (path) {
                case "dt" -> new Times(value, duration, windowStart, windowEnd);
                case "duration" -> new Times(dt, value, windowStart, windowEnd);
                case "window.start" -> new Times(dt, duration, value, windowEnd);
                case "window.end" -> new Times(dt, duration, windowStart, value);
                default -> throw new IllegalArgumentException(path);
            };
        }

        @Override
        public EngineUnit unit(String path) {
            return EngineUnit.MILLISECOND;
        }
    }

    /** The initial state a run may set: the membrane potential, in mV. */
    private record Initial(double V) implements Sweepable<Initial> {
        @Override
        public List<String> paths() {
            return List.of("V");
        }

        @Override
        public double get(String path) {
            return V;
        }

        @Override
        public Initial with(String path, double value) {
            return new Initial(value);
        }

        @Override
        public EngineUnit unit(String path) {
            return EngineUnit.MILLIVOLT;
        }
    }

    /** The sweepable scalar paths of this template (the model's and the stimulus's depend on them). */
    public List<String> paths() {
        List<String> out = new ArrayList<>();
        for (Section<?> s : SECTIONS) {
            if (!active(s)) {
                continue;
            }
            for (String path : s.part().apply(this).paths()) {
                out.add(s.prefix() + path);
            }
        }
        return Collections.unmodifiableList(out);
    }

    public double get(String path) {
        Section<?> s = section(path);
        return s.part().apply(this).get(path.substring(s.prefix().length()));
    }

    public RunTemplate with(String path, double value) {
        Section<?> s = section(path);
        return s.with(this, path.substring(s.prefix().length()), value);
    }

    /** The engine unit of a sweepable path's values. */
    public EngineUnit unit(String path) {
        Section<?> s = section(path);
        return s.part().apply(this).unit(path.substring(s.prefix().length()));
    }

    /**
     * Whether a section has paths in this run: the network's only with a network, and the
     * independent neurons' model, initial state and stimulus only without one (a network's
     * populations have their own, under network.).
     */
    private boolean active(Section<?> s) {
        if (s.prefix().equals(NETWORK)) {
            return network != null;
        }
        return network == null || s.prefix().equals(SIMULATION);
    }

    /** The section holding a sweepable path; the parts are asked only about paths they list. */
    private Section<?> section(String path) {
        for (Section<?> s : SECTIONS) {
            if (path.startsWith(s.prefix()) && active(s)
                    && s.part().apply(this).paths().contains(path.substring(s.prefix().length()))) {
                return s;
            }
        }
        throw new IllegalArgumentException("'" + path + "' is not a sweepable scalar; expected one of " + paths());
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
