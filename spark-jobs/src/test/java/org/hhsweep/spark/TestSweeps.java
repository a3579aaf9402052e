package org.hhsweep.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.hhsweep.sim.config.SweepConfig;
import org.hhsweep.sim.integrate.Method;
import org.hhsweep.sim.config.ModelLibrary;
import org.hhsweep.sim.record.TraceVariable;
import org.hhsweep.sim.stimulus.StimulusSpec;
import org.hhsweep.sim.sweep.RunTemplate;
import org.hhsweep.sim.sweep.SweepSpec;

/** Sweeps built in code (not through the config loader), and the shared reference numbers. */
public final class TestSweeps {
    private static JsonNode reference;

    private TestSweeps() {
    }

    /**
     * The tutorial: 10 neurons, 100 ms at dt 0.01 ms, exp_euler_reference, one input uniform in [1, 10)
     * uA/cm^2 drawn every step and shared by all neurons; spike times kept, no traces.
     */
    public static SweepConfig tutorial() {
        RunTemplate base = new RunTemplate(0.01, 100, Method.EXP_EULER_REFERENCE, Double.NaN, Double.NaN,
                ModelLibrary.hh(), -65, new StimulusSpec.Uniform(1, 10, true), 10, 0, List.of(), 0.01, true);
        return config(new SweepSpec("tutorial", 42, base, List.of(), 0, List.of(), 1));
    }

    /**
     * An f-I curve: one neuron per constant current of the reference table, 1000 ms at dt 0.01 ms,
     * window 500..1000 ms, V and I traced every 0.1 ms.
     */
    public static SweepConfig fICurve() {
        JsonNode table = reference().get("constant_current_1000ms_dt0.01");
        double[] currents = new double[table.size()];
        for (int i = 0; i < currents.length; i++) {
            currents[i] = table.get(i).get("I").asDouble();
        }
        RunTemplate base = new RunTemplate(0.01, 1000, Method.EXP_EULER_REFERENCE, 500, 1000, ModelLibrary.hh(), -65,
                new StimulusSpec.Constant(0), 1, 1, List.of(TraceVariable.V, TraceVariable.I), 0.1, true);
        return config(new SweepSpec("f-I", 1, base,
                List.of(new SweepSpec.GridAxis("stimulus.amplitude", currents)), 0, List.of(), 1));
    }

    /**
     * A sweep with everything that could depend on partitioning: per-neuron noise, a grid over two
     * parameters (one of them dt, so runs need different blocks), random sampling, replicates,
     * traces and spikes. 2 x 2 grid x 2 samples x 3 replicates = 24 runs of 5 neurons, 40 ms.
     */
    public static SweepConfig mixed() {
        RunTemplate base = new RunTemplate(0.02, 40, Method.EXP_EULER_REFERENCE, 10, 40, ModelLibrary.hh(), -65,
                new StimulusSpec.OrnsteinUhlenbeck(7, 4, 2, false), 5, 2,
                List.of(TraceVariable.V, TraceVariable.M, TraceVariable.I), 0.2, true);
        SweepSpec spec = new SweepSpec("mixed", 2024, base, List.of(
                new SweepSpec.GridAxis(RunTemplate.DT, new double[] {0.02, 0.01}),
                new SweepSpec.GridAxis("model.gK", new double[] {30, 36})),
                2, List.of(new SweepSpec.RandomParam("model.gNa", SweepSpec.Distribution.UNIFORM, 100, 140)), 3);
        return config(spec);
    }

    /** Two runs: a current the model follows, and one so large V leaves any sane range (diverges). */
    public static SweepConfig diverging() {
        RunTemplate base = new RunTemplate(0.01, 20, Method.EXP_EULER_REFERENCE, Double.NaN, Double.NaN,
                ModelLibrary.hh(), -65, new StimulusSpec.Constant(10), 3, 0, List.of(), 0.01, true);
        return config(new SweepSpec("diverging", 5, base,
                List.of(new SweepSpec.GridAxis("stimulus.amplitude", new double[] {10, 1e7})), 0, List.of(), 1));
    }

    /** A config as the loader would return it, with a stand-in for the resolved config. */
    public static SweepConfig config(SweepSpec spec) {
        ObjectNode resolved = new ObjectMapper().createObjectNode();
        resolved.put("name", spec.name());
        resolved.put("built_by", "TestSweeps");
        return new SweepConfig(spec, null, resolved, "test-" + spec.name());
    }

    /** The shared reference numbers (independent numpy/Brian2 implementation), read from sim-core's copy. */
    public static synchronized JsonNode reference() {
        if (reference == null) {
            try {
                reference = new ObjectMapper().readTree(
                        Path.of("..", "sim-core", "src", "test", "resources", "reference", "hh-reference.json").toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return reference;
    }
}
