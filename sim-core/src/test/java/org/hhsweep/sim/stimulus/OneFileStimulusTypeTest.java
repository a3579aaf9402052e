package org.hhsweep.sim.stimulus;

import static org.hhsweep.sim.units.EngineUnit.MICROAMPERE_PER_CM2;
import static org.hhsweep.sim.units.EngineUnit.MILLISECOND;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.hhsweep.sim.Simulator;
import org.hhsweep.sim.config.ConfigException;
import org.hhsweep.sim.config.ConfigLoader;
import org.hhsweep.sim.config.SweepConfig;
import org.hhsweep.sim.record.Trace;
import org.hhsweep.sim.record.TraceVariable;
import org.hhsweep.sim.sweep.RunSpec;
import org.hhsweep.sim.sweep.RunTemplate;
import org.junit.jupiter.api.Test;

/**
 * A stimulus type the project does not have, defined in this file alone (the record of its values
 * and one {@link StimulusType}), is read from a config with its units and defaults, refused by
 * its own rules, swept, resolved, quantised and simulated: nothing else names a type.
 */
class OneFileStimulusTypeTest {

    /** A sine current from onset on: amplitude * sin(2 pi (t - onset) / period); zero before. */
    record Sine(double amplitude, double period, double onset) implements StimulusSpec {
        public StimulusType kind() {
            return SINE;
        }

        public double[] values() {
            return new double[] {amplitude, period, onset};
        }
    }

    static final StimulusType SINE = StimulusType.define("sine")
            .field("amplitude", MICROAMPERE_PER_CM2)
            .field("period", MILLISECOND, "25 ms")
            .field("onset", MILLISECOND, "10 ms", 0.0)
            .rule(c -> !(c.get("period") > 0), "period", "a positive period")
            .rule(c -> c.get("onset") < 0, "onset", "an onset >= 0")
            .reach((s, sds) -> Math.abs(s.get("amplitude")))
            .create((v, draw) -> new Sine(v[0], v[1], v[2]))
            .engine(b -> {
                double[] amplitude = b.column("amplitude");
                double[] period = b.column("period");
                double[] onset = b.column("onset");
                double dt = b.dt();
                return (step, out) -> {
                    for (int i = 0; i < out.length; i++) {
                        out[i] = current(amplitude[i], period[i], onset[i], step * dt);
                    }
                };
            })
            .build();

    private static double current(double amplitude, double period, double onset, double t) {
        return t < onset ? 0.0 : amplitude * Math.sin(2 * Math.PI * (t - onset) / period);
    }

    private static final String SIM = "simulation: {duration: 50 ms, dt: 0.01 ms}\n";

    private static SweepConfig load(String yaml) {
        return ConfigLoader.parse(yaml, "sine.yaml");
    }

    private static ConfigException refused(String yaml) {
        return assertThrows(ConfigException.class, () -> load(yaml));
    }

    @Test
    void readSweptResolvedAndSimulated() {
        try (StimulusType.Registration ignored = StimulusType.register(SINE)) {
            SweepConfig c = load(SIM + """
                    neurons: 2
                    stimulus: {type: sine, amplitude: 20 uA/cm^2, period: 0.025 s}
                    record: {traces: {variables: [I], neurons: all, quantize: none}}
                    sweep: {grid: {stimulus.amplitude: [5 uA/cm^2, 20 uA/cm^2], stimulus.onset: [0 ms, 5 ms]}}
                    """);
            RunTemplate base = c.spec().base();
            assertEquals(new Sine(20, 25, 0), base.stimulus(), "seconds converted, onset defaulted");
            assertEquals(List.of("stimulus.amplitude", "stimulus.period", "stimulus.onset"),
                    base.paths().subList(base.paths().size() - 3, base.paths().size()));
            assertEquals(MILLISECOND, base.unit("stimulus.period"));

            assertEquals(4, c.spec().runCount());
            RunSpec last = c.spec().run(3);
            assertEquals(new Sine(20, 25, 5), last.template().stimulus());

            JsonNode stimulus = c.resolved().get("stimulus");
            assertEquals("sine", stimulus.get("type").asText());
            assertEquals(25.0, stimulus.get("period").asDouble(), 0.0);
            assertFalse(stimulus.has("shared"), "a deterministic type has no stream");
            assertEquals("ms", c.resolved().get("units").get("stimulus.onset").asText());

            Trace trace = Simulator.simulate(last.template().settings(), last.neurons()).traces().get(0);
            assertEquals(TraceVariable.I, trace.variable());
            for (int j = 0; j < trace.values().length; j++) {
                assertEquals((float) current(20, 25, 5, j * 0.01), trace.values()[j], 0.0f, "sample " + j);
            }
        }
    }

