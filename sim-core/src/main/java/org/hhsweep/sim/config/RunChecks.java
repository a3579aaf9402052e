package org.hhsweep.sim.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hhsweep.sim.model.Channel;
import org.hhsweep.sim.model.Gate;
import org.hhsweep.sim.model.NeuronModel;
import org.hhsweep.sim.model.RateFunction;
import org.hhsweep.sim.network.NetworkSpec;
import org.hhsweep.sim.network.Population;
import org.hhsweep.sim.network.SynapseGroup;
import org.hhsweep.sim.record.TraceQuantization;
import org.hhsweep.sim.record.TraceVariable;
import org.hhsweep.sim.stimulus.StimulusSpec;
import org.hhsweep.sim.stimulus.StimulusType;
import org.hhsweep.sim.sweep.RunTemplate;
import org.hhsweep.sim.sweep.Sweepable;
import org.hhsweep.sim.units.EngineUnit;
import org.hhsweep.sim.units.Units;

/**
 * The rules a run must satisfy, checked on the base run and on every swept value. A broken rule is
 * a {@link Problem} naming each field involved with what that field should have been, so the error
 * can point at whichever of them the user swept.
 */
final class RunChecks {
    static final String TRACE_EVERY = "record.traces.every";
    static final String QUANTIZE_PREFIX = ConfigReader.TRACE_QUANTIZE + ".";
    /** Relative slack for "is a whole multiple" and "is within": absorbs decimal-to-binary rounding. */
    static final double TOLERANCE = 1e-9;
    /** Samples one trace may hold: the longest Java array. */
    static final long MAX_TRACE_SAMPLES = Integer.MAX_VALUE - 8;
    /**
     * The shortest step, 1 ns: far below any step the schemes need (the tutorial's is 0.01 ms), and
     * far above the tiny positive doubles (1e-320 ms) whose step counts no counter holds.
     */
    static final double MIN_DT_MS = 1e-6;
    static final String MIN_DT_TEXT = "1e-6 ms";
    /**
     * Neuron-steps one run may have (neurons x duration / dt), 2^53: step indices and neuron-steps
     * are counted in longs and summed in doubles (the sweep's size), which count every whole
     * number exactly up to here. At a billion neuron-steps a second, a run this long takes months.
     */
    static final double MAX_RUN_NEURON_STEPS = 0x1p53;

    private RunChecks() {
    }

    /** The fields of a broken rule, in order of preference, each with what it should have been. */
    record Problem(Map<String, String> expectedByField) {
        static Problem of(String field, String expected) {
            return new Problem(Map.of(field, expected));
        }

