package org.hhsweep.spark.io;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A {@link HeartbeatLock} file as read at one moment: its content (the owner's line, then the
 * lock's unique id) and its modification time, which the holder refreshes every heartbeat. Two
 * reads of the same lock are equal exactly when nobody refreshed or replaced it in between.
 */
record LockFileState(String content, long modifiedMillis) {
    /** A lock file is a few dozen bytes; more is not one of ours. */
    private static final int MAX_BYTES = 4096;

    /**
     * Reads a lock file; null when there is none.
     *
     * @throws OutputRefused when something other than a file is in its place
     */
    static LockFileState read(FileSystem fs, Path file) throws IOException {
        FileStatus status;
        try {
            status = fs.getFileStatus(file);
        } catch (FileNotFoundException e) {
            return null;
        }
        if (!status.isFile()) {
            throw new OutputRefused(OutputDirectory.display(file) + " is not a file; hhsweep keeps its lock there as a"
                    + " file of its own: move it away, or choose another --out");
        }
        byte[] bytes;
        try (InputStream in = fs.open(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (FileNotFoundException e) {
            return null;
        }
        return new LockFileState(new String(bytes, StandardCharsets.UTF_8), status.getModificationTime());
    }

    /** The owner named on the first line, when it is a line hhsweep writes. */
    Optional<LockOwner> owner() {
        return content.length() > MAX_BYTES ? Optional.empty()
                : LockOwner.parse(content.lines().findFirst().orElse(""));
    }

    /**
     * Whether hhsweep wrote this file: it names an owner, or is empty (created by a sweep that died
     * before writing its line, as the content follows the exclusive create).
     */
    boolean isHhsweeps() {
        return content.isEmpty() || owner().isPresent();
    }

    /** Who holds it, as shown to a sweep that is refused. */
    String holder() {
        return owner().map(LockOwner::line).orElse(content.isEmpty() ? "holder unknown" : "not a lock hhsweep wrote");
    }

    /** Time since the holder last refreshed the lock, by this machine's clock. */
    Duration age() {
        return Duration.ofMillis(Math.max(0, System.currentTimeMillis() - modifiedMillis));
    }

    /**
     * Why this lock no longer holds, or empty while it does: its holder is a process of this
     * machine that has ended, or it was not refreshed for longer than {@code staleAfter}.
     */
    Optional<String> staleness(Duration staleAfter) {
        Optional<LockOwner> owner = owner();
        if (owner.isPresent() && owner.get().endedHere()) {
            return Optional.of("process " + owner.get().pid() + " has ended");
        }
        Duration age = age();
        if (age.compareTo(staleAfter) > 0) {
            return Optional.of("not refreshed for " + age.toSeconds() + " s");
        }
        return Optional.empty();
    }
}
