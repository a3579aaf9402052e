package org.hhsweep.sim.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hhsweep.sim.BlockResult;
import org.hhsweep.sim.NeuronSpec;
import org.hhsweep.sim.Simulator;
import org.hhsweep.sim.integrate.Method;
import org.hhsweep.sim.config.ModelLibrary;
import org.hhsweep.sim.model.NeuronModel;
import org.hhsweep.sim.record.Trace;
import org.hhsweep.sim.record.TraceVariable;
import org.hhsweep.sim.stimulus.StimulusSpec;
import org.junit.jupiter.api.Test;

class BlockPlannerTest {

    /** 12 runs: dt swept over two values (two settings groups), 5 noisy neurons each, 2 traced. */
    private static List<RunSpec> runs() {
        RunTemplate base = new RunTemplate(0.02, 30, Method.EXP_EULER_REFERENCE, 10, 30, ModelLibrary.hh(), -65,
                new StimulusSpec.Gaussian(6, 3, false), 5, 2, List.of(TraceVariable.V, TraceVariable.N), 0.1, true);
        SweepSpec spec = new SweepSpec("plan", 11, base, List.of(
                new SweepSpec.GridAxis(RunTemplate.DT, new double[] {0.02, 0.01}),
                new SweepSpec.GridAxis("model.gNa", new double[] {100, 120, 140})), 0, List.of(), 2);
        List<RunSpec> out = new ArrayList<>();
        for (long i = 0; i < spec.runCount(); i++) {
            out.add(spec.run(i));
        }
        return out;
    }

    @Test
    void everyNeuronIsPlannedOnceWithItsRunsSettings() {
        List<RunSpec> runs = runs();
        for (int max : new int[] {1, 3, 7, 1024}) {
            Map<Long, Integer> seen = new HashMap<>();
            for (BlockPlanner.Block b : BlockPlanner.plan(runs, max, Long.MAX_VALUE)) {
                assertTrue(b.size() >= 1 && b.size() <= max);
                for (int p = 0; p < b.size(); p++) {
                    RunSpec run = runs.get(b.run(p));
                    assertEquals(run.template().settings(), b.settings());
                    seen.merge(run.runId() * 100 + b.neuron(p), 1, Integer::sum);
                }
            }
            assertEquals(12 * 5, seen.size());
            assertTrue(seen.values().stream().allMatch(c -> c == 1));
        }
    }

    @Test
    void traceBudgetSplitsBlocks() {
        List<RunSpec> runs = runs();
        // dt 0.02: 1500 steps, every 5 -> 300 samples x 2 variables = 600 per traced neuron
        long budget = 600 * 3;
        for (BlockPlanner.Block b : BlockPlanner.plan(runs, 1024, budget)) {
            long traced = 0;
            for (int p = 0; p < b.size(); p++) {
                if (b.neuron(p) < 2) {
                    traced++;
                }
            }
            long perTraced = 2 * (b.settings().steps() / b.settings().traceEvery());
            assertTrue(traced * perTraced <= budget || traced == 1, "block over budget: " + traced);
        }
    }

    @Test
    void groupingChangesNoNumber() {
        List<RunSpec> runs = runs();
        Map<String, Object> alone = new HashMap<>();
        for (RunSpec run : runs) {
            record(alone, run.runId(), Simulator.simulate(run.template().settings(), run.neurons()), null, null);
        }
        for (int max : new int[] {1, 4, 1024}) {
            Map<String, Object> grouped = new HashMap<>();
            for (BlockPlanner.Block b : BlockPlanner.plan(runs, max, 1000)) {
                BlockResult result = Simulator.simulate(b.settings(), b.neurons(runs));
                record(grouped, -1, result, b, runs);
            }
            assertEquals(alone.keySet(), grouped.keySet());
            for (String key : alone.keySet()) {
                Object a = alone.get(key);
                Object g = grouped.get(key);
                if (a instanceof double[] d) {
                    assertArrayEquals(d, (double[]) g, key);
                } else if (a instanceof float[] f) {
                    assertArrayEquals(f, (float[]) g, key);
                } else {
                    assertEquals(a, g, key);
                }
            }
        }
    }

    /** Keys results by (run id, neuron) whether they came from one run or a planned block. */
    private static void record(Map<String, Object> out, long runId, BlockResult r, BlockPlanner.Block b,
                               List<RunSpec> runs) {
        for (int p = 0; p < r.statistics().length; p++) {
            String key = (b == null ? runId : runs.get(b.run(p)).runId()) + "/" + (b == null ? p : b.neuron(p));
            out.put(key + "/stats", r.statistics()[p]);
            out.put(key + "/spikes", r.spikeTimes()[p]);
            out.put(key + "/interp", r.interpolatedTimes()[p]);
        }
        for (Trace t : r.traces()) {
            int p = t.neuron();
            String key = (b == null ? runId : runs.get(b.run(p)).runId()) + "/" + (b == null ? p : b.neuron(p));
            out.put(key + "/" + t.variable() + "/" + t.t0Ms() + "/" + t.dtMs(), t.values());
        }
    }

    @Test
    void neuronOfRunMatchesItsNeuronList() {
        RunSpec run = runs().get(3);
        NeuronSpec[] all = run.neurons();
        for (int i = 0; i < all.length; i++) {
            assertEquals(all[i], run.neuron(i));
        }
    }
}
