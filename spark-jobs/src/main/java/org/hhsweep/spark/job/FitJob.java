package org.hhsweep.spark.job;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.hhsweep.sim.config.SweepConfig;
import org.hhsweep.sim.fit.Best;
import org.hhsweep.sim.fit.Candidate;
import org.hhsweep.sim.fit.FitLoss;
import org.hhsweep.sim.fit.FitSpec;
import org.hhsweep.sim.fit.LossTerm;
import org.hhsweep.sim.fit.Optimizer;
import org.hhsweep.sim.fit.Target;
import org.hhsweep.sim.sweep.RunSpec;
import org.hhsweep.sim.sweep.SweepChunks;
import org.hhsweep.spark.io.ChunkFiles;
import org.hhsweep.spark.io.OutputDirectory;
import org.hhsweep.spark.io.OutputRefused;
import org.hhsweep.spark.io.Table;
import org.hhsweep.spark.io.TableFile;
import org.hhsweep.spark.io.Tables;

/**
 * Runs a fit ({@code fit:} of a config) on Spark: the optimizer's loop on the driver, each
 * generation's candidates x target rows one Spark job whose tasks simulate the runs and return
 * one prediction per run ({@link FitTask}). After each generation its rows are committed to the fit
 * and fit_predictions tables (one file each, fit_predictions first), then the manifest with the
 * optimizer's state replaces the last one: a fit killed at any point resumes from its last
 * recorded generation and ends with the tables and best of a fit never stopped.
 */
public final class FitJob {

    /**
     * @param progress        where a line per generation goes (stderr), or null for none
     * @param afterGeneration told each generation's number once it is recorded (tests stop a fit there)
     */
    public record Options(boolean overwrite, boolean resume, ExecutionSettings exec, PrintStream progress,
                          IntConsumer afterGeneration) {
        public static Options of(boolean overwrite, boolean resume, ExecutionSettings exec, PrintStream progress) {
            return new Options(overwrite, resume, exec, progress, g -> { });
        }

        public Options afterEachGeneration(IntConsumer hook) {
            return new Options(overwrite, resume, exec, progress, hook);
        }
    }

    /**
     * The outcome of a fit.
     *
     * @param generations       generations done in all
     * @param generationsBefore generations an earlier attempt had done (0 unless resumed)
     * @param stopped           "budget" or "collapsed"
     */
    public record Result(Path output, FitBest best, int generations, int generationsBefore, long runsPerGeneration,
                         long neuronSteps, String stopped, Instant started, Instant finished) {
        public double wallSeconds() {
            return java.time.Duration.between(started, finished).toNanos() / 1e9;
        }
    }

    private FitJob() {
    }

    public static Result run(SparkSession spark, SweepConfig config, Path output, Options options) throws IOException {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        FitSpec fit = config.fit();
        Tables tables = Tables.forFit(fit);
        SparkContext sc = spark.sparkContext();
        Configuration hadoop = sc.hadoopConfiguration();
        FileSystem fs = output.getFileSystem(hadoop);

        FitResume before = options.resume() ? FitResume.load(output, hadoop, config) : null;
        Optimizer o = before == null || before.state() == null ? fit.start() : restore(fit, before, output);
        FitBest best = before == null ? null : FitBest.fromJson(fit, before.manifest().at("/fit/best"));
        if (o.best() != null && (best == null || !best.is(o.best()))) {
            throw new OutputRefused("cannot resume " + OutputDirectory.display(output) + ": its manifest's fit.best"
                    + " is not the best of its fit.state; use --overwrite to start the fit again");
        }
        long steps = before == null || before.state() == null ? 0 : before.manifest().at("/sweep/neuron_steps").asLong(0);
        int generationsBefore = o.generation();
        if (before == null) {
            OutputDirectory.prepare(output, hadoop, options.overwrite());
        }
        // A crash after a generation's files were committed and before the manifest counted it
        // leaves them: that generation runs again, from nothing.
        ChunkFiles.deleteIn(fs, output, tables, (name, generation) -> ChunkFiles.isTemporary(name)
                || generation.isPresent() && generation.getAsLong() >= generationsBefore);
        FitManifest.Progress progress = FitManifest.Progress.of(fit, o, best, steps, generationsBefore);
        Manifest.write(FitManifest.build(config, sc.master(), sc.version(), started, null, progress), output, hadoop);
        for (Table<?> t : tables.list()) {
            fs.mkdirs(new Path(output, t.name()));
        }
        try {
            while (!o.finished()) {
                Generation g = generation(sc, fit, o, options.exec());
                best = g.newBest(best);
                writeFiles(fit, tables, output, hadoop, g);
                steps += g.neuronSteps();
                progress = FitManifest.Progress.of(fit, o, best, steps, generationsBefore);
                Manifest.write(FitManifest.build(config, sc.master(), sc.version(), started, null, progress), output,
                        hadoop);
                if (options.progress() != null) {
                    options.progress().println(g.line(fit, (System.nanoTime() - t0) / 1e9));
                }
                options.afterGeneration().accept(g.number());
            }
        } catch (IOException | RuntimeException e) {
            try {
                Manifest.write(Manifest.failed(FitManifest.build(config, sc.master(), sc.version(), started, null,
                        progress), String.valueOf(e.getMessage()).lines().findFirst().orElse("")), output, hadoop);
            } catch (IOException | RuntimeException unrecorded) {
                e.addSuppressed(unrecorded);
            }
            throw e;
        } finally {
            sc.setJobDescription(null);
        }
        Instant finished = Instant.now();
        Manifest.write(FitManifest.build(config, sc.master(), sc.version(), started, finished, progress), output, hadoop);
        return new Result(output, best, o.generation(), generationsBefore,
                (long) fit.optimizer().population() * fit.conditions(), steps, progress.stopped(), started, finished);
    }