    /** The config is refused at {@code field}, expecting what {@code expected} says (a part of it). */
    private static void refusedAt(String yaml, String field, String expected) {
        ConfigException e = refused(yaml);
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.expected().contains(expected), e.getMessage());
    }

    @Test
    void itsRulesUnitsAndExamplesReachTheMessages() {
        String sine = SIM + "stimulus: {type: sine, amplitude: 1 uA/cm^2, period: 10 ms}\n";
        try (StimulusType.Registration ignored = StimulusType.register(SINE)) {
            refusedAt(SIM + "stimulus: {type: sine, amplitude: 1 uA/cm^2, period: 0 ms}\n", "stimulus.period",
                    "a positive period");
            refusedAt(sine + "sweep: {grid: {stimulus.onset: [0 ms, -1 ms]}}\n", "sweep.grid.stimulus.onset[1]",
                    "an onset >= 0");
            refusedAt(SIM + "stimulus: {type: sine, amplitude: 1 uA/cm^2}\n", "stimulus.period",
                    "a time such as \"25 ms\"");
            refusedAt(sine + "sweep: {grid: {stimulus.period: {from: 10 ms, to: true, step: 1 ms}}}\n",
                    "sweep.grid.stimulus.period.to", "a time such as \"25 ms\"");
            refusedAt(SIM + "stimulus: {type: sine, amplitude: 1 mV, period: 10 ms}\n", "stimulus.amplitude",
                    "current density");
            refusedAt(SIM + "stimulus: {type: sine, amplitude: 1 uA/cm^2, period: 10 ms, shared: true}\n",
                    "stimulus.shared", "only random stimuli (uniform, gaussian, ou)");
            refusedAt(sine + "sweep: {grid: {stimulus.sigma: [1 uA/cm^2]}}\n", "sweep.grid.stimulus.sigma",
                    "one of its fields: stimulus.amplitude, stimulus.period, stimulus.onset");
            refusedAt(SIM + "stimulus: {type: sine, amplitude: 20 uA/cm^2, period: 10 ms}\n"
                            + "record: {traces: {variables: [I], quantize: {I: 1e-9 uA/cm^2}}}\n",
                    "record.traces.quantize.I", "the stimulus's largest current, 20 uA/cm^2");
            refusedAt(SIM + "stimulus: {type: sin, amplitude: 1 uA/cm^2}\n", "stimulus.type", "did you mean 'sine'?");
        }
    }

    @Test
    void aMixedBlockGivesEachNeuronItsOwnCurrent() {
        StimulusSpec[] specs = {new Sine(3, 2, 0.5), new StimulusSpec.Constant(1.5), new Sine(-1, 4, 0)};
        long[] keys = new long[specs.length];
        Stimulus mixed = Stimuli.forBlock(specs, keys, 0.1);
        double[] out = new double[specs.length];
        for (int step = 0; step < 50; step++) {
            mixed.current(step, out);
            double t = step * 0.1;
            assertArrayEquals(new double[] {current(3, 2, 0.5, t), 1.5, current(-1, 4, 0, t)}, out, 0.0, "step " + step);
        }
    }

    @Test
    void aRegistrationEndsWhenClosed() {
        try (StimulusType.Registration ignored = StimulusType.register(SINE)) {
            assertTrue(StimulusType.names().contains("sine"));
            assertThrows(IllegalArgumentException.class, () -> StimulusType.register(SINE), "one type per name");
        }
        assertEquals(StimulusSpec.TYPES, StimulusType.names());
        ConfigException e = refused(SIM + "stimulus: {type: sine, amplitude: 1 uA/cm^2, period: 10 ms}\n");
        assertEquals("stimulus.type", e.field());
    }
}
