package org.hhsweep.spark.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The application jar and the Spark home split the classes as a real cluster does: Spark comes from
 * the cluster, our code and its libraries only from the application jar. A class on the wrong side
 * would either be missing on a real cluster or hide that it is missing here.
 */
class BuildArtifactsIT {

    private final BuildArtifacts build = BuildArtifacts.fromSystemProperties();

    private List<String> appJarEntries() throws IOException {
        try (JarFile jar = new JarFile(build.appJar().toFile())) {
            return jar.stream().map(JarEntry::getName).toList();
        }
    }

    @Test
    void applicationJarCarriesOurCodeAndLibrariesButNotSpark() throws IOException {
        List<String> entries = appJarEntries();

        for (String needed : List.of("org/hhsweep/sim/Simulator.class",
                "com/fasterxml/jackson/dataformat/yaml/YAMLFactory.class",
                "tech/units/indriya/quantity/Quantities.class",
                "org/knowm/xchart/XYChart.class", "de/erichseifert/vectorgraphics2d/VectorGraphics2D.class")) {
            assertTrue(entries.contains(needed), "application jar lacks " + needed);
        }
        // pdfbox (XChart's PDF export, unused) is left out of the build.
        for (String cluster : List.of("org/apache/spark/", "scala/", "org/apache/hadoop/", "org/apache/parquet/",
                "org/apache/pdfbox/")) {
            assertEquals(List.of(), entries.stream().filter(e -> e.startsWith(cluster)).limit(3).toList(),
                    "the cluster provides " + cluster);
        }
        assertEquals(List.of(), entries.stream()
                .filter(e -> e.matches("META-INF/[^/]+\\.(SF|DSA|RSA)") || e.endsWith("module-info.class"))
                .toList(), "signatures and module descriptors of merged jars");
    }

    @Test
    void sparkHomeHasSparkButNotOurCode() throws IOException {
        List<String> jars;
        try (Stream<Path> files = Files.list(build.sparkHome().resolve("jars"))) {
            jars = files.map(p -> p.getFileName().toString()).sorted().toList();
        }

        for (String spark : List.of("spark-core_2.13-", "spark-sql_2.13-", "scala-library-2.13.",
                "jackson-databind-", "hadoop-client-runtime-", "parquet-hadoop-")) {
            assertTrue(jars.stream().anyMatch(j -> j.startsWith(spark)), "Spark home lacks " + spark + "*.jar");
        }
        for (String ours : List.of("sim-core-", "spark-jobs-", "indriya-", "unit-api-", "xchart-", "VectorGraphics2D-")) {
            assertEquals(List.of(), jars.stream().filter(j -> j.startsWith(ours)).toList(),
                    "only the application jar may bring " + ours + "*");
        }
    }

    /** submit.sh cluster start links the jars of this list: the same Spark home as the tests' copy. */
    @Test
    void theClusterCommandsSparkHomeIsTheTestsSparkHome() throws IOException {
        Path list = build.appJar().resolveSibling("spark-home-classpath.txt");
        List<String> linked = Arrays.stream(Files.readString(list).trim().split(":"))
                .map(jar -> Path.of(jar).getFileName().toString()).sorted().toList();
        List<String> copied;
        try (Stream<Path> files = Files.list(build.sparkHome().resolve("jars"))) {
            copied = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(copied, linked);
    }
}
