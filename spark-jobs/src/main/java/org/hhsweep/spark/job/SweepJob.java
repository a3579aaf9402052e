package org.hhsweep.spark.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.hhsweep.sim.config.SweepConfig;
import org.hhsweep.sim.sweep.SweepChunks;
import org.hhsweep.sim.sweep.SweepSize;
import org.hhsweep.sim.sweep.SweepSpec;
import org.hhsweep.spark.io.ChunkFiles;
import org.hhsweep.spark.io.HadoopConf;
import org.hhsweep.spark.io.OutputDirectory;
import org.hhsweep.spark.io.Table;
import org.hhsweep.spark.io.Tables;

/**
 * Runs a sweep on Spark. The driver expands nothing: it cuts the run index range into chunks and
 * distributes the chunk ids; each task computes its runs from the spec, simulates them and writes
 * every table of its chunk (Tables.forSweep) in a single pass, returning only counts. Once every
 * chunk is committed, a sensitivity analysis's table is computed from them ({@link SensitivityJob})
 * before the manifest says complete.
 */
public final class SweepJob {
    /** Sweeps up to this many neurons get one summary line per neuron. */
    public static final int LIST_NEURONS = 20;
    public static final long PROGRESS_MILLIS = 3000;
    /**
     * Default Spark partitions per core: one chunk per task up to this many tasks per core. A task
     * of several chunks leaves a core idle for up to a whole task at the end of the job (with 5
     * chunks per task, about 2 s of a 20 s sweep on 2 cores); the cap keeps the driver's per-task
     * bookkeeping small for sweeps of many chunks.
     */
    public static final int SLICES_PER_CORE = 64;

    /**
     * @param progress       where progress lines go while it runs (stderr), or null for none
     * @param progressMillis time between progress lines
     */
    public record Options(boolean overwrite, ExecutionSettings exec, PrintStream progress, long progressMillis,
                          boolean resume) {
        public Options(boolean overwrite, ExecutionSettings exec, PrintStream progress, long progressMillis) {
            this(overwrite, exec, progress, progressMillis, false);
        }

        public static Options of(boolean overwrite, ExecutionSettings exec, PrintStream progress) {
            return new Options(overwrite, exec, progress, PROGRESS_MILLIS);
        }

        /** Continue the sweep in the output directory: run only the chunks it has not committed. */
        public Options resuming() {
            return new Options(false, exec, progress, progressMillis, true);
        }
    }

    /**
     * The outcome of a sweep.
     *
     * @param totals          counts over every chunk of the sweep
     * @param ran             counts of the chunks this attempt ran (the totals unless resumed)
     * @param committedBefore chunks found committed by an earlier attempt (0 unless resumed)
     */
    public record Result(ChunkCounts totals, Path output, Instant started, Instant finished, SweepChunks chunks,
                         int slices, String master, ChunkCounts ran, long committedBefore, KernelUse kernel) {
        public Result(ChunkCounts totals, Path output, Instant started, Instant finished, SweepChunks chunks,
                      int slices, String master) {
            this(totals, output, started, finished, chunks, slices, master, totals, 0, null);
        }

        public double wallSeconds() {
            return java.time.Duration.between(started, finished).toNanos() / 1e9;
        }
    }

    private SweepJob() {
    }

    public static Result run(SparkSession spark, SweepConfig config, Path output, Options options)
            throws IOException {
        SparkContext sc = spark.sparkContext();
        ExecutorWatch watch = ExecutorWatch.of(sc);
        try {
            return run(spark, config, output, options, watch);
        } catch (IllegalStateException e) {
            // A master that ends the application (executors failing at start) stops the context from
            // another thread, whatever the sweep is doing; Spark's calls then fail with this.
            if (sc.isLocal() || !sc.isStopped()) {
                throw e;
            }
            ClusterException ended = new ClusterException(watch.ended());
            ended.initCause(e);
            throw ended;
        }
    }

