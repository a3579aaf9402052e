package org.hhsweep.spark.cli;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.hhsweep.spark.io.OutputContents;
import org.hhsweep.spark.io.OutputDirectory;
import org.hhsweep.spark.io.OutputLayout;
import org.hhsweep.spark.io.OutputLock;
import org.hhsweep.spark.io.OutputRefused;

/**
 * unlock DIR [--force]: removes the lock a killed sweep left on a non-local output (hdfs://, ...),
 * and says whose it was. Only the lock of an hhsweep output (or of a directory holding nothing
 * else), only a lock hhsweep wrote, and only a stale one unless --force. A sweep takes over a stale
 * lock by itself; this is for a lock that still looks live because its driver's machine died
 * moments ago, or to clear a directory by hand. No Spark.
 */
final class UnlockCommand {
    private final Cli cli;

    UnlockCommand(Cli cli) {
        this.cli = cli;
    }

    int run(List<String> rest) throws Exception {
        Args args = Args.parse(rest, Set.of("--force", "--verbose"), Set.of());
        Path out = OutputDirectory.resolve(args.positional("DIR").get(0));
        String where = OutputDirectory.display(out);
        Configuration conf = new Configuration();
        FileSystem fs = out.getFileSystem(conf);
        if (!fs.exists(out)) {
            throw new OutputRefused("output directory " + where + " does not exist");
        }
        if (!fs.getFileStatus(out).isDirectory()) {
            throw new OutputRefused("output " + where + " is not a directory");
        }
        OutputContents contents = OutputContents.of(out, conf);
        if (!contents.isHhsweepOutput() && !contents.isEmpty()) {
            throw new OutputRefused("output directory " + where + " is not an hhsweep output (it has no "
                    + OutputLayout.MANIFEST + " written by hhsweep); unlock removes only the lock of one");
        }
        Optional<String> removed = OutputLock.breakLock(out, conf, args.flag("--force"));
        cli.out().println(removed.map(r -> "removed the lock of " + where + " (" + r + ")")
                .orElse(where + " is not locked" + (OutputLock.local(out) != null
                        ? " (a lock on a local path ends with the process holding it)" : "")));
        return Cli.OK;
    }
}
