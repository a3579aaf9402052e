package org.hhsweep.spark.job;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple4;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Follows a sweep's progress on the driver: finished tasks report their accumulator updates at
 * their end, running tasks report theirs with every executor heartbeat, so progress moves while a
 * task is still working through its chunks. A failed task's partial work is dropped (its chunks are
 * redone).
 */
final class ProgressTracker extends SparkListener {
    /**
     * Work done so far.
     *
     * @param tasksFinished tasks that ended successfully
     */
    record Progress(long runs, long neuronSteps, long tasksFinished) {
    }

    private final long runsId;
    private final long stepsId;
    private final AtomicLong runs = new AtomicLong();
    private final AtomicLong steps = new AtomicLong();
    private final AtomicLong tasks = new AtomicLong();
    private final Map<Long, long[]> running = new ConcurrentHashMap<>();
    private final Set<Long> ended = ConcurrentHashMap.newKeySet();

    ProgressTracker(LongAccumulator runsDone, LongAccumulator stepsDone) {
        this.runsId = runsDone.id();
        this.stepsId = stepsDone.id();
    }

    /** Runs and neuron-steps done so far, including the partial work of running tasks. */
    Progress snapshot() {
        long t = tasks.get();
        long r = runs.get();
        long s = steps.get();
        for (long[] v : running.values()) {
            r += v[0];
            s += v[1];
        }
        return new Progress(r, s, t);
    }

    @Override
    public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
        for (Tuple4<Object, Object, Object, scala.collection.immutable.Seq<AccumulableInfo>> task
                : CollectionConverters.asJava(update.accumUpdates())) {
            long taskId = (Long) task._1();
            long[] v = read(task._4());
            if (v != null && !ended.contains(taskId)) {
                running.put(taskId, v);
            }
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        long taskId = end.taskInfo().taskId();
        ended.add(taskId);
        running.remove(taskId);
        if (end.taskInfo().successful()) {
            long[] v = read(end.taskInfo().accumulables());
            if (v != null) {
                runs.addAndGet(v[0]);
                steps.addAndGet(v[1]);
            }
            tasks.incrementAndGet();
        }
    }

    private long[] read(scala.collection.Seq<AccumulableInfo> infos) {
        long[] v = null;
        for (AccumulableInfo info : CollectionConverters.asJava(infos)) {
            if (info.id() != runsId && info.id() != stepsId) {
                continue;
            }
            if (v == null) {
                v = new long[2];
            }
            Object value = info.update().isDefined() ? info.update().get() : null;
            if (value instanceof Number n) {
                v[info.id() == runsId ? 0 : 1] = n.longValue();
            }
        }
        return v;
    }
}
