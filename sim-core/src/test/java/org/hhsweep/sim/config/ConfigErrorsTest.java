package org.hhsweep.sim.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of broken configs. Each must fail with a {@link ConfigException} naming the field that
 * is wrong and saying what was expected there.
 */
class ConfigErrorsTest {
    private static final String SIM = "simulation: {duration: 100 ms, dt: 0.01 ms}\n";

    private static Arguments bad(String name, String yaml, String field, String... fragments) {
        return Arguments.of(name, "bad.yaml", yaml, field, List.of(fragments));
    }

    private static Arguments badFile(String name, String source, String text, String field, String... fragments) {
        return Arguments.of(name, source, text, field, List.of(fragments));
    }

    static Stream<Arguments> corpus() {
        return Stream.of(
                // syntax
                bad("unclosed flow mapping", "simulation: {duration: 100 ms\nneurons: 2\n", "",
                        "invalid YAML at line", "well-formed YAML"),
                bad("bad indentation", "simulation:\n  duration: 100 ms\n   dt: 0.01 ms\n", "",
                        "invalid YAML at line 3, column 6", "mapping values are not allowed"),
                bad("tab indentation", "simulation:\n\tduration: 100 ms\n", "", "line 2, column 1", "TAB"),
                bad("duplicate key", SIM + "neurons: 2\nneurons: 3\n", "neurons", "line 3", "Duplicate field 'neurons'"),
                bad("duplicate nested key", SIM + "model:\n  gK: 30 mS/cm^2\n  gK: 36 mS/cm^2\n", "model.gK", "line 4",
                        "Duplicate field 'gK'"),
                bad("two documents", SIM + "---\nneurons: 2\n", "", "invalid YAML", "well-formed YAML"),
                badFile("json trailing comma", "bad.json", "{\"simulation\": {\"duration\": \"100 ms\",}}", "",
                        "invalid JSON at line 1, column 38", "well-formed JSON"),
                badFile("json two objects", "bad.json", "{} {}", "", "invalid JSON", "well-formed JSON"),
                badFile("unknown extension", "bad.txt", SIM, "", "bad.txt", ".yaml, .yml or .json"),
                bad("empty document", "# nothing here\n", "", "empty YAML document", "a mapping of config keys"),
                bad("top level is a list", "- 1\n- 2\n", "", "[1,2]", "a mapping with keys name, seed"),
                // unknown keys
                bad("misspelt top-level key", "simulaton: {duration: 100 ms}\n", "simulaton",
                        "unknown key 'simulaton'", "did you mean 'simulation'?"),
                bad("misspelt model parameter", SIM + "model: {gna: 120 mS/cm^2}\n", "model.gna",
                        "did you mean 'gNa'?", "ENa, gNa, EK, gK, EL, gL, C, V_th"),
                bad("misspelt simulation key", "simulation: {durration: 100 ms}\n", "simulation.durration",
                        "did you mean 'duration'?"),
                bad("field of another stimulus type", SIM + "stimulus: {type: constant, amplitud: 5 uA/cm^2}\n",
                        "stimulus.amplitud", "did you mean 'amplitude'?", "type, amplitude"),
                bad("shared on a deterministic stimulus", SIM + "stimulus: {type: constant, amplitude: 1 uA/cm^2, shared: true}\n",
                        "stimulus.shared", "'shared' on a constant stimulus",
                        "only random stimuli"),
                bad("unknown stimulus type", SIM + "stimulus: {type: unifrom, low: 1 uA/cm^2, high: 2 uA/cm^2}\n",
                        "stimulus.type", "unifrom", "did you mean 'uniform'?"),
                bad("stimulus without type", SIM + "stimulus: {amplitude: 1 uA/cm^2}\n", "stimulus.type",
                        "got nothing", "constant, pulse, ramp, uniform, gaussian, ou"),
                bad("unknown method", "simulation: {duration: 100 ms, method: rk45}\n", "simulation.method",
                        "rk45", "one of exp_euler, exp_euler_fast, exp_euler_reference, rk4, exp_euler_table",
                        "did you mean 'rk4'?"),
                bad("unknown window key", "simulation: {duration: 100 ms, window: {begin: 1 ms, end: 2 ms}}\n",
                        "simulation.window.begin", "start, end"),
                // units
                bad("bare number for a conductance", SIM + "model: {gNa: 120}\n", "model.gNa",
                        "model.gNa: got 120, expected a quantity with a unit of conductance density such as \"120 mS/cm^2\""),
                bad("voltage for a conductance", SIM + "model: {gNa: 120 mV}\n", "model.gNa",
                        "got 120 mV", "conductance density", "mV is a unit of voltage"),
                bad("unknown unit", "simulation: {duration: 100 ms, dt: 0.01 fortnights}\n", "simulation.dt",
                        "0.01 fortnights", "a time such as", "not a unit symbol"),
                bad("bare number for a time", "simulation: {duration: 100}\n", "simulation.duration",
                        "got 100", "unit of time such as \"100 ms\""),
                bad("not a number", SIM + "initial: {V: minus sixty mV}\n", "initial.V", "a voltage such as"),
                bad("NaN voltage", SIM + "initial: {V: NaN mV}\n", "initial.V", "NaN mV", "a finite voltage"),
                bad("infinite duration", "simulation: {duration: inf ms}\n", "simulation.duration", "finite time"),
                bad("a list for a quantity", SIM + "model: {gK: [36 mS/cm^2]}\n", "model.gK",
                        "conductance density such as"),
                // simulation
                bad("missing duration", "simulation: {dt: 0.01 ms}\n", "simulation.duration", "got nothing",
                        "a time such as \"100 ms\""),
                bad("dt zero", "simulation: {duration: 100 ms, dt: 0 ms}\n", "simulation.dt", "a positive time step"),
                bad("dt negative", "simulation: {duration: 100 ms, dt: -0.01 ms}\n", "simulation.dt", "got -0.01 ms"),
                bad("duration zero", "simulation: {duration: 0 s}\n", "simulation.duration", "a positive duration"),
                bad("dt longer than duration", "simulation: {duration: 0.5 ms, dt: 1 ms}\n", "simulation.dt",
                        "no longer than simulation.duration (0.5 ms)"),
                // a step so small no counter holds the run: refused, not run forever
                bad("dt below a nanosecond", "simulation: {duration: 100 ms, dt: 1e-320 ms}\n", "simulation.dt",
                        "got 1e-320 ms", "a time step of at least 1e-6 ms (1 ns)"),
                bad("dt just below the minimum", "simulation: {duration: 100 ms, dt: 0.99e-6 ms}\n", "simulation.dt",
                        "at least 1e-6 ms"),
                bad("swept dt below the minimum", SIM + "sweep: {grid: {simulation.dt: [0.01 ms, 1e-9 ms]}}\n",
                        "sweep.grid.simulation.dt[1]", "got 1e-9 ms", "at least 1e-6 ms"),
                bad("sampled dt below the minimum", SIM + "sweep: {random: {samples: 3, params: {simulation.dt: "
                        + "{loguniform: [1e-12 ms, 0.01 ms]}}}}\n", "sweep.random.params.simulation.dt.loguniform[0]",
                        "at least 1e-6 ms"),
                bad("run of more neuron-steps than counted exactly", "simulation: {duration: 1e10 ms, dt: 1e-6 ms}\n",
                        "simulation.dt", "at most 2^53 = 9007199254740992 neuron-steps per run",
                        "over simulation.duration (10000000000 ms)"),
                bad("neurons times steps beyond the count", "simulation: {duration: 1e9 ms, dt: 0.001 ms}\nneurons: 10000\n",
                        "simulation.dt", "10000 neurons", "2^53"),
                bad("swept duration beyond the count", "simulation: {duration: 100 ms, dt: 0.001 ms}\n"
                        + "sweep: {grid: {simulation.duration: [100 ms, 1e13 ms]}}\n", "sweep.grid.simulation.duration[1]",
                        "got 1e13 ms", "a duration giving at most 2^53", "at simulation.dt (0.001 ms)"),
                bad("window past the end", "simulation: {duration: 100 ms, window: {start: 50 ms, end: 200 ms}}\n",
                        "simulation.window.end", "got 200 ms", "within [0, simulation.duration (100 ms)]"),
                bad("window start after end", "simulation: {duration: 100 ms, window: {start: 60 ms, end: 50 ms}}\n",
                        "simulation.window.start", "before simulation.window.end (50 ms)"),
                bad("window start equals end", "simulation: {duration: 100 ms, window: {start: 50 ms, end: 50 ms}}\n",
                        "simulation.window.start", "before simulation.window.end"),
                bad("window before zero", "simulation: {duration: 100 ms, window: {start: -5 ms, end: 50 ms}}\n",
                        "simulation.window.start", "within [0, simulation.duration]"),
                bad("window without end", "simulation: {duration: 100 ms, window: {start: 5 ms}}\n",
                        "simulation.window.end", "got nothing"),
                // model and neurons
                bad("capacitance zero", SIM + "model: {C: 0 uF/cm^2}\n", "model.C", "a positive membrane capacitance"),
                bad("negative conductance", SIM + "model: {gK: -1 mS/cm^2}\n", "model.gK", "got -1 mS/cm^2", ">= 0"),
                bad("zero neurons", SIM + "neurons: 0\n", "neurons", "got 0", "a whole number from 1"),
                bad("fractional neurons", SIM + "neurons: 2.5\n", "neurons", "got 2.5", "a whole number"),
                bad("seed is text", SIM + "seed: forty-two\n", "seed", "forty-two", "a whole number"),
                bad("name is a number", SIM + "name: 42\n", "name", "a non-empty name"),
                // the name is the default output's last component: one safe path component
                bad("name is the parent directory", SIM + "name: ..\n", "name", "got \"..\"", "not starting with '.'",
                        "out/<name>"),
                bad("name climbs out of out/", SIM + "name: ../../x\n", "name", "got \"../../x\"", "one path component"),
                bad("name is two components", SIM + "name: a/b\n", "name", "got \"a/b\"", "letters, digits"),
                bad("name is the current directory", SIM + "name: .\n", "name", "got \".\""),
                bad("name is empty", SIM + "name: \"\"\n", "name", "got \"\"", "a non-empty name"),
                bad("name with a space", SIM + "name: my sweep\n", "name", "got \"my sweep\""),
                bad("name is hidden", SIM + "name: .cache\n", "name", "got \".cache\""),
                bad("name with a backslash", SIM + "name: 'a\\b'\n", "name", "got \"a\\b\""),
                bad("name with a line break", SIM + "name: \"a\\nb\"\n", "name", "got \"a\\nb\""),
                bad("name too long", SIM + "name: " + "n".repeat(SweepName.MAX_LENGTH + 1) + "\n", "name",
                        "at most 100 letters"),
                // numbers quoted as strings
                bad("neurons as a string", SIM + "neurons: \"10\"\n", "neurons", "got \"10\" (a string)",
                        "a whole number from 1"),
                bad("seed as a string", SIM + "seed: '42'\n", "seed", "got \"42\" (a string)", "a whole number"),
                bad("seeds as a string", SIM + "sweep: {seeds: \"3\"}\n", "sweep.seeds", "got \"3\" (a string)"),
                bad("samples as a string", SIM + "sweep: {random: {samples: \"1e3\", params: {model.gK: {uniform: "
                        + "[30 mS/cm^2, 40 mS/cm^2]}}}}\n", "sweep.random.samples", "got \"1e3\" (a string)"),
                bad("traced neurons as a string", SIM + "record: {traces: {neurons: \"1\"}}\n", "record.traces.neurons",
                        "got \"1\" (a string)", "\"all\" or a whole number"),
                bad("spikes as a string", SIM + "record: {spikes: \"false\"}\n", "record.spikes",
                        "got \"false\" (a string)", "true or false"),
                bad("neurons tagged as a string", SIM + "neurons: !!str 12\n", "neurons", "got \"12\" (a string)",
                        "from 1 to 2147483647 (neurons per run)"),
                // YAML aliases are refused, not read as the anchor's name
                bad("alias for a quantity", "simulation: {duration: 100 ms, dt: &d 0.01 ms}\nrecord: {traces: {every: *d}}\n",
                        "record.traces.every", "a YAML alias (*d) at line 2, column 26", "aliases are not supported"),
                bad("alias in a list", SIM + "sweep: {grid: {model.gK: [&g 30 mS/cm^2, *g]}}\n",
                        "sweep.grid.model.gK[1]", "a YAML alias (*g)", "the value written out"),
                bad("alias for a section", SIM + "model: &m {gK: 30 mS/cm^2}\ninitial: *m\n", "initial",
                        "a YAML alias (*m)"),
                bad("merge key", SIM + "model:\n  <<: *base\n", "model.<<", "a YAML alias (*base)"),
                bad("a document that is an alias", "*top\n", "", "invalid YAML at line 1, column 1: an alias (*top)",
                        "well-formed YAML without aliases"),
                bad("output is a list", SIM + "output: [a, b]\n", "output", "a directory path"),
                bad("execution is a number", SIM + "execution: 4\n", "execution", "a mapping of execution settings"),
                // stimulus rules
                bad("pulse of zero duration", SIM + "stimulus: {type: pulse, onset: 1 ms, duration: 0 ms, amplitude: 1 uA/cm^2}\n",
                        "stimulus.duration", "a positive pulse duration"),
                bad("pulse period shorter than pulse", SIM
                        + "stimulus: {type: pulse, onset: 1 ms, duration: 5 ms, amplitude: 1 uA/cm^2, period: 2 ms}\n",
                        "stimulus.period", "no shorter than stimulus.duration (5 ms)"),
                bad("ramp of negative duration", SIM + "stimulus: {type: ramp, onset: 0 ms, duration: -1 ms, from: 0 uA/cm^2, to: 1 uA/cm^2}\n",
                        "stimulus.duration", "a positive ramp duration"),
                bad("ou tau zero", SIM + "stimulus: {type: ou, mean: 1 uA/cm^2, sigma: 1 uA/cm^2, tau: 0 ms}\n",
                        "stimulus.tau", "a positive correlation time"),
                bad("gaussian negative sigma", SIM + "stimulus: {type: gaussian, mean: 1 uA/cm^2, sigma: -1 uA/cm^2}\n",
                        "stimulus.sigma", ">= 0"),
                bad("uniform high below low", SIM + "stimulus: {type: uniform, low: 10 uA/cm^2, high: 1 uA/cm^2}\n",
                        "stimulus.high", "got 1 uA/cm^2", ">= stimulus.low (10 uA/cm^2)"),
                bad("missing stimulus field", SIM + "stimulus: {type: uniform, low: 1 uA/cm^2}\n", "stimulus.high",
                        "got nothing", "current density"),
                bad("shared is not boolean", SIM + "stimulus: {type: uniform, low: 1 uA/cm^2, high: 2 uA/cm^2, shared: yes please}\n",
                        "stimulus.shared", "true or false"),
                // record
                bad("trace interval not a multiple of dt", SIM + "record: {traces: {every: 0.015 ms}}\n",
                        "record.traces.every", "got 0.015 ms", "whole multiple of simulation.dt (0.01 ms)"),
                bad("trace interval below dt", SIM + "record: {traces: {every: 0.004 ms}}\n",
                        "record.traces.every", "whole multiple"),
                bad("more traced neurons than a run has", SIM + "neurons: 2\nrecord: {traces: {neurons: 5}}\n",
                        "record.traces.neurons", "got 5", "from 0 to 2"),
                bad("traced neurons as a word", SIM + "record: {traces: {neurons: some}}\n", "record.traces.neurons",
                        "\"all\" or a whole number"),
                bad("unknown trace variable", SIM + "record: {traces: {variables: [V, v]}}\n",
                        "record.traces.variables[1]", "V, m, h, n, I"),
                // quantised samples are ints: a step must hold the variable's range, and keep something of it
                bad("quantisation step of V too small for an int", SIM + "record: {traces: {quantize: {V: 1e-300 mV}}}\n",
                        "record.traces.quantize.V", "got 1e-300 mV", "a step from 1e-6 mV to 10 mV", "+-1000 mV"),
                bad("quantisation step of V just below the minimum", SIM + "record: {traces: {quantize: {V: 0.9 nV}}}\n",
                        "record.traces.quantize.V", "got 0.9 nV", "from 1e-6 mV"),
                bad("quantisation step of V absurdly large", SIM + "record: {traces: {quantize: {V: 1 V}}}\n",
                        "record.traces.quantize.V", "got 1 V", "to 10 mV", "keeps almost nothing"),
                bad("quantisation step of a gate too small", SIM + "record: {traces: {variables: [h], quantize: {h: 1e-12}}}\n",
                        "record.traces.quantize.h", "a step from 1e-9 to 0.1", "[0, 1]"),
                bad("quantisation step of a gate too large", SIM + "record: {traces: {variables: [n], quantize: {n: 0.5}}}\n",
                        "record.traces.quantize.n", "got 0.5", "to 0.1"),
                bad("quantisation step of I too large", SIM + "record: {traces: {variables: [I], quantize: {I: 1 mA/cm^2}}}\n",
                        "record.traces.quantize.I", "got 1 mA/cm^2", "of at most 10 uA/cm^2"),
                bad("quantisation step of I too small for the stimulus", SIM
                        + "stimulus: {type: ramp, onset: 0 ms, duration: 50 ms, from: 0 uA/cm^2, to: -100 uA/cm^2}\n"
                        + "record: {traces: {variables: [V, I], quantize: {V: 0.001 mV, I: 1e-8 uA/cm^2}}}\n",
                        "record.traces.quantize.I", "got 1e-8 uA/cm^2", "a step of at least 4.7e-8 uA/cm^2",
                        "the stimulus's largest current, 100 uA/cm^2"),
                bad("quantisation step of I too small for noise", SIM
                        + "stimulus: {type: gaussian, mean: 0 uA/cm^2, sigma: 1000 uA/cm^2}\n"
                        + "record: {traces: {variables: [I], quantize: {I: 1e-6 uA/cm^2}}}\n",
                        "record.traces.quantize.I", "largest current, 6000 uA/cm^2"),
                bad("swept current beyond the quantised I", SIM + "stimulus: {type: constant, amplitude: 1 uA/cm^2}\n"
                        + "record: {traces: {variables: [I], quantize: {I: 1e-6 uA/cm^2}}}\n"
                        + "sweep: {grid: {stimulus.amplitude: [1 uA/cm^2, 5 mA/cm^2]}}\n",
                        "sweep.grid.stimulus.amplitude[1]", "got 5 mA/cm^2", "a current of at most 2.1e3 uA/cm^2",
                        "record.traces.quantize.I"),
                bad("quantisation step of V not a voltage", SIM + "record: {traces: {quantize: {V: 0.001 ms}}}\n",
                        "record.traces.quantize.V", "0.001 ms", "voltage"),
                bad("quantisation step of a gate with a unit", SIM
                        + "record: {traces: {variables: [m], quantize: {m: 0.001 mV}}}\n",
                        "record.traces.quantize.m", "0.001 mV", "dimensionless"),
                bad("zero quantisation step", SIM + "record: {traces: {quantize: {V: 0 mV}}}\n",
                        "record.traces.quantize.V", "got 0 mV", "positive step such as 0.001 mV"),
                bad("negative quantisation step", SIM
                        + "record: {traces: {variables: [I], quantize: {I: -0.1 uA/cm^2}}}\n",
                        "record.traces.quantize.I", "got -0.1 uA/cm^2", "positive step such as 0.001 uA/cm^2"),
                bad("quantisation of an unknown variable", SIM + "record: {traces: {quantize: {v: 0.001 mV}}}\n",
                        "record.traces.quantize.v", "unknown key 'v'", "V, m, h, n, I"),
                bad("quantisation of an untraced variable", SIM
                        + "record: {traces: {quantize: {V: 0.001 mV, h: 1e-5}}}\n",
                        "record.traces.quantize.h", "not traced", "[V]"),
                bad("quantisation step without its variable", SIM + "record: {traces: {quantize: 0.001 mV}}\n",
                        "record.traces.quantize", "got 0.001 mV", "{V: 0.001 mV}, or none for lossless"),
                bad("empty trace variables", SIM + "record: {traces: {variables: []}}\n", "record.traces.variables",
                        "at least one of V, m, h, n, I"),
                bad("trace interval longer than the run", SIM + "record: {traces: {every: 200 ms}}\n",
                        "record.traces.every", "got 200 ms", "no longer than simulation.duration (100 ms)"),
                bad("trace interval past int steps", "simulation: {duration: 1e4 ms, dt: 1e-6 ms}\n"
                        + "record: {traces: {every: 1e4 ms}}\n", "record.traces.every", "at most 2147483647 steps"),
                bad("trace of more samples than an array holds", "simulation: {duration: 1e9 ms, dt: 0.01 ms}\n"
                        + "record: {traces: {every: 0.1 ms}}\n", "record.traces.every", "samples per trace"),
                bad("empty key from a stray anchor", SIM + "&stimulus:\n  type: constant\n", "\"\"",
                        "a key with no name", "a stray ':', '&' or '*'"),
                bad("spikes not boolean", SIM + "record: {spikes: sometimes}\n", "record.spikes", "true or false"),
                // sweep
                bad("zero seeds", SIM + "sweep: {seeds: 0}\n", "sweep.seeds", "a whole number from 1"),
                bad("empty grid", SIM + "sweep: {grid: {}}\n", "sweep.grid", "a mapping of swept fields"),
                bad("empty axis", SIM + "sweep: {grid: {stimulus.amplitude: []}}\n", "sweep.grid.stimulus.amplitude",
                        "an empty list", "at least one current density value"),
                bad("range with zero step", SIM + "sweep: {grid: {stimulus.amplitude: {from: 0 uA/cm^2, to: 5 uA/cm^2, step: 0 uA/cm^2}}}\n",
                        "sweep.grid.stimulus.amplitude.step", "a non-zero step"),
                bad("range pointing the wrong way", SIM
                        + "sweep: {grid: {stimulus.amplitude: {from: 0 uA/cm^2, to: 20 uA/cm^2, step: -1 uA/cm^2}}}\n",
                        "sweep.grid.stimulus.amplitude.step", "a positive step", "to (20 uA/cm^2) is above from (0 uA/cm^2)"),
                bad("range without to", SIM + "sweep: {grid: {stimulus.amplitude: {from: 0 uA/cm^2, step: 1 uA/cm^2}}}\n",
                        "sweep.grid.stimulus.amplitude.to", "got nothing"),
                bad("range with unknown key", SIM + "sweep: {grid: {stimulus.amplitude: {from: 0 uA/cm^2, until: 5 uA/cm^2, step: 1 uA/cm^2}}}\n",
                        "sweep.grid.stimulus.amplitude.until", "from, to, step"),
                bad("range step without unit", SIM + "sweep: {grid: {model.gNa: {from: 100 mS/cm^2, to: 140 mS/cm^2, step: 10}}}\n",
                        "sweep.grid.model.gNa.step", "conductance density such as \"10 mS/cm^2\""),
                bad("range with too many values", SIM
                        + "sweep: {grid: {stimulus.amplitude: {from: 0 uA/cm^2, to: 20 uA/cm^2, step: 0.01 nA/cm^2}}}\n",
                        "sweep.grid.stimulus.amplitude.step", "at most 1000000 values"),
                bad("grid value with the wrong unit", SIM + "sweep: {grid: {stimulus.amplitude: [1 uA/cm^2, 2 mV]}}\n",
                        "sweep.grid.stimulus.amplitude[1]", "got 2 mV", "current density"),
                bad("repeated grid value", SIM + "sweep: {grid: {model.gK: [36 mS/cm^2, 0.036 S/cm^2]}}\n",
                        "sweep.grid.model.gK[1]", "not already in the list", "sweep.seeds"),
                bad("sweeping an unknown path", SIM + "sweep: {grid: {model.gNaa: [1 mS/cm^2]}}\n",
                        "sweep.grid.model.gNaa", "not a sweepable field", "did you mean 'model.gNa'?"),
                bad("sweeping a field of another stimulus", SIM + "sweep: {grid: {stimulus.low: [1 uA/cm^2]}}\n",
                        "sweep.grid.stimulus.low", "not a field of the constant stimulus", "stimulus.amplitude"),
                bad("sweeping neurons", SIM + "sweep: {grid: {neurons: [1, 2]}}\n", "sweep.grid.neurons",
                        "not a sweepable field"),
                bad("swept conductance negative", SIM + "sweep: {grid: {model.gNa: [100 mS/cm^2, -5 mS/cm^2]}}\n",
                        "sweep.grid.model.gNa[1]", "got -5 mS/cm^2", "a conductance density >= 0"),
                bad("swept range starting negative", SIM + "sweep: {grid: {model.gL: {from: -0.1 mS/cm^2, to: 0.3 mS/cm^2, step: 0.1 mS/cm^2}}}\n",
                        "sweep.grid.model.gL.from", "got -0.1 mS/cm^2"),
                bad("swept single value invalid", SIM + "sweep: {grid: {model.C: 0 uF/cm^2}}\n", "sweep.grid.model.C",
                        "a positive membrane capacitance"),
                bad("swept dt that does not divide the trace interval", SIM
                        + "record: {traces: {every: 0.02 ms}}\nsweep: {grid: {simulation.dt: [0.01 ms, 0.02 ms, 0.03 ms]}}\n",
                        "sweep.grid.simulation.dt[2]", "got 0.03 ms", "divides record.traces.every (0.02 ms)"),
                bad("swept duration shorter than the window", "simulation: {duration: 1000 ms, window: {start: 500 ms, end: 1000 ms}}\n"
                        + "sweep: {grid: {simulation.duration: [1000 ms, 300 ms]}}\n",
                        "sweep.grid.simulation.duration[1]", "got 300 ms", "covering the analysis window"),
                bad("swept window start without a window", SIM + "sweep: {grid: {simulation.window.start: [0 ms, 10 ms]}}\n",
                        "sweep.grid.simulation.window.start[0]", "both start and end"),
                bad("swept window crossing swept end", "simulation: {duration: 100 ms, window: {start: 0 ms, end: 100 ms}}\n"
                        + "sweep: {grid: {simulation.window.start: [0 ms, 40 ms], simulation.window.end: [50 ms, 30 ms]}}\n",
                        "sweep.grid.simulation.window.start[1]", "got 40 ms", "before simulation.window.end (30 ms)"),
                bad("swept uniform bounds crossing", SIM + "stimulus: {type: uniform, low: 1 uA/cm^2, high: 10 uA/cm^2}\n"
                        + "sweep: {grid: {stimulus.low: [1 uA/cm^2, 5 uA/cm^2], stimulus.high: [10 uA/cm^2, 4 uA/cm^2]}}\n",
                        "sweep.grid.stimulus.high[1]", "got 4 uA/cm^2", ">= stimulus.low (5 uA/cm^2)"),
                bad("missing base value not swept", SIM + "stimulus: {type: constant}\nsweep: {grid: {model.gK: [30 mS/cm^2]}}\n",
                        "stimulus.amplitude", "got nothing", "current density"),
                // random sampling
                bad("swept twice", SIM + "sweep:\n  grid: {model.gK: [30 mS/cm^2]}\n"
                        + "  random: {samples: 10, params: {model.gK: {uniform: [30 mS/cm^2, 40 mS/cm^2]}}}\n",
                        "sweep.random.params.model.gK", "already swept in sweep.grid", "each field swept once"),
                bad("unknown distribution", SIM + "sweep: {random: {samples: 10, params: {model.gK: {unifrom: [30 mS/cm^2, 40 mS/cm^2]}}}}\n",
                        "sweep.random.params.model.gK.unifrom", "did you mean 'uniform'?"),
                bad("distribution with one bound", SIM + "sweep: {random: {samples: 10, params: {model.gK: {uniform: [30 mS/cm^2]}}}}\n",
                        "sweep.random.params.model.gK.uniform", "a list of two conductance density values"),
                bad("uniform bounds reversed", SIM + "sweep: {random: {samples: 10, params: {model.gK: {uniform: [40 mS/cm^2, 30 mS/cm^2]}}}}\n",
                        "sweep.random.params.model.gK.uniform[1]", "above the lower bound 40 mS/cm^2"),
                bad("loguniform from zero", SIM + "sweep: {random: {samples: 10, params: {model.gK: {loguniform: [0 mS/cm^2, 30 mS/cm^2]}}}}\n",
                        "sweep.random.params.model.gK.loguniform[0]", "a positive lower bound"),
                bad("sampled conductance can be negative", SIM + "sweep: {random: {samples: 10, params: {model.gK: {uniform: [-5 mS/cm^2, 30 mS/cm^2]}}}}\n",
                        "sweep.random.params.model.gK.uniform[0]", "got -5 mS/cm^2", ">= 0"),
                bad("normal reaching negative conductances", SIM + "sweep: {random: {samples: 10, params: {model.gNa: {normal: [120 mS/cm^2, 30 mS/cm^2]}}}}\n",
                        "sweep.random.params.model.gNa.normal", "mean - 6 sd", ">= 0"),
                bad("normal with zero sd", SIM + "sweep: {random: {samples: 10, params: {initial.V: {normal: [-65 mV, 0 mV]}}}}\n",
                        "sweep.random.params.initial.V.normal[1]", "a positive standard deviation"),
                bad("random without samples", SIM + "sweep: {random: {params: {model.gK: {uniform: [30 mS/cm^2, 40 mS/cm^2]}}}}\n",
                        "sweep.random.samples", "got nothing", "random samples per grid point"),
                bad("random without params", SIM + "sweep: {random: {samples: 5}}\n", "sweep.random.params", "got nothing"),
                bad("unknown sweep key", SIM + "sweep: {seed: 3}\n", "sweep.seed", "did you mean 'seeds'?"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void rejectsWithFieldAndExpectation(String name, String source, String text, String field, List<String> fragments) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(text, source));
        assertEquals(field, e.field(), "field of: " + e.getMessage());
        assertFalse(e.expected() == null || e.expected().isBlank(), e.getMessage());
        assertTrue(e.getMessage().contains(", expected " + e.expected()), e.getMessage());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "'" + f + "' not in: " + e.getMessage());
        }
    }

    @Test
    void largeSweepsAreCheckedAtTheirExtremes() {
        // 400 x 400 swept times is over the full-product limit: each value is checked against the
        // other axis's extremes, which still finds dt = 0.5025 ms against duration = 0.5 ms.
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("""
                sweep:
                  grid:
                    simulation.dt: {from: 0.0025 ms, to: 1 ms, step: 0.0025 ms}
                    simulation.duration: {from: 0.5 ms, to: 200 ms, step: 0.5 ms}
                """, "big.yaml"));
        assertEquals("sweep.grid.simulation.dt", e.field(), e.getMessage());
        assertEquals("0.5025 ms (value 200 of the range)", e.value());
        assertTrue(e.expected().contains("no longer than simulation.duration (0.5 ms)"), e.getMessage());

        SweepConfig ok = ConfigLoader.parse("""
                simulation: {duration: 10 ms}
                stimulus: {type: uniform, low: 0 uA/cm^2, high: 30 uA/cm^2}
                sweep:
                  grid:
                    stimulus.low: {from: 0 uA/cm^2, to: 3.99 uA/cm^2, step: 0.01 uA/cm^2}
                    stimulus.high: {from: 4 uA/cm^2, to: 7.99 uA/cm^2, step: 0.01 uA/cm^2}
                """, "big.yaml");
        assertEquals(160_000L, ok.spec().runCount());
    }

    @Test
    void corpusIsLarge() {
        assertTrue(corpus().count() >= 40);
    }

    @Test
    void everyErrorOfTheCorpusIsDistinct() {
        // Guards against cases passing for the wrong reason (two cases hitting one early check).
        List<String> messages = corpus().map(a -> {
            Object[] args = a.get();
            try {
                ConfigLoader.parse((String) args[2], (String) args[1]);
                return "no error";
            } catch (ConfigException e) {
                return e.getMessage();
            }
        }).toList();
        assertEquals(messages.size(), messages.stream().distinct().count(), String.join("\n", messages));
    }
}