        static Problem of(String field1, String expected1, String field2, String expected2) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put(field1, expected1);
            m.put(field2, expected2);
            return new Problem(m);
        }
    }

    /** The first broken rule of a run, or null when it is valid. */
    static Problem firstProblem(RunTemplate t) {
        Problem p = time(t);
        if (p == null) {
            p = model(t);
        }
        if (p == null) {
            p = stimulus(t);
        }
        if (p == null && t.network() != null) {
            p = network(t);
        }
        return p;
    }

    /**
     * A network's rules that swept values can break beyond those its own records keep (which
     * refuse a negative weight or a p above 1 as the value is set): every delay a whole number of
     * the run's steps, each population's model and stimulus valid.
     */
    private static Problem network(RunTemplate t) {
        NetworkSpec n = t.network();
        for (SynapseGroup g : n.synapses()) {
            if (g.delaySteps(t.dt()) < 0) {
                String field = RunTemplate.NETWORK + "synapses." + g.name() + ".delay";
                return Problem.of(field, "0 or a whole number of steps of " + show(t, RunTemplate.DT),
                        RunTemplate.DT, "a step that divides every synaptic delay into whole steps (" + show(t, field) + ")");
            }
        }
        for (Population p : n.populations()) {
            String prefix = RunTemplate.NETWORK + "populations." + p.name() + ".";
            Problem problem = model(p.model(), prefix + "model.");
            if (problem == null) {
                problem = stimulus(p.stimulus(), prefix + "stimulus.", f -> show(t, prefix + "stimulus." + f));
            }
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /** A template value by config field, for messages. */
    static double value(RunTemplate t, String field) {
        if (field.startsWith(QUANTIZE_PREFIX)) {
            return t.traceQuantization().step(quantized(field));
        }
        return field.equals(TRACE_EVERY) ? t.traceEveryMs() : t.get(field);
    }

    static EngineUnit unit(RunTemplate t, String field) {
        if (field.startsWith(QUANTIZE_PREFIX)) {
            return quantized(field).engineUnit();
        }
        return field.equals(TRACE_EVERY) ? EngineUnit.MILLISECOND : t.unit(field);
    }

    private static TraceVariable quantized(String field) {
        return TraceVariable.fromLabel(field.substring(QUANTIZE_PREFIX.length()));
    }

    private static String show(RunTemplate t, String field) {
        return field + " (" + Units.format(value(t, field), unit(t, field)) + ")";
    }

    private static Problem time(RunTemplate t) {
        if (!(t.dt() > 0)) {
            return Problem.of(RunTemplate.DT, "a positive time step");
        }
        if (t.dt() < MIN_DT_MS) {
            return Problem.of(RunTemplate.DT, "a time step of at least " + MIN_DT_TEXT + " (1 ns)");
        }
        if (!(t.durationMs() > 0)) {
            return Problem.of(RunTemplate.DURATION, "a positive duration");
        }
        if (t.dt() > t.durationMs() * (1 + TOLERANCE)) {
            return Problem.of(RunTemplate.DT, "a step no longer than " + show(t, RunTemplate.DURATION),
                    RunTemplate.DURATION, "a duration of at least one step, " + show(t, RunTemplate.DT));
        }
        if ((double) t.neurons() * (t.durationMs() / t.dt()) > MAX_RUN_NEURON_STEPS) {
            String most = "at most 2^53 = " + (long) MAX_RUN_NEURON_STEPS + " neuron-steps per run (neurons x duration / dt"
                    + ", " + t.neurons() + " neuron" + (t.neurons() == 1 ? "" : "s") + ")";
            return Problem.of(RunTemplate.DT, "a step giving " + most + " over " + show(t, RunTemplate.DURATION),
                    RunTemplate.DURATION, "a duration giving " + most + " at " + show(t, RunTemplate.DT));
        }
        boolean hasStart = !Double.isNaN(t.windowStartMs());
        boolean hasEnd = !Double.isNaN(t.windowEndMs());
        if (hasStart != hasEnd) {
            String given = hasStart ? RunTemplate.WINDOW_START : RunTemplate.WINDOW_END;
            return Problem.of(given, "an analysis window with both start and end (simulation.window)");
        }
        if (hasStart) {
            if (t.windowStartMs() < 0) {
                return Problem.of(RunTemplate.WINDOW_START, "a window start within [0, simulation.duration]");
            }
            if (t.windowEndMs() > t.durationMs() * (1 + TOLERANCE)) {
                return Problem.of(RunTemplate.WINDOW_END, "a window end within [0, " + show(t, RunTemplate.DURATION) + "]",
                        RunTemplate.DURATION, "a duration covering the analysis window, up to "
                                + show(t, RunTemplate.WINDOW_END));
            }
            if (!(t.windowStartMs() < t.windowEndMs())) {
                return Problem.of(RunTemplate.WINDOW_START, "a window start before " + show(t, RunTemplate.WINDOW_END),
                        RunTemplate.WINDOW_END, "a window end after " + show(t, RunTemplate.WINDOW_START));
            }
        }
        if (t.tracedNeurons() > 0) {
            return traces(t);
        }
        return null;
    }

    private static Problem traces(RunTemplate t) {
        if (!isMultiple(t.traceEveryMs(), t.dt())) {
            return Problem.of(TRACE_EVERY, "a whole multiple of " + show(t, RunTemplate.DT),
                    RunTemplate.DT, "a step that divides " + show(t, TRACE_EVERY) + " into whole steps");
        }
        // A trace is held in one array and its interval counted in int steps.
        if (t.traceEveryMs() > t.durationMs() * (1 + TOLERANCE)) {
            return Problem.of(TRACE_EVERY, "an interval no longer than " + show(t, RunTemplate.DURATION),
                    RunTemplate.DURATION, "a duration of at least " + show(t, TRACE_EVERY));
        }
        if (Math.rint(t.traceEveryMs() / t.dt()) > Integer.MAX_VALUE) {
            return Problem.of(TRACE_EVERY, "an interval of at most " + Integer.MAX_VALUE + " steps of "
                    + show(t, RunTemplate.DT), RunTemplate.DT, "a step of at least 1/" + Integer.MAX_VALUE
                    + " of " + show(t, TRACE_EVERY));
        }
        if (t.durationMs() / t.traceEveryMs() > MAX_TRACE_SAMPLES) {
            return Problem.of(TRACE_EVERY, "an interval giving at most " + MAX_TRACE_SAMPLES + " samples per trace"
                            + " over " + show(t, RunTemplate.DURATION),
                    RunTemplate.DURATION, "a duration giving at most " + MAX_TRACE_SAMPLES + " samples per trace"
                            + " every " + show(t, TRACE_EVERY));
        }
        return quantizedCurrent(t);
    }

    /**
     * A step chosen for the input current must hold the stimulus's largest current in an int of
     * steps. The default step refuses no config: a sample it cannot hold is null, as documented.
     */
    private static Problem quantizedCurrent(RunTemplate t) {
        TraceVariable i = TraceVariable.I;
        if (!t.traceVariables().contains(i) || !t.traceQuantization().has(i)
                || t.traceQuantization().step(i) == TraceQuantization.DEFAULT_STEPS.get(i)) {
            return null;
        }
        double reach = QuantizeSteps.reach(t.stimulus());
        String field = QUANTIZE_PREFIX + i.label();
        if (!(reach / t.traceQuantization().step(i) > QuantizeSteps.MAX_CODE)) {
            return null;
        }
        // the stimulus's current fields set its reach; whichever of them is swept is the one to blame
        List<String> currents = t.stimulus().fields().stream().map(f -> RunTemplate.STIMULUS + f)
                .filter(f -> t.unit(f) == i.engineUnit()).toList();
        Map<String, String> m = new LinkedHashMap<>();
        m.put(field, "a step of at least " + QuantizeSteps.smallestStep(reach) + " " + i.unit()
                + " (samples are stored as whole steps in an int, which must hold the stimulus's largest current, "
                + Units.format(reach, i.engineUnit()) + ")");
        for (String f : currents) {
            m.put(f, "a current of at most " + QuantizeSteps.largestCurrent(t.traceQuantization().step(i)) + " "
                    + i.unit() + " in size, which the int of steps of " + show(t, field) + " holds");
        }
        return new Problem(m);
    }

    /** Whether x is k*step for a whole k >= 1, within a relative tolerance. */
    static boolean isMultiple(double x, double step) {
        double k = x / step;
        double whole = Math.rint(k);
        return whole >= 1 && Math.abs(k - whole) <= TOLERANCE * Math.max(1.0, whole);
    }

    /** The model's rules, over every channel and gate it has: this runs for every combination of swept values. */
    private static Problem model(RunTemplate t) {
        return model(t.model(), RunTemplate.MODEL);
    }

    /** The first broken rule of a model whose section's paths start with {@code prefix} ("model."), or null. */
    static Problem model(NeuronModel m, String prefix) {
        if (!(m.C() > 0)) {
            return Problem.of(prefix + "C", "a positive membrane capacitance");
        }
        if (!(m.phi() > 0)) {
            return Problem.of(prefix + "phi", "a positive temperature factor");
        }
        for (Channel c : m.channels()) {
            String cp = NeuronModel.CHANNELS + c.name() + ".";
            if (c.g() < 0) {
                return modelProblem(prefix, cp + "g", "a conductance density >= 0");
            }
            for (Gate g : c.gates()) {
                String gp = cp + NeuronModel.GATES + g.name() + ".";
                if (g.power() != Math.rint(g.power()) || g.power() < 1 || g.power() > Gate.MAX_POWER) {
                    return modelProblem(prefix, gp + "power", "a whole number from 1 to " + Gate.MAX_POWER + " (the gate's exponent)");
                }
                if (!Double.isNaN(g.phi()) && !(g.phi() > 0)) {
                    return modelProblem(prefix, gp + "phi", "a positive temperature factor");
                }
                if (!Double.isNaN(g.initial()) && !(g.initial() >= 0 && g.initial() <= 1)) {
                    return modelProblem(prefix, gp + "initial", "a gate value from 0 to 1");
                }
                for (String r : List.of("alpha", "beta")) {
                    RateFunction f = r.equals("alpha") ? g.alpha() : g.beta();
                    if (f.rate() < 0) {
                        return modelProblem(prefix, gp + r + ".rate", "a rate >= 0");
                    }
                    if (f.scale() == 0) {
                        return modelProblem(prefix, gp + r + ".scale", "a nonzero voltage scale");
                    }
                }
            }
        }
        return null;
    }

    /** A broken rule of a model number, naming its tutorial alias too where it has one. */
    private static Problem modelProblem(String prefix, String path, String expected) {
        for (Map.Entry<String, String> a : NeuronModel.ALIASES.entrySet()) {
            if (a.getValue().equals(path)) {
                return Problem.of(prefix + a.getKey(), expected, prefix + path, expected);
            }
        }
        return Problem.of(prefix + path, expected);
    }

    private static Problem stimulus(RunTemplate t) {
        return stimulus(t.stimulus(), RunTemplate.STIMULUS, f -> show(t, RunTemplate.STIMULUS + f));
    }

    /**
     * The first broken rule of a stimulus whose fields' paths start with {@code prefix}, or null;
     * {@code show} gives a field (by its name in the stimulus) with its value, for messages.
     */
    static Problem stimulus(StimulusSpec s, String prefix, java.util.function.Function<String, String> show) {
        Map<String, String> broken = s.kind().firstProblem(new StimulusType.Checked(s, show, TOLERANCE));
        if (broken.isEmpty()) {
            return null;
        }
        Map<String, String> m = new LinkedHashMap<>();
        broken.forEach((f, expected) -> m.put(prefix + f, expected));
        return new Problem(m);
    }
}
