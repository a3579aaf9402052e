package org.hhsweep.spark.io;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Paths;
import org.apache.hadoop.fs.Path;

/**
 * Places a sweep never writes to, whatever the options: the root of a file system, the working
 * directory or one of its ancestors, the user's home or one of its ancestors, and the directory
 * holding the config file or one of its ancestors. Each holds files that matter and is the result
 * of a slip (an unset variable, a "." too many, a name like ".."). Paths are compared as they
 * really are on disk, through symbolic links; a link that leads nowhere or loops is refused too.
 */
public final class OutputPlace {
    private OutputPlace() {
    }

    /**
     * @param configFile the sweep's config file, or null when there is none
     * @throws OutputRefused naming the place and why
     */
    public static void check(Path out, java.nio.file.Path configFile) {
        java.nio.file.Path local = OutputLock.local(out);
        String shown = OutputDirectory.display(out);
        if (local == null) {
            if (out.getParent() == null) {
                throw refused(shown, "is the root of its file system");
            }
            return;
        }
        java.nio.file.Path real = real(local, shown);
        if (real.getParent() == null) {
            throw refused(shown, "is the root directory");
        }
        refuseAncestorOf(shown, real, Paths.get(""), "the working directory");
        refuseAncestorOf(shown, real, Paths.get(System.getProperty("user.home")), "your home directory");
        if (configFile != null && configFile.toAbsolutePath().getParent() != null) {
            refuseAncestorOf(shown, real, configFile.toAbsolutePath().getParent(),
                    "the directory of the config file " + configFile.getFileName());
        }
    }

    private static void refuseAncestorOf(String shown, java.nio.file.Path out, java.nio.file.Path place, String what) {
        java.nio.file.Path realPlace;
        try {
            realPlace = place.toAbsolutePath().toRealPath();
        } catch (IOException e) {
            return;
        }
        if (realPlace.equals(out)) {
            throw refused(shown, "is " + what);
        }
        if (realPlace.startsWith(out)) {
            throw refused(shown, "holds " + what + " (" + realPlace + ")");
        }
    }

    /**
     * The path as it is on disk: the real path of its deepest existing part, then the rest. A
     * symbolic link on the way that leads nowhere, or loops, is refused.
     */
    static java.nio.file.Path real(java.nio.file.Path local, String shown) {
        java.nio.file.Path absolute = local.toAbsolutePath().normalize();
        java.nio.file.Path existing = absolute;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            java.nio.file.Path real = existing.toRealPath();
            return real.resolve(existing.relativize(absolute));
        } catch (FileSystemException e) {
            String why = e.getReason() != null && e.getReason().contains("levels of symbolic links")
                    ? "is a symbolic link that loops" : "is a symbolic link to " + target(existing) + ", which does not"
                    + " exist";
            throw refused(shown.equals(existing.toString()) ? shown : existing.toString(), why);
        } catch (IOException e) {
            throw refused(shown, "cannot be resolved (" + e.getMessage() + ")");
        }
    }

    private static String target(java.nio.file.Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "a missing file";
        }
    }

    private static OutputRefused refused(String shown, String why) {
        return new OutputRefused("output " + shown + " " + why + "; hhsweep does not write there: name a directory"
                + " of its own with --out");
    }
}
