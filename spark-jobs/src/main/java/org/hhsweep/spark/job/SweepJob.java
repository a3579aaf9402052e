package org.hhsweep.spark.job;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.hhsweep.sim.config.SweepConfig;
import org.hhsweep.sim.sweep.SweepChunks;
import org.hhsweep.sim.sweep.SweepSize;
import org.hhsweep.sim.sweep.SweepSpec;
import org.hhsweep.spark.io.HadoopConf;
import org.hhsweep.spark.io.OutputDirectory;
import org.hhsweep.spark.io.Table;
import org.hhsweep.spark.io.Tables;

/**
 * Runs a sweep on Spark. The driver expands nothing: it cuts the run index range into chunks and
 * distributes the chunk ids; each task computes its runs from the spec, simulates them and writes
 * all four tables of its chunk in a single pass, returning only counts.
 */
public final class SweepJob {
    /** Sweeps up to this many neurons get one summary line per neuron. */
    public static final int LIST_NEURONS = 20;
    public static final long PROGRESS_MILLIS = 3000;

    /**
     * @param progress       where progress lines go while it runs (stderr), or null for none
     * @param progressMillis time between progress lines
     */
    public record Options(boolean overwrite, ExecutionSettings exec, PrintStream progress, long progressMillis) {
        public static Options of(boolean overwrite, ExecutionSettings exec, PrintStream progress) {
            return new Options(overwrite, exec, progress, PROGRESS_MILLIS);
        }
    }

    /** The outcome of a sweep. */
    public record Result(ChunkCounts totals, Path output, Instant started, Instant finished, SweepChunks chunks,
                         int slices, String master) {
        public double wallSeconds() {
            return java.time.Duration.between(started, finished).toNanos() / 1e9;
        }
    }

    private SweepJob() {
    }

    public static Result run(SparkSession spark, SweepConfig config, Path output, Options options)
            throws IOException {
        Instant started = Instant.now();
        ExecutionSettings exec = options.exec();
        SweepSpec spec = config.spec();
        SparkContext sc = spark.sparkContext();
        Configuration hadoop = sc.hadoopConfiguration();

        SweepChunks chunks = exec.runsPerChunk() > 0 ? new SweepChunks(spec.runCount(), exec.runsPerChunk())
                : SweepChunks.of(spec);
        int slices = exec.slices() > 0 ? exec.slices()
                : (int) Math.min(chunks.count(), 4L * sc.defaultParallelism());
        SweepSize size = SweepSize.of(spec);
        Manifest.Execution execution = new Manifest.Execution(sc.master(), sc.version(), sc.defaultParallelism(),
                chunks, slices, exec);

        OutputDirectory.prepare(output, hadoop, options.overwrite());
        for (Table<?> t : Tables.forSweep(spec).list()) {
            output.getFileSystem(hadoop).mkdirs(new Path(output, t.name()));
        }
        Manifest.write(Manifest.build(config, size, execution, started, null, null), output, hadoop);

        LongAccumulator runsDone = sc.longAccumulator("hhsweep.runs");
        LongAccumulator stepsDone = sc.longAccumulator("hhsweep.neuronSteps");
        ProgressTracker tracker = new ProgressTracker(runsDone, stepsDone);
        sc.addSparkListener(tracker);
        ChunkTask task = new ChunkTask(spec, chunks, output, new HadoopConf(hadoop), exec,
                spec.neuronCount() <= LIST_NEURONS, runsDone, stepsDone);
        List<ChunkCounts> counts;
        try (ProgressReporter reporter = options.progress() == null ? null
                : new ProgressReporter(tracker, spec.runCount(), size.neuronSteps(), options.progress(),
                options.progressMillis())) {
            sc.setJobDescription("hhsweep " + spec.name() + ": " + spec.runCount() + " runs in "
                    + chunks.count() + " chunks");
            counts = sc.range(0, chunks.count(), 1, slices).toJavaRDD().map(task).collect();
            if (reporter != null) {
                ChunkCounts done = ChunkCounts.total(counts);
                reporter.finish(done.runs(), done.neuronSteps());
            }
        } finally {
            sc.removeSparkListener(tracker);
            sc.setJobDescription(null);
        }
        ChunkCounts totals = ChunkCounts.total(counts);
        Instant finished = Instant.now();
        Manifest.write(Manifest.build(config, size, execution, started, finished, totals), output, hadoop);
        return new Result(totals, output, started, finished, chunks, slices, sc.master());
    }
}