    private static Optimizer restore(FitSpec fit, FitResume before, Path output) {
        try {
            return fit.resume(before.state());
        } catch (IllegalArgumentException e) {
            throw new OutputRefused("cannot resume " + OutputDirectory.display(output) + ": its manifest's fit.state"
                    + " is not this fit's (" + e.getMessage() + "); use --overwrite to start the fit again");
        }
    }

    /**
     * One generation, evaluated and told.
     *
     * @param bestSoFar the lowest loss of this generation and every earlier one
     * @param best      the optimizer's best after it (null when no loss was finite)
     */
    private record Generation(int number, List<Candidate> candidates, Double[][][] predicted,
                              FitLoss.Evaluation[] evaluations, double bestSoFar, Best best, long neuronSteps) {

        /** The best so far: this generation's candidate when the optimizer's best is one of it, else the one before. */
        FitBest newBest(FitBest before) {
            return best != null && best.generation() == number
                    ? new FitBest(number, best.candidate(), candidates.get(best.candidate()).values(),
                    evaluations[best.candidate()]) : before;
        }

        String line(FitSpec fit, double elapsedSeconds) {
            double[] losses = Arrays.stream(evaluations).mapToDouble(FitLoss.Evaluation::loss).sorted().toArray();
            int n = losses.length;
            double median = n % 2 == 1 ? losses[n / 2] : (losses[n / 2 - 1] + losses[n / 2]) / 2;
            return String.format(Locale.ROOT, "fit generation %d/%d: best loss %.3e so far; this generation's lowest"
                            + " %.3e, median %.3e (%,d runs); %s elapsed", number + 1, fit.optimizer().generations(),
                    bestSoFar, losses[0], median, (long) n * fit.conditions(), ProgressLine.duration(elapsedSeconds));
        }
    }

    /** The optimizer's generation as one Spark job; its losses told. */
    private static Generation generation(SparkContext sc, FitSpec fit, Optimizer o, ExecutionSettings exec) {
        int number = o.generation();
        List<Candidate> candidates = fit.candidates(o);
        int rows = fit.conditions();
        int runs = candidates.size() * rows;
        int slices = exec.slices() > 0 ? exec.slices()
                : Math.max(1, Math.min(runs, SweepChunks.CHUNKS_PER_CORE * sc.defaultParallelism()));
        sc.setJobDescription("hhsweep fit " + fit.sweep().name() + ": generation " + number + ", " + runs + " runs");
        List<FitTask.Prediction> predictions = JavaSparkContext.fromSparkContext(sc)
                .parallelize(IntStream.range(0, runs).boxed().toList(), slices)
                .mapPartitions(new FitTask(fit, candidates, exec)).collect();
        Double[][][] predicted = new Double[candidates.size()][rows][];
        for (FitTask.Prediction p : predictions) {
            predicted[p.candidate()][p.row()] = p.values();
        }
        FitLoss.Evaluation[] evaluations = new FitLoss.Evaluation[candidates.size()];
        double[] losses = new double[candidates.size()];
        for (int c = 0; c < evaluations.length; c++) {
            evaluations[c] = fit.loss().evaluate(predicted[c]);
            losses[c] = evaluations[c].loss();
        }
        long steps = 0;
        for (RunSpec r : fit.runs(candidates)) {
            steps += r.template().neurons() * r.template().settings().steps();
        }
        o.tell(losses);
        Best best = o.best();
        return new Generation(number, candidates, predicted, evaluations, best == null ? Double.NaN : best.loss(),
                best, steps);
    }

    /** The generation's files, committed fit_predictions first: a fit file marks a whole generation. */
    private static void writeFiles(FitSpec fit, Tables tables, Path output, Configuration conf, Generation g)
            throws IOException {
        Target target = fit.target();
        int rows = target.rows();
        double[][] conditions = target.conditionValues();
        Double[][] observed = new Double[rows][];
        List<LossTerm> terms = fit.loss().terms();
        for (int r = 0; r < rows; r++) {
            observed[r] = new Double[terms.size()];
            for (int t = 0; t < terms.size(); t++) {
                observed[r][t] = target.observed(r, target.statistics().indexOf(terms.get(t).statistic()));
            }
        }
        try (TableFile<Tables.FitPredictionRecord> file = TableFile.open(tables.fitPredictions().orElseThrow(), output,
                g.number(), conf)) {
            for (Candidate c : g.candidates()) {
                for (int r = 0; r < rows; r++) {
                    file.write(new Tables.FitPredictionRecord(c, r, fit.runId(g.number(), c.index(), r), conditions[r],
                            g.predicted()[c.index()][r], observed[r]));
                }
            }
            file.commit();
        }
        try (TableFile<Tables.FitRecord> file = TableFile.open(tables.fit().orElseThrow(), output, g.number(), conf)) {
            for (Candidate c : g.candidates()) {
                file.write(new Tables.FitRecord(c, g.evaluations()[c.index()], g.bestSoFar()));
            }
            file.commit();
        }
    }
}
