package org.hhsweep.spark.job;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.network.util.JavaUtils;
import org.hhsweep.sim.network.NetworkFootprint;
import org.hhsweep.sim.sweep.RunTemplate;
import org.hhsweep.sim.sweep.SweepSpec;

/**
 * The heap one Spark task may give a network run, known before Spark starts (from the same
 * settings Spark will read), so a run that cannot fit is refused before anything runs rather than
 * failing an executor with OutOfMemoryError hours in.
 *
 * <p>Conservative: Spark keeps {@link #RESERVED_BYTES} of an executor's heap for itself, and of the
 * rest only {@link #USABLE_FRACTION} is counted (the Parquet writers' row groups, Spark's own
 * execution memory and the collector's headroom need the other half); the tasks an executor runs
 * at once share it, each simulating one run at a time.
 *
 * @param heapBytes   an executor's heap: this JVM's in local mode, spark.executor.memory on a cluster
 * @param tasksAtOnce tasks one executor runs at once: N of local[N] (local[*]: the cores), else
 *                    spark.executor.cores / spark.task.cpus (1 when spark.executor.cores is unset)
 * @param local       whether the executor is this JVM (local mode)
 */
public record MemoryBudget(long heapBytes, int tasksAtOnce, boolean local) {
    /** Spark's reserved system memory (spark.testing.reservedMemory aside). */
    public static final long RESERVED_BYTES = 300L << 20;
    public static final double USABLE_FRACTION = 0.5;
    /** Runs checked at most; beyond, evenly spaced runs stand for the others. */
    static final int CHECKED_RUNS = 1000;
    private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d+)(?:,\\s*\\d+)?])?");

    /** The budget of the executors the settings describe (a SparkConf reads spark.* system properties). */
    public static MemoryBudget of(SparkConf conf) {
        String master = conf.get("spark.master", "local[*]");
        Matcher m = LOCAL.matcher(master.trim());
        if (m.matches()) {
            String n = m.group(1);
            int cores = Runtime.getRuntime().availableProcessors();
            int tasks = n == null ? 1 : n.equals("*") ? cores : Integer.parseInt(n);
            return new MemoryBudget(Runtime.getRuntime().maxMemory(), Math.max(1, tasks), true);
        }
        long heap = JavaUtils.byteStringAsBytes(conf.get("spark.executor.memory", "1g"));
        int cores = conf.getInt("spark.executor.cores", 1);
        int perTask = Math.max(1, conf.getInt("spark.task.cpus", 1));
        return new MemoryBudget(heap, Math.max(1, cores / perTask), false);
    }

    /** The budget of the settings this JVM was started with, as the sweep command's Spark session will read them. */
    public static MemoryBudget current() {
        return of(new SparkConf());
    }

    /** Bytes one task may give a run. */
    public long perTaskBytes() {
        return (long) (Math.max(0, heapBytes - RESERVED_BYTES) * USABLE_FRACTION / tasksAtOnce);
    }

    /** The estimated heap of the sweep's largest network run (over up to CHECKED_RUNS runs), 0 without a network. */
    public static long largestRunBytes(SweepSpec spec) {
        if (spec.base().network() == null || spec.runCount() == 0) {
            return 0;
        }
        long runs = spec.runCount();
        long visits = Math.min(runs, CHECKED_RUNS);
        long largest = 0;
        for (long k = 0; k < visits; k++) {
            long index = visits == runs ? k : (long) ((double) k * (runs - 1) / (visits - 1));
            RunTemplate t = spec.run(index).template();
            largest = Math.max(largest, NetworkFootprint.bytes(t.network(), t.settings(), t.ratesBinMs()));
        }
        return largest;
    }

    /** Refuses a sweep whose network runs do not fit a task's share of an executor's heap. */
    public void check(SweepSpec spec) {
        long need = largestRunBytes(spec);
        if (need > perTaskBytes()) {
            throw new MemoryRefused(String.format(Locale.ROOT,
                    "a network run needs about %s of heap, more than the %s a task can use (half of %s after Spark's"
                            + " %s, shared by %d task%s at once); use smaller populations, a lower connect p or more"
                            + " memory per executor (%s)",
                    NetworkFootprint.describe(need), NetworkFootprint.describe(perTaskBytes()),
                    (local ? "this JVM's heap of " : "spark.executor.memory ") + NetworkFootprint.describe(heapBytes),
                    NetworkFootprint.describe(RESERVED_BYTES), tasksAtOnce, tasksAtOnce == 1 ? "" : "s",
                    local ? "--driver-memory SIZE in local mode, or fewer tasks at once: --master local[1]"
                            : "--executor-memory SIZE or --conf spark.executor.memory=SIZE"));
        }
    }

    /** A sweep refused because a network run would not fit an executor's memory (exit status 2). */
    public static final class MemoryRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MemoryRefused(String message) {
            super(message);
        }
    }
}
