package org.hhsweep.spark.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.hhsweep.sim.sweep.RunTemplate;
import org.hhsweep.sim.sweep.SweepSize;
import org.hhsweep.spark.TestSweeps;
import org.junit.jupiter.api.Test;

class OutputEstimateTest {
    @Test
    void rowsAndBytesByHand() {
        // mixed: 24 runs, 120 neurons, 144 trace rows; swept: simulation.dt, model.gK, model.gNa
        SweepSize size = SweepSize.of(TestSweeps.mixed().spec());
        List<OutputEstimate.TableEstimate> e = OutputEstimate.of(Tables.forSweep(TestSweeps.mixed().spec()), size,
                TestSweeps.mixed().spec().base());
        assertEquals(List.of("runs", "summaries", "spikes", "traces"), e.stream().map(t -> t.table()).toList());
        // runs: run_id 8, seed 8, replicate 4, 3 swept x 8, status 8, neurons 4, diverged 4, synapses 8,
        // synapses_by_group 8
        assertEquals(24 * (8 + 8 + 4 + 24 + 8 + 4 + 4 + 8 + 8), e.get(0).bytes());
        // summaries: run_id 8, population 8, neuron 4, seed 8, 3 x 8, spike_count 4, 7 doubles, status 8,
        // diverged_step 8
        assertEquals(120 * (8 + 8 + 4 + 8 + 24 + 4 + 56 + 8 + 8), e.get(1).bytes());
        assertEquals(120 * (8 + 8 + 4), e.get(2).bytes());
        // traces: 40 ms every 0.2 ms = 200 samples per row, 4 bytes each
        assertEquals(144, e.get(3).rows());
        assertEquals(144 * (8 + 4 + 8 + 8 + 8) + 144 * 200 * 4, e.get(3).bytes());
    }

    @Test
    void everyTableOfASearchOrASimulatingSweepIsEstimated() {
        SweepSize size = new SweepSize(3, 30, 3_000, 600, 6, true);
        Tables search = Tables.search(List.of("model.gK"), "stimulus.amplitude");
        RunTemplate base = TestSweeps.mixed().spec().base();
        List<OutputEstimate.TableEstimate> e = OutputEstimate.of(search, size, base);
        assertEquals(List.of("runs", "thresholds"), e.stream().map(t -> t.table()).toList());
        // thresholds: run_id 8, seed 8, replicate 4, model_gK 8, param 8, criterion 8, threshold and
        // bracket ends 3 x 8, iterations 4, probes 4, status 8, detail 8
        assertEquals(3 * (8 + 8 + 4 + 8 + 8 + 8 + 24 + 4 + 4 + 8 + 8), e.get(1).bytes());
        Tables all = Tables.all(List.of("model.gK"));
        assertEquals(all.names(), OutputEstimate.of(all, size, base).stream().map(t -> t.table()).toList());
    }

    @Test
    void humanSizes() {
        assertEquals("999 B", OutputEstimate.human(999));
        assertEquals("44.0 kB", OutputEstimate.human(44_000));
        assertEquals("1.5 GB", OutputEstimate.human(1.5e9));
    }
}
