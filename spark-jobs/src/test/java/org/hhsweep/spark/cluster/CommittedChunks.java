package org.hhsweep.spark.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/** How far a running sweep has got, seen from outside: its committed chunks (runs/part-N.parquet). */
public final class CommittedChunks {
    private CommittedChunks() {
    }

    public static long count(Path out) throws IOException {
        Path runs = out.resolve("runs");
        if (!Files.isDirectory(runs)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(runs)) {
            return files.filter(p -> p.getFileName().toString().matches("part-\\d+\\.parquet")).count();
        }
    }

    /** Waits until at least {@code n} chunks are committed, while the sweep is still running. */
    public static void await(Path out, long n, RunningSubmission running, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count(out) < n) {
            assertTrue(running.isAlive(), "the sweep ended before " + n + " chunks were committed:\n"
                    + running.output() + running.errorOutput());
            assertTrue(System.nanoTime() < deadline, "fewer than " + n + " chunks committed after " + timeout);
            Thread.sleep(50);
        }
    }
}
