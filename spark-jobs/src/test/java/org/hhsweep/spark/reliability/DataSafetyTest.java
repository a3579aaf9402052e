package org.hhsweep.spark.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hhsweep.spark.io.OutputLayout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ways a command used to remove or change files it had not written (issue 10), each now
 * refused before anything is touched: exit 2, one line, and every file byte-identical afterwards.
 * The cases about the working and home directories run the CLI in a JVM of its own, in a scratch
 * working directory, so that a broken rule could never reach the project's files.
 */
class DataSafetyTest {
    private static final String SMALL = """
            name: small
            simulation: {duration: 5 ms, dt: 0.05 ms}
            neurons: 2
            stimulus: {type: constant, amplitude: 10 uA/cm^2}
            record: {traces: {every: 0.5 ms}}
            """;

    @TempDir
    static Path shared;
    static Path finished;

    @TempDir
    Path tmp;

    /** One real output, copied where a case needs one. */
    @BeforeAll
    static void sweepOnce() throws IOException {
        Path config = Files.writeString(shared.resolve("small.yaml"), SMALL);
        finished = shared.resolve("finished");
        Commands.Outcome o = Commands.run("sweep", config.toString(), "--out", finished.toString());
        assertEquals(0, o.status(), o.describe());
    }

    static void assertRefused(Commands.Outcome o, String... fragments) {
        assertEquals(2, o.status(), o.describe());
        assertEquals("", o.out(), o.describe());
        assertEquals(1, o.errLines().size(), o.describe());
        String line = o.errLines().get(0);
        assertTrue(line.startsWith("error: "), o.describe());
        assertFalse(line.contains("Exception"), o.describe());
        for (String f : fragments) {
            assertTrue(line.contains(f), "'" + f + "' not in " + line);
        }
    }

    /** A git checkout with a config in it, as a user's project looks. */
    private Path repository() throws IOException {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.createDirectories(repo.resolve(".git"));
        Files.writeString(repo.resolve(".git").resolve("HEAD"), "ref: refs/heads/main\n");
        Files.createDirectories(repo.resolve("conf"));
        Files.writeString(repo.resolve("conf").resolve("small.yaml"), SMALL);
        Files.createDirectories(repo.resolve("src"));
        Files.writeString(repo.resolve("src").resolve("analysis.py"), "print('mine')\n");
        Files.writeString(repo.resolve("README.md"), "# my project\n");
        return repo;
    }

    @Test
    void theWorkingDirectoryItsAncestorsHomeAndTheConfigsDirectoryAreNeverReplaced() throws Exception {
        Path repo = repository();
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(home.resolve(".bashrc"), "# mine\n");
        Map<String, String> before = FileTree.snapshot(tmp);
        String config = "conf/small.yaml";

        assertRefused(ForkedCli.run(repo, home, "sweep", config, "--out", ".", "--overwrite"),
                "output " + repo.toRealPath() + " is the working directory");
        assertRefused(ForkedCli.run(repo, home, "sweep", config, "--out", "", "--overwrite"),
                "the output path is empty");
        assertRefused(ForkedCli.run(repo, home, "sweep", config, "--out=", "--overwrite"), "the output path is empty");
        assertRefused(ForkedCli.run(repo, home, "sweep", config, "--out", "..", "--overwrite"),
                "holds the working directory");
        assertRefused(ForkedCli.run(repo, home, "sweep", config, "--out", "/", "--overwrite"), "is the root directory");
        assertRefused(ForkedCli.run(repo, home, "sweep", config, "--out", home.toString(), "--overwrite"),
                "is your home directory");
        assertRefused(ForkedCli.run(repo, home, "sweep", config, "--out", "conf", "--overwrite"),
                "is the directory of the config file small.yaml");
        assertRefused(ForkedCli.run(repo, home, "sweep", config, "--out", "src", "--overwrite"),
                "is not an hhsweep output", "inside the git work tree " + repo);
        assertRefused(ForkedCli.run(repo, home, "sweep", config, "--out", "src", "--resume"),
                "it holds no sweep started by hhsweep");
        assertEquals(before, FileTree.snapshot(tmp), "a file changed");
    }

