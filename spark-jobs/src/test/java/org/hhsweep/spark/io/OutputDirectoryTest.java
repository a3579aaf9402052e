package org.hhsweep.spark.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDirectoryTest {
    @TempDir
    Path tmp;

    @Test
    void plainPathsBecomeAbsoluteLocalUrisAndUrisAreKept() {
        org.apache.hadoop.fs.Path p = OutputDirectory.resolve("out/tutorial");
        assertEquals("file", p.toUri().getScheme());
        assertEquals(Path.of("out/tutorial").toAbsolutePath().normalize().toString(), p.toUri().getPath());
        assertEquals("hdfs://nn:8020/sweeps/a", OutputDirectory.resolve("hdfs://nn:8020/sweeps/a").toString());
        assertEquals("s3a://bucket/x", OutputDirectory.resolve("s3a://bucket/x").toString());
        assertEquals(Path.of("/tmp/a b").toString(), OutputDirectory.display(OutputDirectory.resolve("/tmp/a b")));
    }

    @Test
    void missingOrEmptyDirectoriesAreFineAndOthersNeedOverwrite() throws Exception {
        Configuration conf = new Configuration();
        Path fresh = tmp.resolve("fresh");
        OutputDirectory.prepare(OutputDirectory.resolve(fresh.toString()), conf, false);
        assertTrue(Files.isDirectory(fresh));
        OutputDirectory.prepare(OutputDirectory.resolve(fresh.toString()), conf, false);

        Files.writeString(fresh.resolve("old.txt"), "old");
        OutputDirectory.ExistsException e = assertThrows(OutputDirectory.ExistsException.class,
                () -> OutputDirectory.prepare(OutputDirectory.resolve(fresh.toString()), conf, false));
        assertTrue(e.getMessage().contains("--overwrite"), e.getMessage());
        assertTrue(Files.exists(fresh.resolve("old.txt")));

        OutputDirectory.prepare(OutputDirectory.resolve(fresh.toString()), conf, true);
        assertTrue(Files.isDirectory(fresh));
        assertFalse(Files.exists(fresh.resolve("old.txt")));

        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        assertThrows(OutputDirectory.ExistsException.class,
                () -> OutputDirectory.prepare(OutputDirectory.resolve(file.toString()), conf, true));
    }
}
