package org.hhsweep.spark.cli;

import java.io.IOException;
import java.util.OptionalLong;
import org.apache.hadoop.fs.Path;
import org.hhsweep.spark.io.OutputDirectory;

/**
 * The space free where an output goes, which sweep's size check compares its estimate with. The
 * CLI asks the disk ({@link #DISK}); a test can hand it a smaller number through the same call,
 * since no test may fill a disk to see the check at work.
 */
@FunctionalInterface
public interface FreeSpace {
    /** The disk's usable space for this user where the output goes; empty when not a local path. */
    FreeSpace DISK = OutputDirectory::usableSpace;

    /** Bytes free where the output goes, or empty when the file system does not say. */
    OptionalLong at(Path output) throws IOException;
}
