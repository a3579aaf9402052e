package org.hhsweep.spark.job;

import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;

/**
 * Whether a sweep on a cluster has an executor to run on, and for how long it has had none. A
 * sweep whose Workers are all lost, or whose executors die as they start, would otherwise wait for
 * ever without a word (Spark keeps the job pending until resources come): the progress line says
 * so, and after {@link #TIMEOUT_KEY} the sweep gives up with the likely causes. In local mode the
 * driver runs the tasks itself and is always there.
 */
final class ExecutorWatch {
    /** Spark setting (also -D): seconds without a live executor before the sweep gives up; 0 never. */
    static final String TIMEOUT_KEY = "spark.hhsweep.noExecutorTimeout";
    static final long DEFAULT_TIMEOUT_SECONDS = 120;
    /** Executors take seconds to start: until one was seen, the progress line mentions none only after this. */
    static final long QUIET_SECONDS = 10;
    static final String CAUSES = "likely causes: Workers lost or not started; Workers without SPARK_SCALA_VERSION=2.13"
            + " or SPARK_HOME in their environment (their executors die at once, \"Cannot find any build directories\""
            + " in the Worker's log); spark.executor.memory (%s) more than a Worker offers; a firewall between the"
            + " Workers and the driver";
    /** The same on YARN, where NodeManagers start the executors in containers of a queue. */
    static final String YARN_CAUSES = "likely causes: no room in the YARN queue for the executors;"
            + " spark.executor.memory (%s) plus its overhead more than a NodeManager offers; executors dying as they"
            + " start (yarn logs -applicationId shows why; e.g. no Java 17 at the nodes' JAVA_HOME:"
            + " spark.executorEnv.JAVA_HOME); a firewall between the NodeManagers and the driver";

    private final IntSupplier liveExecutors;
    private final LongSupplier nanoClock;
    private final long timeoutSeconds;
    private final String executorMemory;
    private final String causes;
    private final long started;
    private long noneSince;
    private boolean seenOne;

    /**
     * @param liveExecutors  executors alive now (not counting the driver)
     * @param timeoutSeconds give up after this long without one; 0 never
     */
    ExecutorWatch(IntSupplier liveExecutors, LongSupplier nanoClock, long timeoutSeconds, String executorMemory) {
        this(liveExecutors, nanoClock, timeoutSeconds, executorMemory, CAUSES);
    }

    /** @param causes the likely causes the give-up line names (%s: the executor memory) */
    ExecutorWatch(IntSupplier liveExecutors, LongSupplier nanoClock, long timeoutSeconds, String executorMemory,
                  String causes) {
        this.liveExecutors = liveExecutors;
        this.nanoClock = nanoClock;
        this.timeoutSeconds = timeoutSeconds;
        this.executorMemory = executorMemory;
        this.causes = causes;
        this.started = nanoClock.getAsLong();
        this.noneSince = -1;
        check();
    }

    /** The watch of a sweep about to run in {@code sc}; checks the timeout setting first. */
    static ExecutorWatch of(SparkContext sc) {
        long timeout = timeoutSeconds(sc.getConf());
        String memory = sc.getConf().get("spark.executor.memory", "1g");
        if (sc.isLocal()) {
            return new ExecutorWatch(() -> 1, System::nanoTime, timeout, memory);
        }
        // The status tracker lists the driver's block manager among the executors.
        IntSupplier live = () -> sc.isStopped() ? 0 : Math.max(0, sc.statusTracker().getExecutorInfos().length - 1);
        return new ExecutorWatch(live, System::nanoTime, timeout, memory, causesFor(sc.master()));
    }

    /** The likely causes of no executor under a cluster master. */
    static String causesFor(String master) {
        return master.equals("yarn") ? YARN_CAUSES : CAUSES;
    }

    /**
     * The give-up time set by {@link #TIMEOUT_KEY}: a Spark duration (120s, 2min; a plain number
     * is seconds).
     *
     * @throws ClusterException for a value that is not one
     */
    static long timeoutSeconds(SparkConf conf) {
        if (!conf.contains(TIMEOUT_KEY)) {
            return DEFAULT_TIMEOUT_SECONDS;
        }
        String value = conf.get(TIMEOUT_KEY);
        long seconds;
        try {
            seconds = conf.getTimeAsSeconds(TIMEOUT_KEY);
        } catch (RuntimeException e) {
            seconds = -1;
        }
        if (seconds < 0) {
            throw new ClusterException(TIMEOUT_KEY + ": got '" + value + "', expected a duration such as 120s or 2min"
                    + " (0: never give up)");
        }
        return seconds;
    }

    /** Looks at the executors now; called every few seconds while the sweep runs. */
    synchronized void check() {
        int live;
        try {
            live = liveExecutors.getAsInt();
        } catch (RuntimeException e) {
            // A context being stopped may fail to answer: it has no executors for the sweep either way.
            live = 0;
        }
        if (live > 0) {
            noneSince = -1;
            seenOne = true;
        } else if (noneSince < 0) {
            noneSince = nanoClock.getAsLong();
        }
    }

    /** Whether the last check found no executor. */
    synchronized boolean hasNone() {
        return noneSince >= 0;
    }

    /** Seconds since the last check that found an executor (or since the start), 0 while there is one. */
    synchronized long secondsWithout() {
        return noneSince < 0 ? 0 : (nanoClock.getAsLong() - noneSince) / 1_000_000_000L;
    }

    /** Whether the sweep has been without an executor for the whole timeout. */
    boolean expired() {
        return timeoutSeconds > 0 && secondsWithout() >= timeoutSeconds;
    }

    /**
     * For the progress line while there is no executor, e.g. "no executor alive for 21 s (...)",
     * else null: at once when executors were lost, after {@link #QUIET_SECONDS} when none has come yet.
     */
    synchronized String note() {
        long without = secondsWithout();
        if (!hasNone() || !seenOne && without < QUIET_SECONDS) {
            return null;
        }
        return "no executor alive for " + without + " s"
                + (timeoutSeconds > 0 ? " (the sweep gives up at " + timeoutSeconds + " s, " + TIMEOUT_KEY + ")" : "");
    }

    /** The one line a sweep gives up with after {@link #expired()}. */
    String gaveUp() {
        return "no executor alive for " + secondsWithout() + " s, so the sweep gave up (" + TIMEOUT_KEY + "="
                + timeoutSeconds + "s); " + String.format(causes, executorMemory) + "; --resume continues it";
    }

    /** The one line for a cluster that ended the application while it had no executor. */
    String ended() {
        return "the Spark master ended the application " + (nanoClock.getAsLong() - started) / 1_000_000_000L
                + " s into the sweep with no executor alive (it does so when executors keep failing as they start); "
                + String.format(causes, executorMemory) + "; --resume continues it";
    }
}
