package org.hhsweep.spark.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hhsweep.spark.cluster.SubmitScript;
import org.hhsweep.spark.cluster.SubmitScript.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code ./submit.sh --master yarn} needs from the user, missing: each is one line on stderr
 * and exit 2, before anything is written. The checks of the command line and of HADOOP_CONF_DIR
 * are the script's (no JVM starts); an unreachable ResourceManager is found by the driver within
 * seconds, where YARN's client would retry for 15 minutes.
 */
class YarnSubmitErrorsIT {
    private static final String SMALL = """
            name: small
            simulation: {duration: 5 ms, dt: 0.05 ms}
            neurons: 2
            """;
    private static final String CORE_SITE = """
            <configuration><property><name>fs.defaultFS</name><value>hdfs://127.0.0.1:%d</value></property>
            </configuration>
            """;
    private static final String YARN_SITE = """
            <configuration><property><name>yarn.resourcemanager.address</name><value>127.0.0.1:%d</value></property>
            </configuration>
            """;

    @TempDir
    Path tmp;

    private Result submit(SubmitScript script, String... args) throws IOException, InterruptedException {
        return script.run(Duration.ofSeconds(180), args);
    }

    private static void assertOneLine(Result r, String fragment) {
        assertEquals(2, r.status(), r.describe());
        assertEquals(1, r.errLines().size(), r.describe());
        assertTrue(r.errLines().get(0).startsWith("error: "), r.describe());
        assertTrue(r.errLines().get(0).contains(fragment), "'" + fragment + "' not in\n" + r.describe());
    }

    private Path confDir(String name, boolean core, boolean yarn, int port) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        if (core) {
            Files.writeString(dir.resolve("core-site.xml"), CORE_SITE.formatted(port));
        }
        if (yarn) {
            Files.writeString(dir.resolve("yarn-site.xml"), YARN_SITE.formatted(port));
        }
        return dir;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void whatYarnNeedsFromTheUserIsOneLineBeforeAnyJvmStarts() throws Exception {
        Path config = Files.writeString(tmp.resolve("small.yaml"), SMALL);
        String out = tmp.resolve("out").toString();
        SubmitScript plain = SubmitScript.in(tmp);
        Path full = confDir("full", true, true, closedPort());

        Result r = submit(plain, "--master", "yarn", "sweep", config.toString(), "--out", out);
        assertOneLine(r, "--master yarn needs HADOOP_CONF_DIR (or YARN_CONF_DIR): the directory of the cluster's"
                + " client configuration (core-site.xml, yarn-site.xml)");
        assertTrue(r.millis() < 10_000, r.describe());

        assertOneLine(submit(plain.withEnv("HADOOP_CONF_DIR", tmp.resolve("nowhere").toString()), "--master", "yarn",
                "sweep", config.toString(), "--out", out), "HADOOP_CONF_DIR=" + tmp.resolve("nowhere")
                + ": not a directory");
        assertOneLine(submit(plain.withEnv("HADOOP_CONF_DIR", confDir("core-only", true, false, 1).toString()),
                "--master", "yarn", "sweep", config.toString(), "--out", out), "core-only has no yarn-site.xml");
        assertOneLine(submit(plain.withEnv("YARN_CONF_DIR", confDir("yarn-only", false, true, 1).toString()),
                "--master", "yarn", "sweep", config.toString(), "--out", out),
                "YARN_CONF_DIR=" + tmp.resolve("yarn-only") + " has no core-site.xml");
        // yarn-site.xml in YARN_CONF_DIR and core-site.xml in HADOOP_CONF_DIR is a whole configuration:
        // it passes the script's checks and reaches the driver's ResourceManager probe.
        assertOneLine(submit(plain.withEnv("YARN_CONF_DIR", tmp.resolve("yarn-only").toString())
                        .withEnv("HADOOP_CONF_DIR", tmp.resolve("core-only").toString()), "--master", "yarn",
                "sweep", config.toString(), "--out", out), "cannot reach the YARN ResourceManager");

        SubmitScript configured = plain.withEnv("HADOOP_CONF_DIR", full.toString());
        assertOneLine(submit(configured, "--master", "yarn", "--deploy-mode", "cluster", "sweep", config.toString(),
                "--out", out), "--deploy-mode cluster: hhsweep's driver runs where submit.sh runs");
        assertOneLine(submit(configured, "--master", "yarn", "--conf", "spark.submit.deployMode=cluster", "sweep",
                config.toString(), "--out", out), "--deploy-mode cluster: hhsweep's driver runs where submit.sh runs");
        assertOneLine(submit(configured, "--master", "yarn", "--deploy-mode=cluster", "sweep", config.toString(),
                "--out", out), "expected --deploy-mode client, the default");
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void anUnreachableResourceManagerIsOneLineWithinSeconds() throws Exception {
        Path config = Files.writeString(tmp.resolve("small.yaml"), SMALL);
        int port = closedPort();
        Path conf = confDir("conf", true, true, port);
        Path out = tmp.resolve("out");
        Result r = submit(SubmitScript.in(tmp).withEnv("HADOOP_CONF_DIR", conf.toString()), "--master", "yarn",
                "sweep", config.toString(), "--out", out.toString());
        assertOneLine(r, "cannot reach the YARN ResourceManager (yarn.resourcemanager.address 127.0.0.1:" + port + ": ");
        assertTrue(r.errLines().get(0).endsWith(", within 5 s; from " + conf.resolve("yarn-site.xml")
                + "): is it running, and is HADOOP_CONF_DIR the cluster's client configuration?"), r.describe());
        // One JVM start (SparkSubmit's, the driver) and at most the 5 s probe.
        assertTrue(r.millis() < 60_000, r.describe());
        assertFalse(Files.exists(out), "no output directory");
        assertEquals(List.of("conf", "small.yaml"), names(tmp));
    }

    private static List<String> names(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
