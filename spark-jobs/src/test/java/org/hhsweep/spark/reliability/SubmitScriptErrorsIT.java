package org.hhsweep.spark.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hhsweep.spark.cluster.SubmitScript;
import org.hhsweep.spark.cluster.SubmitScript.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * submit.sh as a user runs it, with the mistakes users make on its command line: each is one line
 * on stderr and exit 2, and a master that cannot be used leaves no output directory or lock.
 */
class SubmitScriptErrorsIT {
    private static final String SMALL = """
            name: small
            simulation: {duration: 5 ms, dt: 0.05 ms}
            neurons: 2
            """;

    @TempDir
    Path tmp;

    private Result submit(String... args) throws IOException, InterruptedException {
        return SubmitScript.in(tmp).run(Duration.ofSeconds(180), args);
    }

    private static void assertOneLine(Result r, String fragment) {
        assertEquals(2, r.status(), r.describe());
        assertEquals(1, r.errLines().size(), r.describe());
        assertTrue(r.errLines().get(0).startsWith("error: "), r.describe());
        assertTrue(r.errLines().get(0).contains(fragment), "'" + fragment + "' not in\n" + r.describe());
    }

    @Test
    void badMastersMemorySizesAndCommandsAreOneLine() throws Exception {
        Path config = Files.writeString(tmp.resolve("small.yaml"), SMALL);
        assertOneLine(submit("--master", "local[0]", "validate", config.toString()),
                "--master local[0]: expected local[N] with N at least 1");
        assertOneLine(submit("--master", "banana", "validate", config.toString()), "--master banana: expected");
        assertOneLine(submit("--master", "spark://nohost", "validate", config.toString()),
                "expected spark://HOST:PORT");
        assertOneLine(submit("--driver-memory", "1zz", "validate", config.toString()),
                "--driver-memory 1zz: expected a size such as 512m or 4g");
        assertOneLine(submit("swep", config.toString()), "unknown command or option 'swep'");
        assertOneLine(submit("sweep", config.toString(), "--outt", "x"), "unknown option --outt");
        Result help = submit("sweep", "--help");
        assertEquals(0, help.status(), help.describe());
        assertTrue(help.out().startsWith("usage: submit.sh [--master URL] [spark-submit options] sweep CONFIG"),
                help.describe());
        assertEquals(List.of("small.yaml"), names(tmp));
    }

    @Test
    void anUnreachableMasterFailsWithinSecondsLeavingNothingBehind() throws Exception {
        Path config = Files.writeString(tmp.resolve("small.yaml"), SMALL);
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Path out = tmp.resolve("out");
        Result r = submit("--master", "spark://127.0.0.1:" + closed, "sweep", config.toString(), "--out", out.toString());
        assertOneLine(r, "cannot reach the Spark master spark://127.0.0.1:" + closed);
        // The JVMs' start-up, then at most the 5 s probe.
        assertTrue(r.millis() < 60_000, r.describe());
        assertFalse(Files.exists(out), "no output directory");
        assertEquals(List.of("small.yaml"), names(tmp));
    }

    @Test
    void somethingElseListeningWhereTheMasterShouldBeIsOneLineAfterSparksRegistrationTime() throws Exception {
        Path config = Files.writeString(tmp.resolve("small.yaml"), SMALL);
        Path out = tmp.resolve("out");
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                List<Socket> held = new ArrayList<>();
                try {
                    while (!server.isClosed()) {
                        held.add(server.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Result r = submit("--master", "spark://127.0.0.1:" + server.getLocalPort(), "sweep", config.toString(),
                    "--out", out.toString());
            assertOneLine(r, "did not accept the application within 60 s");
            assertTrue(r.millis() < 150_000, r.describe());
        }
        assertFalse(Files.exists(out), "no output directory");
        assertEquals(List.of("small.yaml"), names(tmp));
    }

    private static List<String> names(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
