package org.hhsweep.spark.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.hhsweep.sim.sweep.SweepSize;
import org.hhsweep.sim.sweep.SweepSpec;
import org.hhsweep.spark.io.OutputDirectory;
import org.hhsweep.spark.io.OutputEstimate;
import org.hhsweep.spark.io.OutputRefused;
import org.hhsweep.spark.io.Tables;

/**
 * The output a sweep is about to write, estimated before it starts (OutputEstimate: uncompressed,
 * spike lists aside), against the user's limit and the free space where it goes. A sweep that
 * would fill the disk is refused now rather than failing hours later.
 */
final class OutputSizeCheck {
    /** --max-output when not given: a sweep larger than this is more often a typo than a plan. */
    static final String DEFAULT_MAX_OUTPUT = "50GB";

    private OutputSizeCheck() {
    }

    /** The estimate of a whole sweep, table by table. */
    static List<OutputEstimate.TableEstimate> estimate(SweepSpec spec) {
        return OutputEstimate.of(Tables.forSweep(spec), SweepSize.of(spec), spec.base());
    }

    static long total(List<OutputEstimate.TableEstimate> tables) {
        long sum = 0;
        for (OutputEstimate.TableEstimate t : tables) {
            sum += t.bytes();
        }
        return sum;
    }

    /**
     * Refuses the sweep when the output still to write is over the limit or the free space.
     *
     * @param fraction        share of the sweep still to run (below 1 when resuming)
     * @param replacing       whether the directory's current content is deleted first (--overwrite)
     * @param freeSpace       where the free space comes from (the disk, FreeSpace.DISK)
     * @param checkFreeSpace  false with --ignore-free-space
     * @return the line describing the estimate, to print
     */
    static String check(SweepSpec spec, double fraction, Path output, Configuration conf, OptionalLong limit,
                        boolean replacing, FreeSpace freeSpace, boolean checkFreeSpace) throws IOException {
        List<OutputEstimate.TableEstimate> tables = estimate(spec);
        long bytes = (long) Math.ceil(total(tables) * fraction);
        String what = "estimated output " + OutputEstimate.human(bytes) + " before compression" + (fraction < 1
                ? " for the " + String.format(Locale.ROOT, "%.0f%%", 100 * fraction) + " of the sweep still to run"
                : " (" + breakdown(tables) + ")");
        if (limit.isPresent() && bytes > limit.getAsLong()) {
            throw new OutputRefused(what + " is over --max-output " + OutputEstimate.human(limit.getAsLong())
                    + "; give a larger --max-output (or none) if that is intended");
        }
        OptionalLong free = freeSpace.at(output);
        if (checkFreeSpace && free.isPresent()) {
            long available = free.getAsLong() + (replacing ? currentSize(output, conf) : 0);
            if (bytes > available) {
                throw new OutputRefused(what + " is more than the " + OutputEstimate.human(available)
                        + " free where " + OutputDirectory.display(output) + " is; free some space, choose another"
                        + " --out, or add --ignore-free-space (compression often makes it several times smaller)");
            }
        }
        return what + (limit.isPresent() ? ", limit " + OutputEstimate.human(limit.getAsLong()) : "")
                + (free.isPresent() ? ", " + OutputEstimate.human(free.getAsLong()) + " free" : "");
    }

    private static String breakdown(List<OutputEstimate.TableEstimate> tables) {
        List<String> parts = new ArrayList<>();
        for (OutputEstimate.TableEstimate t : tables) {
            parts.add(t.table() + " " + OutputEstimate.human(t.bytes())
                    + (t.table().equals(Tables.SPIKES) ? " + " + OutputEstimate.BYTES_PER_SPIKE + " B per spike" : ""));
        }
        return String.join(", ", parts);
    }

    private static long currentSize(Path output, Configuration conf) throws IOException {
        FileSystem fs = output.getFileSystem(conf);
        return fs.exists(output) ? fs.getContentSummary(output).getLength() : 0;
    }
}
