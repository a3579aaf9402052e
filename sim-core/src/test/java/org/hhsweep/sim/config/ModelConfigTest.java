package org.hhsweep.sim.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hhsweep.sim.model.Channel;
import org.hhsweep.sim.model.Gate;
import org.hhsweep.sim.model.NeuronModel;
import org.hhsweep.sim.model.RateForm;
import org.hhsweep.sim.sweep.BlockPlanner;
import org.hhsweep.sim.sweep.RunSpec;
import org.hhsweep.sim.sweep.RunTemplate;
import org.hhsweep.sim.sweep.SweepSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The model section: library bases, channels and gates merged by name, model files, the
 * tutorial's aliases, units of rates, sweeps of any model number, and broken descriptions refused
 * with the field named. Expected numbers are the published ones, written here by hand.
 */
class ModelConfigTest {
    private static final String SIM = "simulation: {duration: 10 ms, dt: 0.01 ms}\n";
    private static final String M_ALPHA = "{form: exp_linear, rate: 1 /ms, midpoint: -40 mV, scale: 10 mV}";
    private static final String N_BETA = "{form: exponential, rate: 0.125 /ms, midpoint: -65 mV, scale: -80 mV}";

    private static NeuronModel model(String yaml) {
        return ConfigLoader.parse(SIM + yaml, "m.yaml").spec().base().model();
    }

    @Test
    void withoutAModelSectionTheModelIsTheTutorials() {
        NeuronModel m = model("neurons: 1\n");
        assertEquals(ModelLibrary.hh(), m);
        assertEquals(120.0, m.channel("na").g(), 0.0);
        assertEquals(-54.387, m.channel("leak").E(), 0.0);
        assertEquals(List.of("m", "h", "n"), m.gates().stream().map(Gate::name).toList());
        assertEquals(3.0, m.gates().get(0).power(), 0.0);
        assertEquals(4.0, m.gates().get(2).power(), 0.0);
    }

    @Test
    void libraryModelsCarryTheirPublishedNumbers() {
        NeuronModel t = model("model: {base: traub_miles}\n");
        assertEquals(100.0, t.channel("na").g(), 0.0);
        assertEquals(-90.0, t.channel("k").E(), 0.0);
        assertEquals(-20.0, t.Vth(), 0.0);
        // Brian2's alpha_m = 0.32/mV (13 mV - v + VT) / (exp((13 mV - v + VT)/4 mV) - 1), VT = -63 mV
        double v = -30.0;
        double brian = 0.32 * (13 - v - 63) / (Math.exp((13 - v - 63) / 4.0) - 1);
        assertEquals(brian, t.gates().get(0).alpha().at(v), 1e-14);
        NeuronModel wb = model("model: {base: wang_buzsaki}\n");
        assertTrue(wb.gates().get(0).instantaneous());
        assertEquals(5.0, wb.phi(), 0.0);
        NeuronModel a = model("model: {base: traub_miles_m}\n");
        assertEquals(4, a.channels().size());
        assertEquals(2.95, a.channel("m_k").gates().get(0).phi(), 0.0);
        assertEquals(t.channel("na"), a.channel("na"), "the adapting cell is traub_miles plus a channel");
    }

    @Test
    void channelsAndGatesMergeOverTheBaseByName() {
        NeuronModel m = model("""
                model:
                  base: hh
                  channels:
                    na: {g: 100 mS/cm^2}
                    k: {gates: {n: {alpha: {midpoint: -50 mV}}}}
                    extra: {g: 1 mS/cm^2, E: -80 mV, gates: {q: {power: 2, alpha: %s, beta: %s}}}
                """.formatted(M_ALPHA, N_BETA));
        NeuronModel hh = ModelLibrary.hh();
        assertEquals(100.0, m.channel("na").g(), 0.0);
        assertEquals(hh.channel("na").gates(), m.channel("na").gates(), "unnamed gates stay the base's");
        Gate n = m.channel("k").gates().get(0);
        assertEquals(-50.0, n.alpha().midpoint(), 0.0);
        assertEquals(RateForm.EXP_LINEAR, n.alpha().form(), "a rate without a form merges into the base's");
        assertEquals(10.0, n.alpha().scale(), 0.0);
        assertEquals(List.of("na", "k", "leak", "extra"), m.channels().stream().map(Channel::name).toList());
        assertEquals(2.0, m.channel("extra").gates().get(0).power(), 0.0);
    }

    @Test
    void aRateGivenWithItsFormReplacesTheBasesWhole() {
        NeuronModel m = model("model: {channels: {k: {gates: {n: {beta: {form: sigmoid, rate: 1 /ms, midpoint: -30 mV,"
                + " scale: 5 mV}}}}}, base: hh}\n");
        Gate n = m.channel("k").gates().get(0);
        assertEquals(RateForm.SIGMOID, n.beta().form());
        assertEquals(5.0, n.beta().scale(), 0.0);
    }

