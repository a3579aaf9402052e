package org.hhsweep.spark.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What the build made for the cluster tests, as failsafe passes it in system properties (see
 * spark-jobs/pom.xml): the application jar, the jar of test classes, a Spark home made of Maven's
 * Spark jars, the JVM options Spark needs on Java 17 and a scratch directory under target/.
 */
public record BuildArtifacts(Path appJar, Path testJar, Path sparkHome, List<String> sparkJvmOptions, Path itDir) {

    public BuildArtifacts {
        sparkJvmOptions = List.copyOf(sparkJvmOptions);
    }

    public static BuildArtifacts fromSystemProperties() {
        Path sparkHome = existing("hhsweep.sparkHome");
        if (!Files.isDirectory(sparkHome.resolve("jars"))) {
            throw new IllegalStateException("no jars/ in Spark home " + sparkHome
                    + ": the package phase copies Spark's jars there");
        }
        return new BuildArtifacts(existing("hhsweep.appJar"), existing("hhsweep.testJar"), sparkHome,
                Arrays.stream(property("hhsweep.sparkJvmOpens").trim().split("\\s+")).toList(),
                Path.of(property("hhsweep.itDir")));
    }

    /** The class path of every Spark JVM the tests start: all jars of the Spark home. */
    public String sparkClassPath() {
        return sparkHome.resolve("jars") + "/*";
    }

    private static Path existing(String key) {
        Path path = Path.of(property(key));
        if (!Files.exists(path)) {
            throw new IllegalStateException(key + " = " + path + " does not exist: run the integration tests with"
                    + " `mvn verify`, which builds it in the package phase");
        }
        return path;
    }

    private static String property(String key) {
        String value = System.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + key + " is not set: the integration tests run"
                    + " under maven-failsafe-plugin (`mvn verify`), which sets it");
        }
        return value;
    }
}
