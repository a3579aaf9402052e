package org.hhsweep.spark.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.hhsweep.spark.io.OutputLayout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A property over random command lines and directory states: no command may remove or change a
 * file (or link) it did not create. Each case builds a scratch tree of the user's files (some
 * inside and beside real hhsweep outputs), runs one random command on a random target, and checks
 * that every file of the user's is still there, byte for byte, and that the command ended with 0,
 * or with 2 and one line. The seed of a failing case is in the message.
 */
class ForeignFilesPropertyTest {
    private static final long SEED = 20261203L;
    private static final int CASES = 24;
    private static final String SMALL = """
            name: small
            simulation: {duration: 4 ms, dt: 0.05 ms}
            neurons: 2
            stimulus: {type: constant, amplitude: 12 uA/cm^2}
            record: {traces: {every: 0.5 ms}}
            """;

    @TempDir
    static Path shared;
    static Path finished;

    @BeforeAll
    static void sweepOnce() throws IOException {
        Path config = Files.writeString(shared.resolve("small.yaml"), SMALL);
        finished = shared.resolve("finished");
        Commands.Outcome o = Commands.run("sweep", config.toString(), "--out", finished.toString());
        assertEquals(0, o.status(), o.describe());
        assertEquals(0, Commands.run("report", finished.toString()).status());
    }

    @TempDir
    Path tmp;

    /** The user's files of one case: each path with its content, or a link with its target. */
    private final Map<Path, String> users = new TreeMap<>();

    @Test
    void noCommandRemovesOrChangesAFileItDidNotCreate() throws Exception {
        for (int i = 0; i < CASES; i++) {
            long seed = SEED + i;
            Random r = new Random(seed);
            users.clear();
            Path scratch = Files.createDirectories(tmp.resolve("case-" + i));
            List<String> command = scenario(r, scratch);
            Commands.Outcome o = Commands.run(command.toArray(String[]::new));
            String what = "seed " + seed + ": " + String.join(" ", command) + "\n" + o.describe();
            assertTrue(o.status() == 0 || (o.status() == 2 && o.errLines().size() == 1), what);
            for (Map.Entry<Path, String> e : users.entrySet()) {
                assertEquals(e.getValue(), state(e.getKey()), "the user's " + e.getKey() + " changed; " + what);
            }
        }
    }

    /** Builds a random scratch tree and returns a random command line over it. */
    private List<String> scenario(Random r, Path scratch) throws IOException {
        Path configs = Files.createDirectories(scratch.resolve("configs"));
        Path config = userFile(configs.resolve("small.yaml"), SMALL);
        Path mine = Files.createDirectories(scratch.resolve("mine"));
        userFile(mine.resolve("notes.txt"), "notes " + r.nextInt());
        userFile(Files.createDirectories(mine.resolve("sub")).resolve("data.csv"), "1,2," + r.nextInt());
        Path ours = copy(finished, scratch.resolve("ours"));
        // The user's files inside and beside an output, where users put them.
        String[] places = {"notes.md", "report/by-hand.png", "plots/sketch.svg", "analysis/fit.py",
            "runs/readme.txt", OutputLayout.REPORT_PAGE};
        for (String place : places) {
            if (r.nextInt(3) == 0) {
                Path p = ours.resolve(place);
                Files.createDirectories(p.getParent());
                Files.deleteIfExists(p);
                userFile(p, "user's " + place + " " + r.nextInt());
            }
        }
        if (r.nextInt(4) == 0) {
            Path lock = ours.resolve(OutputLayout.LOCK);
            Files.deleteIfExists(lock);
            userLink(lock, mine.resolve("notes.txt"));
        }
        Path link = userLink(scratch.resolve("link"), mine);
        Path dangling = userLink(scratch.resolve("dangling"), scratch.resolve("gone"));

        List<Path> outputs = List.of(scratch.resolve("new").resolve("out"), Files.createDirectories(scratch.resolve("empty")),
                mine, ours, link, dangling, configs, mine.resolve("notes.txt"), scratch.resolve("new:1"));
        Path target = outputs.get(r.nextInt(outputs.size()));
        List<String> command = new ArrayList<>();
        switch (r.nextInt(5)) {
            case 0, 1 -> {
                command.addAll(List.of("sweep", config.toString(), "--out", target.toString()));
                int mode = r.nextInt(3);
                if (mode == 1) {
                    command.add("--overwrite");
                } else if (mode == 2) {
                    command.add("--resume");
                }
            }
            case 2 -> command.addAll(List.of("report", r.nextBoolean() ? ours.toString() : target.toString()));
            case 3 -> {
                command.addAll(List.of("plot", ours.toString(), "--kind", r.nextBoolean() ? "traces" : "raster"));
                if (r.nextBoolean()) {
                    Path[] files = {mine.resolve("notes.txt"), mine, link, scratch.resolve("figure.png"),
                        ours.resolve("plots").resolve("sketch.svg")};
                    command.addAll(List.of("--out", files[r.nextInt(files.length)].toString()));
                }
                if (r.nextInt(3) == 0) {
                    command.add("--overwrite");
                }
            }
            default -> command.addAll(List.of("query", target.toString(), "SELECT count(*) FROM runs"));
        }
        return command;
    }

    private Path userFile(Path p, String content) throws IOException {
        Files.writeString(p, content);
        users.put(p, state(p));
        return p;
    }

    private Path userLink(Path link, Path target) throws IOException {
        Files.createSymbolicLink(link, target);
        users.put(link, state(link));
        return link;
    }

    /** What a path is now: a link's target, a file's content, or missing. */
    private static String state(Path p) throws IOException {
        if (Files.isSymbolicLink(p)) {
            return "link to " + Files.readSymbolicLink(p);
        }
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return "missing";
        }
        return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? "file " + Files.readString(p) : "other";
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
        return to;
    }
}