    @Test
    void channelsWithoutABaseAreTheWholeModel() {
        NeuronModel m = model("model: {V_th: 0 mV, channels: {leak: {g: 0.1 mS/cm^2, E: -70 mV},"
                + " k: {g: 10 mS/cm^2, E: -90 mV, gates: {n: {power: 4, alpha: %s, beta: %s}}}}}\n".formatted(M_ALPHA, N_BETA));
        assertEquals(List.of("leak", "k"), m.channels().stream().map(Channel::name).toList());
        assertEquals(1.0, m.C(), 0.0);
        assertEquals(1.0, m.phi(), 0.0);
    }

    @Test
    void theTutorialsNamesStillSetItsNumbers() {
        NeuronModel m = model("model: {gNa: 100 mS/cm^2, EK: -80 mV, gL: 0.3 mS/cm^2}\n");
        assertEquals(100.0, m.channel("na").g(), 0.0);
        assertEquals(-80.0, m.channel("k").E(), 0.0);
        assertEquals(0.3, m.channel("leak").g(), 1e-15);
    }

    @Test
    void ratesTakeAnyUnitOfRate() {
        for (String rate : List.of("4 /ms", "4 1/ms", "4 kHz", "4000 Hz", "4000 /s", "0.004 /us")) {
            NeuronModel m = model("model: {channels: {na: {gates: {m: {beta: {rate: %s}}}}}, base: hh}\n".formatted(rate));
            assertEquals(4.0, m.channel("na").gates().get(0).beta().rate(), 1e-12, rate);
        }
    }

