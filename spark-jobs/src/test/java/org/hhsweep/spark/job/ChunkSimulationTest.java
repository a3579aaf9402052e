package org.hhsweep.spark.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hhsweep.sim.sweep.SweepSpec;
import org.hhsweep.spark.TestSweeps;
import org.hhsweep.spark.io.Tables;
import org.junit.jupiter.api.Test;

/** A chunk's rows, without Spark or Parquet: what comes out, in which order, and the counts. */
class ChunkSimulationTest {

    /** Keeps every row it is given, in order. */
    static final class Recorder implements ChunkSink {
        final List<Object> rows = new ArrayList<>();

        @Override
        public void run(Tables.RunRecord r) {
            rows.add(r);
        }

        @Override
        public void neuron(Tables.NeuronRecord r) {
            rows.add(r);
        }

        @Override
        public void spikes(Tables.SpikeRecord r) {
            rows.add(r);
        }

        @Override
        public void trace(Tables.TraceRecord r) {
            rows.add(r);
        }
    }

    @Test
    void everyNeuronOnceRunsLastCountsMatchTheRows() throws Exception {
        SweepSpec spec = TestSweeps.mixed().spec();
        Recorder sink = new Recorder();
        long[] progress = {0};
        // runs 5..16 of 24: both dt values, so at least two blocks; blocks of 7 split runs of 5 neurons
        ChunkCounts c = ChunkSimulation.run(spec, 3, 5, 17, ExecutionSettings.DEFAULTS.withBlockNeurons(7), true,
                sink, s -> progress[0] += s);

        Set<String> neurons = new HashSet<>();
        Set<String> spikes = new HashSet<>();
        Set<String> traces = new HashSet<>();
        List<Long> runOrder = new ArrayList<>();
        long spikeCount = 0;
        boolean runsStarted = false;
        for (Object row : sink.rows) {
            if (row instanceof Tables.RunRecord r) {
                runsStarted = true;
                runOrder.add(r.run().runId());
                assertEquals(0, r.diverged());
                continue;
            }
            assertTrue(!runsStarted, "a neuron row after the runs rows: " + row);
            if (row instanceof Tables.NeuronRecord n) {
                assertTrue(neurons.add(n.run().runId() + "/" + n.neuron()));
                spikeCount += n.stats().spikeCount();
            } else if (row instanceof Tables.SpikeRecord s) {
                assertTrue(spikes.add(s.run().runId() + "/" + s.neuron()));
                assertEquals(s.times().length, s.interpolated().length);
            } else if (row instanceof Tables.TraceRecord t) {
                assertTrue(t.neuron() < 2, "only neurons 0 and 1 are traced");
                assertTrue(traces.add(t.run().runId() + "/" + t.neuron() + "/" + t.trace().variable()));
            }
        }
        assertEquals(List.of(5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L), runOrder);
        assertEquals(12 * 5, neurons.size());
        assertEquals(neurons, spikes);
        assertEquals(12 * 2 * 3, traces.size());
        assertEquals(3, c.chunk());
        assertEquals(12, c.runs());
        assertEquals(60, c.neurons());
        assertEquals(spikeCount, c.spikes());
        assertEquals(60, c.perNeuron().size());
        // index = point * 6 + sample * 3 + replicate and dt is the slowest axis: runs 0..11 at dt 0.02
        // (2,000 steps), 12..23 at 0.01 (4,000 steps); so runs 5..16 are 7 of the first, 5 of the second
        assertEquals(7L * 5 * 2_000 + 5L * 5 * 4_000, c.neuronSteps());
        assertEquals(c.neuronSteps(), progress[0]);
    }

    @Test
    void totalsAddUpInChunkOrder() {
        ChunkCounts a = new ChunkCounts(1, 2, 20, 100, 1, 1000, 300.0, 19, List.of());
        ChunkCounts b = new ChunkCounts(0, 3, 30, 50, 0, 2000, 150.0, 30, List.of());
        ChunkCounts t = ChunkCounts.total(List.of(a, b));
        assertArrayEquals(new long[] {5, 50, 150, 1, 3000, 49},
                new long[] {t.runs(), t.neurons(), t.spikes(), t.diverged(), t.neuronSteps(), t.okNeurons()});
        assertEquals(450.0 / 49, t.meanRateHz(), 1e-12);
    }
}