    @Test
    void aConfigWhoseOutputIsTheRootOrItsOwnDirectoryIsRefusedByValidateAndSweep() throws Exception {
        Path configs = Files.createDirectories(tmp.resolve("configs"));
        Path root = Files.writeString(configs.resolve("root.yaml"), SMALL + "output: /\n");
        Path own = Files.writeString(configs.resolve("own.yaml"), SMALL + "output: " + configs + "\n");
        Map<String, String> before = FileTree.snapshot(tmp);
        for (String command : new String[] {"validate", "sweep"}) {
            assertRefused(Commands.run(command, root.toString()), "output / is the root directory");
            assertRefused(Commands.run(command, own.toString()), "is the directory of the config file own.yaml");
        }
        assertRefused(Commands.run("sweep", own.toString(), "--overwrite"), "is the directory of the config file");
        assertEquals(before, FileTree.snapshot(tmp));
    }

    @Test
    void overwriteKeepsTheUsersFilesAndRefusesDirectoriesThatAreNotOutputs() throws Exception {
        Path config = Files.writeString(tmp.resolve("small.yaml"), SMALL);
        Path mine = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(mine.resolve("thesis.tex"), "years of work");
        Map<String, String> before = FileTree.snapshot(tmp);
        assertRefused(Commands.run("sweep", config.toString(), "--out", mine.toString(), "--overwrite"),
                "output directory " + mine + " is not an hhsweep output", "choose another --out");
        assertEquals(before, FileTree.snapshot(tmp));

        Path out = copyOfFinished("out");
        Files.writeString(out.resolve("notes.md"), "what I saw");
        Files.writeString(out.resolve(OutputLayout.REPORT_PAGE), "<!DOCTYPE html><p>my own page</p>");
        Commands.Outcome o = Commands.run("sweep", config.toString(), "--out", out.toString(), "--overwrite");
        assertEquals(0, o.status(), o.describe());
        assertTrue(o.err().contains("note: --overwrite keeps what hhsweep did not write in " + out + ": "),
                o.describe());
        assertEquals("what I saw", Files.readString(out.resolve("notes.md")));
        assertEquals("<!DOCTYPE html><p>my own page</p>", Files.readString(out.resolve(OutputLayout.REPORT_PAGE)));
    }

    @Test
    void reportKeepsTheUsersFilesAndNeverWritesThroughALink() throws Exception {
        Path out = copyOfFinished("report");
        Path figures = Files.createDirectories(out.resolve(OutputLayout.REPORT_FIGURES));
        Files.writeString(figures.resolve("sketch.png"), "the user's sketch");
        Commands.Outcome o = Commands.run("report", out.toString());
        assertEquals(0, o.status(), o.describe());
        assertEquals("the user's sketch", Files.readString(figures.resolve("sketch.png")));
        // The report's own files are replaced by a second report.
        Commands.Outcome again = Commands.run("report", out.toString());
        assertEquals(0, again.status(), again.describe());

        Files.writeString(out.resolve(OutputLayout.REPORT_PAGE), "<html>notes I keep in my output</html>");
        Map<String, String> before = FileTree.contents(tmp);
        assertRefused(Commands.run("report", out.toString()), out.resolve(OutputLayout.REPORT_PAGE)
                + " exists and was not written by hhsweep");
        assertEquals(before, FileTree.contents(tmp));

        Path elsewhere = Files.writeString(tmp.resolve("elsewhere.html"), "not the report's");
        Files.delete(out.resolve(OutputLayout.REPORT_PAGE));
        Files.createSymbolicLink(out.resolve(OutputLayout.REPORT_PAGE), elsewhere);
        before = FileTree.contents(tmp);
        assertRefused(Commands.run("report", out.toString()), "report.html is a symbolic link");
        assertEquals(before, FileTree.contents(tmp));

        Files.delete(out.resolve(OutputLayout.REPORT_PAGE));
        Path otherDir = Files.createDirectories(tmp.resolve("other-figures"));
        Files.writeString(otherDir.resolve("traces.png"), "someone's figure");
        deleteTree(figures);
        Files.createSymbolicLink(figures, otherDir);
        before = FileTree.contents(tmp);
        assertRefused(Commands.run("report", out.toString()), "is not a directory of figures hhsweep wrote");
        assertEquals(before, FileTree.contents(tmp));
    }

    @Test
    void aLockFileThatIsALinkIsNeverFollowed() throws Exception {
        Path config = Files.writeString(tmp.resolve("small.yaml"), SMALL);
        Path out = copyOfFinished("locked");
        Path target = Files.writeString(tmp.resolve("precious.txt"), "do not overwrite");
        Files.delete(out.resolve(OutputLayout.LOCK));
        Files.createSymbolicLink(out.resolve(OutputLayout.LOCK), target);
        Map<String, String> before = FileTree.snapshot(tmp);
        for (String mode : new String[] {"--overwrite", "--resume"}) {
            assertRefused(Commands.run("sweep", config.toString(), "--out", out.toString(), mode),
                    ".lock is a symbolic link");
        }
        assertEquals(before, FileTree.snapshot(tmp));
    }