    @Test
    void aModelFileIsReadRelativeToTheConfig(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("cells"));
        Files.writeString(dir.resolve("cells/cell.yaml"), "base: traub_miles\nchannels: {na: {g: 80 mS/cm^2}}\n");
        Files.writeString(dir.resolve("sweep.yaml"), SIM + "model: {file: cells/cell.yaml, gK: 20 mS/cm^2}\n");
        NeuronModel m = ConfigLoader.load(dir.resolve("sweep.yaml")).spec().base().model();
        assertEquals(80.0, m.channel("na").g(), 0.0);
        assertEquals(20.0, m.channel("k").g(), 0.0, "the config's own keys apply over the file's");
        assertEquals(-20.0, m.Vth(), 0.0);
        Files.writeString(dir.resolve("cell.json"), "{\"base\": \"wang_buzsaki\"}");
        Files.writeString(dir.resolve("j.yaml"), SIM + "model: {file: cell.json}\n");
        assertEquals(ModelLibrary.model("wang_buzsaki"), ConfigLoader.load(dir.resolve("j.yaml")).spec().base().model());
    }

    @Test
    void everyModelNumberIsSweptAndNamesItsColumn() {
        SweepSpec s = ConfigLoader.parse(SIM + """
                model: {base: traub_miles}
                sweep:
                  grid: {model.channels.na.gates.m.alpha.midpoint: [-52 mV, -50 mV, -48 mV]}
                  random: {samples: 2, params: {model.phi: {uniform: [1, 3]}}}
                """, "s.yaml").spec();
        assertEquals(List.of("model.channels.na.gates.m.alpha.midpoint", "model.phi"), s.sweptPaths());
        assertEquals("model_channels_na_gates_m_alpha_midpoint", RunTemplate.column(s.sweptPaths().get(0)));
        RunSpec last = s.run(s.runCount() - 1);
        assertEquals(-48.0, last.template().model().gates().get(0).alpha().midpoint(), 0.0);
        double phi = last.template().model().phi();
        assertTrue(phi >= 1 && phi <= 3, "phi " + phi);
        // runs with other kinetics never share a block
        List<RunSpec> runs = java.util.stream.LongStream.range(0, s.runCount()).mapToObj(s::run).toList();
        assertEquals(runs.size(), BlockPlanner.plan(runs).size());
    }

    @Test
    void tracesOfGatesTheModelHasAreAllowed() {
        ConfigLoader.parse(SIM + "model: {base: wang_buzsaki}\nrecord: {traces: {variables: [V, m, h, n]}}\n", "t.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(SIM
                + "model: {V_th: 0 mV, channels: {leak: {g: 0.1 mS/cm^2, E: -70 mV}}}\nrecord: {traces: {variables: [V, m]}}\n",
                "t.yaml"));
        assertEquals("record.traces.variables[1]", e.field());
        assertTrue(e.getMessage().contains("this model's gates are none"), e.getMessage());
    }

    private static Arguments bad(String name, String model, String field, String... fragments) {
        return Arguments.of(name, model, field, List.of(fragments));
    }

    static Stream<Arguments> broken() {
        String gate = "{power: 4, alpha: %s, beta: %s}".formatted(M_ALPHA, N_BETA);
        return Stream.of(
                bad("unknown form", "{base: hh, channels: {k: {gates: {n: {alpha: {form: linear}}}}}}",
                        "model.channels.k.gates.n.alpha.form", "one of exponential, sigmoid, exp_linear"),
                bad("zero scale", "{base: hh, channels: {k: {gates: {n: {alpha: {scale: 0 mV}}}}}}",
                        "model.channels.k.gates.n.alpha.scale", "a nonzero voltage scale"),
                bad("negative conductance", "{base: hh, channels: {k: {g: -1 mS/cm^2}}}", "model.channels.k.g", ">= 0"),
                bad("negative conductance by alias", "{gK: -1 mS/cm^2}", "model.gK", ">= 0"),
                bad("negative rate", "{base: hh, channels: {na: {gates: {h: {beta: {rate: -1 /ms}}}}}}",
                        "model.channels.na.gates.h.beta.rate", "a rate >= 0"),
                bad("power zero", "{base: hh, channels: {na: {gates: {m: {power: 0}}}}}", "model.channels.na.gates.m.power",
                        "a whole number from 1 to 8"),
                bad("power nine", "{base: hh, channels: {na: {gates: {m: {power: 9}}}}}", "model.channels.na.gates.m.power",
                        "a whole number from 1 to 8"),
                bad("power not whole", "{base: hh, channels: {na: {gates: {m: {power: 2.5}}}}}", "model.channels.na.gates.m.power",
                        "a whole number from 1 to 8"),
                bad("gate without beta", "{base: hh, channels: {x: {g: 1 mS/cm^2, E: 0 mV, gates: {q: {alpha: %s}}}}}".formatted(M_ALPHA),
                        "model.channels.x.gates.q.beta", "a gate needs both alpha and beta"),
                bad("rate in mV", "{base: hh, channels: {na: {gates: {m: {alpha: {rate: 4 mV}}}}}}",
                        "model.channels.na.gates.m.alpha.rate", "a rate such as"),
                bad("midpoint in ms", "{base: hh, channels: {na: {gates: {m: {alpha: {midpoint: 4 ms}}}}}}",
                        "model.channels.na.gates.m.alpha.midpoint", "a voltage such as"),
                bad("conductance in mV", "{base: hh, channels: {na: {g: 120 mV}}}", "model.channels.na.g", "conductance density"),
                bad("unknown base", "{base: hodgkin}", "model.base", "one of hh, traub_miles"),
                bad("misspelt base", "{base: traub_mile}", "model.base", "did you mean 'traub_miles'?"),
                bad("unknown gate key", "{base: hh, channels: {na: {gates: {m: {pwr: 3}}}}}", "model.channels.na.gates.m.pwr",
                        "did you mean 'power'?"),
                bad("channel name with a dot", "{base: hh, channels: {na.fast: {g: 1 mS/cm^2, E: 50 mV}}}",
                        "model.channels.na.fast", "letters, digits and _"),
                bad("no threshold without a base", "{channels: {k: {g: 1 mS/cm^2, E: -90 mV, gates: {n: %s}}}}".formatted(gate),
                        "model.V_th", "spike threshold"),
                bad("channel without E", "{V_th: 0 mV, channels: {k: {g: 1 mS/cm^2, gates: {n: %s}}}}".formatted(gate),
                        "model.channels.k.E", "a voltage"),
                bad("alias without its channel", "{V_th: 0 mV, channels: {leak: {g: 1 mS/cm^2, E: -70 mV}}, gNa: 100 mS/cm^2}",
                        "model.gNa", "a channel 'na'"),
                bad("initial out of range", "{base: hh, channels: {na: {gates: {h: {initial: 1.5}}}}}",
                        "model.channels.na.gates.h.initial", "from 0 to 1"),
                bad("negative phi", "{phi: -1}", "model.phi", "a positive temperature factor"),
                bad("missing file", "{file: nowhere/cell.yaml}", "model.file", "no such file"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void brokenDescriptionsNameTheField(String name, String model, String field, List<String> fragments) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(SIM + "model: " + model + "\n", "b.yaml"));
        assertEquals(field, e.field(), "field of: " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "'" + f + "' not in: " + e.getMessage());
        }
    }

    @Test
    void aSweptNumberOutsideItsRangeIsRefusedNamingTheSweep() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(SIM
                + "sweep: {grid: {model.channels.na.gates.m.power: [3, 9]}}\n", "p.yaml"));
        assertEquals("sweep.grid.model.channels.na.gates.m.power[1]", e.field(), e.getMessage());
        e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(SIM
                + "sweep: {grid: {model.channels.k.gates.n.beta.scale: [-80 mV, 0 mV]}}\n", "p.yaml"));
        assertTrue(e.getMessage().contains("a nonzero voltage scale"), e.getMessage());
    }

    @Test
    void aFileThatIsNotAModelIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("sweep.yaml"), SIM + "model: {file: other.yaml}\n");
        Files.writeString(dir.resolve("other.yaml"), SIM + "neurons: 3\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(dir.resolve("sweep.yaml")));
        assertEquals("model.file", e.field());
        assertTrue(e.getMessage().contains("a sweep config"), e.getMessage());
        Files.writeString(dir.resolve("other.yaml"), "- 1\n- 2\n");
        e = assertThrows(ConfigException.class, () -> ConfigLoader.load(dir.resolve("sweep.yaml")));
        assertEquals("model.file", e.field());
        Files.writeString(dir.resolve("other.yaml"), "channels: {na: {g: -3 mS/cm^2}}\nbase: hh\n");
        e = assertThrows(ConfigException.class, () -> ConfigLoader.load(dir.resolve("sweep.yaml")));
        assertEquals("model.channels.na.g", e.field(), e.getMessage());
    }
}
