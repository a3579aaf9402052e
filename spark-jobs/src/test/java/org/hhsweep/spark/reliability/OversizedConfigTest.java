package org.hhsweep.spark.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hhsweep.sim.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-config corpus's case too big to commit: a 30 MB YAML scalar (once about 240 s of CPU
 * before it was refused) and a 30 MB JSON string. Every command refuses each by its size, at once,
 * in one line naming the file and the limit, exit 2, and writes nothing.
 */
class OversizedConfigTest {
    private static final long SIZE = 30L << 20;

    @TempDir
    Path tmp;

    private Path write(String name, String head, String tail) throws IOException {
        Path file = Files.createDirectories(tmp.resolve("configs")).resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            byte[] block = "x".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
            for (long written = head.length() + tail.length(); written < SIZE; written += block.length) {
                out.write(block, 0, (int) Math.min(block.length, SIZE - written));
            }
            out.write(tail.getBytes(StandardCharsets.US_ASCII));
        }
        assertEquals(SIZE, Files.size(file));
        return file;
    }

    @Test
    void everyCommandRefusesA30MegabyteConfigByItsSize() throws IOException {
        Path yaml = write("huge.yaml", "simulation: {duration: 100 ms}\nname: ", "\n");
        Path json = write("huge.json", "{\"simulation\": {\"duration\": \"100 ms\"}, \"name\": \"", "\"}\n");
        Path existing = Files.createDirectories(tmp.resolve("existing"));
        Files.writeString(existing.resolve("sentinel.txt"), "results of an earlier sweep");
        Map<String, String> before = FileTree.snapshot(tmp);
        for (Path config : List.of(yaml, json)) {
            for (String[] command : List.of(
                    new String[] {"validate", config.toString()},
                    new String[] {"sweep", config.toString()},
                    new String[] {"sweep", config.toString(), "--out", tmp.resolve("fresh").toString()},
                    new String[] {"sweep", config.toString(), "--out", existing.toString(), "--overwrite"},
                    new String[] {"sweep", config.toString(), "--out", existing.toString(), "--resume"})) {
                long start = System.nanoTime();
                Commands.Outcome o = Commands.run(command);
                double seconds = (System.nanoTime() - start) / 1e9;
                String what = String.join(" ", command) + "\n" + o.describe();
                assertEquals(2, o.status(), what);
                assertEquals("", o.out(), what);
                assertEquals(List.of("config error: config: got '" + config + "' of " + SIZE + " bytes, expected "
                        + "a config file of at most 1 MiB (" + ConfigLoader.MAX_BYTES + " bytes)"), o.errLines(), what);
                assertTrue(seconds < 1, what + "\ntook " + seconds + " s");
            }
        }
        assertEquals(before, FileTree.snapshot(tmp), "the file system changed");
    }
}
