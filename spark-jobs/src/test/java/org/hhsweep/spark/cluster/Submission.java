package org.hhsweep.spark.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One spark-submit: the application's main class, its jar and arguments, plus Spark settings.
 *
 * @param conf        Spark settings ({@code --conf key=value}), applied after the defaults of
 *                    {@link SparkSubmitter}, so they override them
 * @param jars        extra jars for driver and executors ({@code --jars})
 * @param driverHeap  the driver JVM's -Xmx (in client mode the driver is the spark-submit JVM)
 */
public record Submission(String mainClass, Path appJar, List<String> args, Map<String, String> conf,
                         List<Path> jars, String driverHeap) {

    public Submission {
        args = List.copyOf(args);
        conf = Map.copyOf(conf);
        jars = List.copyOf(jars);
    }

    public static Submission of(String mainClass, Path appJar, String... args) {
        return new Submission(mainClass, appJar, List.of(args), Map.of(), List.of(), "1g");
    }

    public Submission withConf(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(conf);
        more.put(key, value);
        return new Submission(mainClass, appJar, args, more, jars, driverHeap);
    }

    public Submission withJars(Path... more) {
        List<Path> all = new ArrayList<>(jars);
        all.addAll(List.of(more));
        return new Submission(mainClass, appJar, args, conf, all, driverHeap);
    }

    public Submission withDriverHeap(String heap) {
        return new Submission(mainClass, appJar, args, conf, jars, heap);
    }

    /** The same application with other arguments (e.g. another output directory). */
    public Submission withArgs(String... newArgs) {
        return new Submission(mainClass, appJar, List.of(newArgs), conf, jars, driverHeap);
    }
}
