package org.hhsweep.spark.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Command lines and environments for the JVMs of a Spark installation: {@code java -cp
 * SPARK_HOME/jars/*} with the module opens Spark needs on Java 17, as Spark's own scripts would start
 * them, but without the scripts (the Spark home here is only Maven's jars). Their working directory
 * is the parent of their tmp directory, so pass absolute paths in arguments.
 */
final class SparkJvm {

    private final BuildArtifacts build;
    private final Path tmpDir;

    /** @param tmpDir java.io.tmpdir of every JVM started, so their scratch files go away with it */
    SparkJvm(BuildArtifacts build, Path tmpDir) {
        this.build = build;
        this.tmpDir = tmpDir;
    }

    BuildArtifacts build() {
        return build;
    }

    Path tmpDir() {
        return tmpDir;
    }

    ProcessBuilder processBuilder(String heap, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.addAll(build.sparkJvmOptions());
        command.add("-Djava.io.tmpdir=" + tmpDir);
        command.add("-cp");
        command.add(build.sparkClassPath());
        command.add(mainClass);
        command.addAll(args);
        // Not the module directory: Spark may drop spark-warehouse/ or derby.log into the working directory.
        ProcessBuilder builder = new ProcessBuilder(command).directory(tmpDir.getParent().toFile());
        Map<String, String> env = builder.environment();
        // Settings inherited from a developer's shell must not change what the tests start.
        env.keySet().removeIf(key -> key.startsWith("SPARK_"));
        env.put("SPARK_HOME", build.sparkHome().toString());
        // Without it a Worker cannot build an executor's class path ("Cannot find any build
        // directories") and every executor dies at once.
        env.put("SPARK_SCALA_VERSION", "2.13");
        // The host name resolves to loopback here, but Spark would otherwise bind to another interface.
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        return builder;
    }
}
