package org.hhsweep.spark.cluster;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A stand-in Spark application that proves the cluster harness: it computes rows whose content
 * is fixed by their id (so any run, local or on a cluster, must write the same), records which
 * executor JVM computed each row (so a test can tell the work really ran on the cluster's
 * executors), writes them as Parquet and then aggregates them through a shuffle.
 *
 * <p>Usage: {@code OUT [--rows N] [--partitions P] [--task-millis T] [--markers DIR]}; writes
 * OUT/rows and OUT/buckets, then prints one line to stdout. With --task-millis every task sleeps that long before computing, and
 * with --markers it first creates {@code DIR/partition-P-attempt-A-pid-X}, so a test can kill an
 * executor while it is known to be busy.
 */
public final class ClusterProbeApp {

    public static final String APP_NAME = "hhsweep-cluster-probe";
    public static final int BUCKETS = 7;

    static final StructType ROWS = new StructType()
            .add("id", DataTypes.LongType, false)
            .add("id_squared", DataTypes.LongType, false)
            .add("samples", DataTypes.createArrayType(DataTypes.FloatType, false), false)
            .add("bucket", DataTypes.IntegerType, false)
            .add("partition", DataTypes.IntegerType, false)
            .add("app_id", DataTypes.StringType, false)
            .add("executor_id", DataTypes.StringType, false)
            .add("executor_pid", DataTypes.LongType, false)
            .add("executor_parent_pid", DataTypes.LongType, false);

    private ClusterProbeApp() {
    }

    /** The samples of row {@code id}: exact float values a reader can recompute. */
    static List<Float> samples(long id) {
        return List.of((float) id, id * 0.5f, (float) (id / 3.0));
    }

    public static void main(String[] args) throws Exception {
        String out = args[0];
        long rows = 10_000;
        int partitions = 8;
        long taskMillis = 0;
        String markers = null;
        for (int i = 1; i < args.length; i += 2) {
            switch (args[i]) {
                case "--rows" -> rows = Long.parseLong(args[i + 1]);
                case "--partitions" -> partitions = Integer.parseInt(args[i + 1]);
                case "--task-millis" -> taskMillis = Long.parseLong(args[i + 1]);
                case "--markers" -> markers = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        SparkSession spark = SparkSession.builder().appName(APP_NAME).getOrCreate();
        try {
            String appId = spark.sparkContext().applicationId();
            JavaRDD<Row> computed = spark.range(0, rows, 1, partitions).javaRDD()
                    .mapPartitions(new ComputePartition(appId, taskMillis, markers));
            spark.createDataFrame(computed, ROWS).write().option("compression", "zstd").parquet(out + "/rows");
            spark.read().parquet(out + "/rows")
                    .groupBy("bucket")
                    .agg(count(lit(1)).as("count"), sum("id").as("id_sum"))
                    .write().parquet(out + "/buckets");
            System.out.println("probe " + appId + " wrote " + out);
        } finally {
            spark.stop();
        }
    }

    /** One task's work; runs in an executor JVM. */
    static final class ComputePartition implements FlatMapFunction<Iterator<Long>, Row> {

        private final String appId;
        private final long taskMillis;
        private final String markers;

        ComputePartition(String appId, long taskMillis, String markers) {
            this.appId = appId;
            this.taskMillis = taskMillis;
            this.markers = markers;
        }

        @Override
        public Iterator<Row> call(Iterator<Long> ids) throws IOException, InterruptedException {
            TaskContext task = TaskContext.get();
            ProcessHandle self = ProcessHandle.current();
            long pid = self.pid();
            long parentPid = self.parent().map(ProcessHandle::pid).orElse(-1L);
            if (markers != null) {
                Files.createFile(Path.of(markers, "partition-" + task.partitionId() + "-attempt-"
                        + task.attemptNumber() + "-pid-" + pid));
            }
            Thread.sleep(taskMillis);
            String executorId = SparkEnv.get().executorId();
            // A Row takes a list column as a Scala Seq or a Java array, not a java.util.List.
            List<Row> rows = new ArrayList<>();
            while (ids.hasNext()) {
                long id = ids.next();
                rows.add(RowFactory.create(id, id * id, samples(id).toArray(new Float[0]), (int) (id % BUCKETS), task.partitionId(),
                        appId, executorId, pid, parentPid));
            }
            return rows.iterator();
        }
    }
}
