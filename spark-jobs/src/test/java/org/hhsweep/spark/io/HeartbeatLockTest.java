package org.hhsweep.spark.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lock on a file system that ignores setTimes, as S3A does: a local one that does nothing on
 * setTimes stands in for the object store. The heartbeat must keep the lock fresh all the same.
 */
class HeartbeatLockTest {
    private static final HeartbeatLock.Timing SHORT = new HeartbeatLock.Timing(Duration.ofMillis(200),
            Duration.ofMillis(1500));

    /** setTimes does nothing, as on S3A. */
    public static final class NoTimesFileSystem extends RawLocalFileSystem {
        @Override
        public void setTimes(org.apache.hadoop.fs.Path p, long mtime, long atime) {
            // ignored
        }
    }

    @TempDir
    Path tmp;

    @Test
    void whereSetTimesDoesNothingTheHeartbeatWritesTheLockAgain() throws Exception {
        Configuration conf = new Configuration();
        conf.setClass("fs.file.impl", NoTimesFileSystem.class, FileSystem.class);
        conf.setBoolean("fs.file.impl.disable.cache", true);
        org.apache.hadoop.fs.Path out = new org.apache.hadoop.fs.Path(tmp.resolve("out").toUri());
        Path file = tmp.resolve("out").resolve(OutputLayout.LOCK);
        try (HeartbeatLock lock = HeartbeatLock.acquire(out, conf, SHORT, line -> { })) {
            long old = System.currentTimeMillis() - Duration.ofMinutes(10).toMillis();
            Files.setLastModifiedTime(file, FileTime.fromMillis(old));
            Thread.sleep(SHORT.staleAfter().toMillis());
            assertTrue(Files.getLastModifiedTime(file).toMillis() > old + Duration.ofMinutes(9).toMillis(),
                    "refreshed");
            assertEquals(lock.content(), Files.readString(file));
            assertEquals(Optional.of(lock.content().lines().findFirst().orElseThrow()),
                    HeartbeatLock.holder(out, conf, SHORT));
        }
        assertFalse(Files.exists(file), "released: deleted");
    }
}