    @Test
    void plotOutIsCheckedBeforeAnyWorkAndReplacesOnlyItsOwnImagesUnlessTold() throws Exception {
        Path out = copyOfFinished("plots");
        Path dir = Files.createDirectories(tmp.resolve("figures"));
        Path photo = Files.writeString(tmp.resolve("photo.png"), "a photo");
        Path link = Files.createSymbolicLink(tmp.resolve("link.png"), photo);
        Map<String, String> before = FileTree.snapshot(tmp);
        assertRefused(Commands.run("plot", out.toString(), "--kind", "traces", "--out", dir.toString()),
                dir + " is a directory; --out names the image file to write");
        assertRefused(Commands.run("plot", out.toString(), "--kind", "traces", "--out", photo.toString()),
                photo + " exists and was not written by hhsweep", "--overwrite");
        assertRefused(Commands.run("plot", out.toString(), "--kind", "traces", "--out", link.toString(), "--overwrite"),
                link + " is a symbolic link");
        // Root may write where permissions allow nothing; sysfs refuses new files even to root.
        boolean root = "root".equals(System.getProperty("user.name"));
        Path readOnly = root ? Path.of("/sys") : Files.createDirectories(tmp.resolve("read-only"));
        if (!root) {
            Files.setPosixFilePermissions(readOnly, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
            before = FileTree.snapshot(tmp);
        }
        assertRefused(Commands.run("plot", out.toString(), "--kind", "traces", "--out",
                readOnly.resolve("traces.png").toString()), "cannot write to " + readOnly);
        assertEquals(before, FileTree.snapshot(tmp));

        Path figure = tmp.resolve("traces.png");
        assertEquals(0, Commands.run("plot", out.toString(), "--kind", "traces", "--out", figure.toString()).status());
        Commands.Outcome again = Commands.run("plot", out.toString(), "--kind", "raster", "--out", figure.toString());
        assertEquals(0, again.status(), again.describe());
        Commands.Outcome told = Commands.run("plot", out.toString(), "--kind", "traces", "--out", photo.toString(),
                "--overwrite");
        assertEquals(0, told.status(), told.describe());
        assertTrue(Files.size(photo) > 1000);
    }

    @Test
    void aBrokenOrLoopingLinkAsOutputIsOneLine() throws Exception {
        Path config = Files.writeString(tmp.resolve("small.yaml"), SMALL);
        Path dangling = Files.createSymbolicLink(tmp.resolve("dangling"), tmp.resolve("gone"));
        Path loop = tmp.resolve("loop");
        Files.createSymbolicLink(loop, loop);
        Map<String, String> before = FileTree.snapshot(tmp);
        assertRefused(Commands.run("sweep", config.toString(), "--out", dangling.toString()),
                "is a symbolic link to " + tmp.resolve("gone") + ", which does not exist");
        assertRefused(Commands.run("sweep", config.toString(), "--out", loop.toString(), "--overwrite"),
                "is a symbolic link that loops");
        assertEquals(before, FileTree.snapshot(tmp));
    }

    @Test
    void aPathWithAColonIsAnOrdinaryDirectory() throws Exception {
        Path config = Files.writeString(tmp.resolve("small.yaml"), SMALL);
        Path out = tmp.resolve("run:1");
        Commands.Outcome o = Commands.run("sweep", config.toString(), "--out", out.toString());
        assertEquals(0, o.status(), o.describe());
        assertTrue(Files.isRegularFile(out.resolve(OutputLayout.MANIFEST)));
        Commands.Outcome q = Commands.run("query", out.toString(), "SELECT count(*) FROM summaries", "--format", "csv");
        assertEquals(0, q.status(), q.describe());
        assertTrue(q.out().endsWith("2\n"), q.out());
    }

    @Test
    void everyCommandPrintsItsUsageWithHelp() {
        for (String command : new String[] {"sweep", "validate", "query", "plot", "report"}) {
            Commands.Outcome o = Commands.run(command, "--help");
            assertEquals(0, o.status(), o.describe());
            assertTrue(o.out().startsWith("usage: submit.sh [--master URL] [spark-submit options] " + command + " "),
                    o.out());
        }
    }

    private Path copyOfFinished(String name) throws IOException {
        Path copy = tmp.resolve(name);
        try (var paths = Files.walk(finished)) {
            for (Path p : paths.toList()) {
                Path to = copy.resolve(finished.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return copy;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
