package org.hhsweep.spark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** How long a sweep has been without executors, on a fake clock and a made-up executor count. */
class ExecutorWatchTest {
    private static final long SECOND = 1_000_000_000L;

    private long now;
    private int live;

    private ExecutorWatch watch(long timeoutSeconds) {
        return new ExecutorWatch(() -> live, () -> now, timeoutSeconds, "3g");
    }

    private void at(long seconds, ExecutorWatch watch) {
        now = seconds * SECOND;
        watch.check();
    }

    @Test
    void aClusterWithoutExecutorsIsNamedAfterTenSecondsAndGivenUpAtTheTimeout() {
        ExecutorWatch w = watch(120);
        at(9, w);
        assertNull(w.note(), "executors take seconds to start");
        at(21, w);
        assertEquals("no executor alive for 21 s (the sweep gives up at 120 s, spark.hhsweep.noExecutorTimeout)",
                w.note());
        at(119, w);
        assertFalse(w.expired());
        at(120, w);
        assertTrue(w.expired());
        assertEquals("no executor alive for 120 s, so the sweep gave up (spark.hhsweep.noExecutorTimeout=120s);"
                + " likely causes: Workers lost or not started; Workers without SPARK_SCALA_VERSION=2.13 or SPARK_HOME"
                + " in their environment (their executors die at once, \"Cannot find any build directories\" in the"
                + " Worker's log); spark.executor.memory (3g) more than a Worker offers; a firewall between the Workers"
                + " and the driver; --resume continues it", w.gaveUp());
    }

    @Test
    void onYarnTheGiveUpLineNamesYarnsCauses() {
        assertEquals(ExecutorWatch.CAUSES, ExecutorWatch.causesFor("spark://127.0.0.1:7077"));
        ExecutorWatch w = new ExecutorWatch(() -> live, () -> now, 120, "3g", ExecutorWatch.causesFor("yarn"));
        at(120, w);
        assertEquals("no executor alive for 120 s, so the sweep gave up (spark.hhsweep.noExecutorTimeout=120s);"
                + " likely causes: no room in the YARN queue for the executors; spark.executor.memory (3g) plus its"
                + " overhead more than a NodeManager offers; executors dying as they start (yarn logs -applicationId"
                + " shows why; e.g. no Java 17 at the nodes' JAVA_HOME: spark.executorEnv.JAVA_HOME); a firewall"
                + " between the NodeManagers and the driver; --resume continues it", w.gaveUp());
    }

    @Test
    void theCountRestartsWhenExecutorsAreLost() {
        ExecutorWatch w = watch(60);
        live = 2;
        at(5, w);
        assertFalse(w.hasNone());
        at(200, w);
        assertEquals(0, w.secondsWithout());
        assertFalse(w.expired());
        // every Worker lost: counted from the first check that finds none, and said at once
        live = 0;
        at(203, w);
        assertTrue(w.hasNone());
        assertEquals("no executor alive for 0 s (the sweep gives up at 60 s, spark.hhsweep.noExecutorTimeout)",
                w.note());
        now = 250 * SECOND;
        assertEquals(47, w.secondsWithout());
        assertFalse(w.expired());
        now = 263 * SECOND;
        assertTrue(w.expired());
        // a replacement registers in time: nothing to say any more
        live = 1;
        at(264, w);
        assertFalse(w.expired());
        assertNull(w.note());
    }

    @Test
    void aTimeoutOfZeroNeverGivesUp() {
        ExecutorWatch w = watch(0);
        at(100_000, w);
        assertFalse(w.expired());
        assertEquals("no executor alive for 100000 s", w.note());
    }

    @Test
    void anExecutorCountThatFailsCountsAsNone() {
        ExecutorWatch w = new ExecutorWatch(() -> {
            throw new IllegalStateException("SparkContext has been shutdown");
        }, () -> now, 30, "1g");
        assertTrue(w.hasNone());
    }

    @Test
    void theTimeoutIsASparkDuration() {
        assertEquals(120, ExecutorWatch.timeoutSeconds(new SparkConf(false)));
        assertEquals(20, ExecutorWatch.timeoutSeconds(new SparkConf(false).set(ExecutorWatch.TIMEOUT_KEY, "20s")));
        assertEquals(120, ExecutorWatch.timeoutSeconds(new SparkConf(false).set(ExecutorWatch.TIMEOUT_KEY, "2min")));
        assertEquals(45, ExecutorWatch.timeoutSeconds(new SparkConf(false).set(ExecutorWatch.TIMEOUT_KEY, "45")));
        assertEquals(0, ExecutorWatch.timeoutSeconds(new SparkConf(false).set(ExecutorWatch.TIMEOUT_KEY, "0")));
        for (String bad : new String[] {"soon", "-5s", "10 parsecs"}) {
            ClusterException e = assertThrows(ClusterException.class, () -> ExecutorWatch.timeoutSeconds(
                    new SparkConf(false).set(ExecutorWatch.TIMEOUT_KEY, bad)));
            assertEquals("spark.hhsweep.noExecutorTimeout: got '" + bad + "', expected a duration such as 120s or"
                    + " 2min (0: never give up)", e.getMessage());
        }
    }
}