    private static Result run(SparkSession spark, SweepConfig config, Path output, Options options,
                              ExecutorWatch watch) throws IOException {
        Instant started = Instant.now();
        ExecutionSettings exec = options.exec();
        SweepSpec spec = config.spec();
        Tables tables = Tables.forSweep(spec);
        SparkContext sc = spark.sparkContext();
        Configuration hadoop = sc.hadoopConfiguration();
        // Before anything is written: a network run that cannot fit an executor's heap is refused.
        MemoryBudget.of(sc.getConf()).check(spec);

        // A fresh sweep is a resumed one with nothing committed: from here on, one path for both. A
        // resumed sweep keeps the chunks (and the parallelism they were cut for) of its first attempt.
        int cutFor = options.resume() ? 0 : sc.defaultParallelism();
        ResumePlan plan = options.resume() ? ResumePlan.load(output, hadoop, config, true)
                : ResumePlan.fresh(exec.chunks(spec, cutFor));
        if (plan.resumed()) {
            cutFor = plan.manifest().at("/partitioning/parallelism").asInt(0);
        }
        SweepChunks chunks = plan.chunks();
        List<Long> pending = plan.pending();
        int slices = exec.slices() > 0 ? exec.slices()
                : (int) Math.max(1, Math.min(pending.size(), (long) SLICES_PER_CORE * sc.defaultParallelism()));
        SweepSize size = SweepSize.of(spec);
        Manifest.Execution execution = new Manifest.Execution(sc.master(), sc.version(), sc.defaultParallelism(),
                chunks, slices, exec, cutFor);
        List<ChunkCounts> before = plan.committedCounts();
        // A sweep complete but for its sensitivity table (written by a version that did not compute
        // it) goes on: with no chunk pending, only the table is computed.
        if (plan.complete() && SensitivityJob.written(spec, output, hadoop)) {
            ChunkCounts totals = ChunkCounts.total(before);
            return new Result(totals, output, started, Instant.now(), chunks, 0, sc.master(),
                    ChunkCounts.total(List.of()), chunks.count(), KernelUse.of(spec.base().method(), before));
        }

        if (!plan.resumed()) {
            OutputDirectory.prepare(output, hadoop, options.overwrite());
        }
        plan.clean(output, hadoop, tables);
        // The manifest first: from then on the directory is recognisably hhsweep's, so a crash at any
        // later point leaves an output that --overwrite and --resume accept.
        Manifest.write(manifest(config, size, execution, started, null, null, plan, null), output, hadoop);
        // A table written after the runs gets its directory with its file: an empty one would be
        // a table without a schema to query and plot.
        for (Table<?> t : tables.chunked()) {
            output.getFileSystem(hadoop).mkdirs(new Path(output, t.name()));
        }

        LongAccumulator runsDone = sc.longAccumulator("hhsweep.runs");
        LongAccumulator stepsDone = sc.longAccumulator("hhsweep.neuronSteps");
        ProgressTracker tracker = new ProgressTracker(runsDone, stepsDone);
        ChunkTask task = new ChunkTask(spec, chunks, output, new HadoopConf(hadoop), exec,
                spec.neuronCount() <= LIST_NEURONS && spec.base().network() == null, runsDone, stepsDone);
        long runsToRun = plan.pendingRuns();
        long stepsToRun = (long) ((double) size.neuronSteps() * runsToRun / spec.runCount());
        ProgressReporter reporter = options.progress() == null ? null
                : new ProgressReporter(tracker::snapshot, watch::note, runsToRun, stepsToRun, options.progress(),
                System::nanoTime);
        List<ChunkCounts> counts;
        SweepMonitor monitor = new SweepMonitor(sc, tracker, watch, reporter, options.progressMillis());
        try {
            monitor.start();
            sc.setJobDescription("hhsweep " + spec.name() + ": " + runsToRun + " runs in "
                    + pending.size() + " chunks");
            counts = pending.isEmpty() ? List.of()
                    : JavaSparkContext.fromSparkContext(sc).parallelize(pending, slices).map(task::call).collect();
            monitor.finish(ChunkCounts.total(counts));
            checkAllCommitted(output, hadoop, chunks, tables);
            sc.setJobDescription("hhsweep " + spec.name() + ": sensitivity indices");
            SensitivityJob.run(spark, spec, tables, output, hadoop);
        } catch (Exception e) {
            // Spark's own exceptions are checked but undeclared; the rethrow passes them on as they are,
            // unless the cluster is the cause: then one line says what to look at.
            ClusterException cluster = monitor.explain(e);
            Exception thrown = cluster != null ? cluster : e;
            try {
                Manifest.write(Manifest.failed(manifest(config, size, execution, started, null, null, plan, null),
                        String.valueOf(thrown.getMessage()).lines().findFirst().orElse("")), output, hadoop);
            } catch (IOException | RuntimeException unrecorded) {
                thrown.addSuppressed(unrecorded);
            }
            if (cluster != null) {
                cluster.initCause(e);
                throw cluster;
            }
            throw e;
        } finally {
            monitor.close();
            sc.setJobDescription(null);
        }
        ChunkCounts ran = ChunkCounts.total(counts);
        List<ChunkCounts> all = new ArrayList<>(before);
        all.addAll(counts);
        ChunkCounts totals = ChunkCounts.total(all);
        Instant finished = Instant.now();
        KernelUse kernel = KernelUse.of(spec.base().method(), all);
        ObjectNode done = manifest(config, size, execution, started, finished, totals, plan, ran);
        kernel.put(done);
        Manifest.write(done, output, hadoop);
        return new Result(totals, output, started, finished, chunks, slices, sc.master(), ran,
                plan.committed().size(), kernel);
    }

    private static ObjectNode manifest(SweepConfig config, SweepSize size, Manifest.Execution execution,
                                       Instant started, Instant finished, ChunkCounts totals, ResumePlan plan,
                                       ChunkCounts ran) {
        ObjectNode m = Manifest.build(config, size, execution, started, finished, totals);
        if (plan.resumed()) {
            Manifest.attempts(m, plan.manifest().get("attempts"), plan.manifest().path("started").asText(),
                    started, plan.committed().size(), ran);
        }
        return m;
    }

    /**
     * Every chunk must be committed once the job has succeeded (anything else is a bug); then what
     * failed attempts left behind (a killed executor's temporary files) goes.
     */
    private static void checkAllCommitted(Path output, Configuration hadoop, SweepChunks chunks, Tables tables)
            throws IOException {
        long committed = ChunkFiles.committed(output.getFileSystem(hadoop), output).size();
        if (committed != chunks.count()) {
            throw new IllegalStateException("the job ended with " + committed + " of " + chunks.count()
                    + " chunks committed in " + OutputDirectory.display(output));
        }
        ChunkFiles.deleteTemporary(output.getFileSystem(hadoop), output, tables);
    }
}
