package org.hhsweep.spark.io;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/**
 * Another process holding the lock of a non-local output, as a sweep's driver would, until it is
 * killed or two minutes have passed: {@code HdfsLockHolder OUT [HEARTBEAT_MS STALE_MS]}. Prints
 * {@code locked} once it holds the lock, and the lines the lock says (a lost lock's warning).
 */
public final class HdfsLockHolder {
    private HdfsLockHolder() {
    }

    public static void main(String[] args) throws Exception {
        HeartbeatLock.Timing timing = args.length < 3 ? HeartbeatLock.Timing.DEFAULT
                : new HeartbeatLock.Timing(Duration.ofMillis(Long.parseLong(args[1])),
                Duration.ofMillis(Long.parseLong(args[2])));
        HeartbeatLock lock = HeartbeatLock.acquire(new org.apache.hadoop.fs.Path(args[0]), new Configuration(), timing,
                line -> {
                    System.out.println(line);
                    System.out.flush();
                });
        System.out.println("locked");
        System.out.flush();
        Thread.sleep(120_000);
        lock.close();
    }

    /** Starts one, its stdout and stderr together in {@code log}. */
    public static Process start(String out, Path log, long... timingMillis) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"), HdfsLockHolder.class.getName(), out));
        for (long t : timingMillis) {
            command.add(Long.toString(t));
        }
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
