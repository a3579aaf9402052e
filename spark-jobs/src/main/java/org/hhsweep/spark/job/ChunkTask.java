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
 * the driver watches (runs after each chunk, neuron-steps after each block). The counts also say
 * which code this JVM had for the SIMD-capable methods, for the manifest.
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
            ChunkCounts counts = (spec.search() != null
                    ? ChunkSearch.run(spec, chunk, chunks.firstRun(chunk), chunks.endRun(chunk), out, stepsDone::add)
                    : ChunkSimulation.run(spec, chunk, chunks.firstRun(chunk), chunks.endRun(chunk), exec,
                    listNeurons, out, stepsDone::add)).withLanes(KernelUse.lanes());
            out.commit(counts);
            runsDone.add(counts.runs());
            return counts;
        }
    }
}
