package org.hhsweep.spark.job;

import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.util.LongAccumulator;
import org.hhsweep.sim.sweep.SweepChunks;
import org.hhsweep.sim.sweep.SweepSpec;
import org.hhsweep.spark.io.HadoopConf;
import org.hhsweep.spark.io.Tables;

/**
 * What a Spark task does with one chunk id: expand the chunk's runs from the spec, simulate them,
 * write and commit the chunk's files, and hand back its counts. Progress goes to two accumulators
 * the driver watches (runs after each chunk, neuron-steps after each block).
 */
final class ChunkTask implements Function<Object, ChunkCounts> {
    private static final long serialVersionUID = 1L;

    private final SweepSpec spec;
    private final SweepChunks chunks;
    private final String output;
    private final HadoopConf conf;
    private final ExecutionSettings exec;
    private final boolean listNeurons;
    private final LongAccumulator runsDone;
    private final LongAccumulator stepsDone;

    ChunkTask(SweepSpec spec, SweepChunks chunks, Path output, HadoopConf conf, ExecutionSettings exec,
              boolean listNeurons, LongAccumulator runsDone, LongAccumulator stepsDone) {
        this.spec = spec;
        this.chunks = chunks;
        this.output = output.toString();
        this.conf = conf;
        this.exec = exec;
        this.listNeurons = listNeurons;
        this.runsDone = runsDone;
        this.stepsDone = stepsDone;
    }

    @Override
    public ChunkCounts call(Object id) throws Exception {
        long chunk = (Long) id;
        Tables tables = Tables.forSweep(spec);
        try (ChunkOutput out = new ChunkOutput(tables, new Path(output), chunk, conf.get())) {
            ChunkSink sink = new ProgressSink(out, stepsDone);
            ChunkCounts counts = ChunkSimulation.run(spec, chunk, chunks.firstRun(chunk), chunks.endRun(chunk), exec,
                    listNeurons, sink);
            out.commit();
            runsDone.add(counts.runs());
            return counts;
        }
    }

    /** Forwards rows to the files and block progress to the accumulator. */
    private record ProgressSink(ChunkOutput out, LongAccumulator steps) implements ChunkSink {
        @Override
        public void run(Tables.RunRecord record) throws java.io.IOException {
            out.run(record);
        }

        @Override
        public void neuron(Tables.NeuronRecord record) throws java.io.IOException {
            out.neuron(record);
        }

        @Override
        public void spikes(Tables.SpikeRecord record) throws java.io.IOException {
            out.spikes(record);
        }

        @Override
        public void trace(Tables.TraceRecord record) throws java.io.IOException {
            out.trace(record);
        }

        @Override
        public void progress(long neuronSteps) {
            steps.add(neuronSteps);
        }
    }
}
