package org.hhsweep.spark.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The commands on a corpus of bad config files (src/test/resources/bad-configs, listed with the
 * field each must name in index.tsv). Every one, through validate and through sweep in every mode,
 * must exit 2 with exactly one line on stderr naming the field (or, for a document that cannot be
 * read at all, saying where it breaks), no stack trace, nothing on stdout, and leave the file
 * system as it was: no output directory created, an existing one untouched.
 */
class BadConfigCorpusTest {
    private static final Path CORPUS = corpusDir();

    @TempDir
    Path tmp;

    private static Path corpusDir() {
        try {
            return Path.of(Objects.requireNonNull(BadConfigCorpusTest.class.getResource("/bad-configs/index.tsv"))
                    .toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Arguments> corpus() throws IOException {
        return Files.readAllLines(CORPUS.resolve("index.tsv")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("\t", -1))
                .map(f -> Arguments.of(f[0], f[1], f[2]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void refusedWithOneLineNamingTheFieldAndNothingTouched(String file, String field, String fragment)
            throws IOException {
        Path configs = Files.createDirectories(tmp.resolve("configs"));
        Path config = Files.copy(CORPUS.resolve(file), configs.resolve(file));
        Path existing = Files.createDirectories(tmp.resolve("existing"));
        Files.writeString(existing.resolve("sentinel.txt"), "results of an earlier sweep");
        Path fresh = tmp.resolve("fresh").resolve("out");
        Path defaultOut = Path.of("out").toAbsolutePath();
        boolean defaultOutExisted = Files.exists(defaultOut);
        Map<String, String> before = FileTree.snapshot(tmp);

        String expectedLine = null;
        for (String[] command : List.of(
                new String[] {"validate", config.toString()},
                new String[] {"sweep", config.toString()},
                new String[] {"sweep", config.toString(), "--out", fresh.toString()},
                new String[] {"sweep", config.toString(), "--out", existing.toString(), "--overwrite"},
                new String[] {"sweep", config.toString(), "--out", existing.toString(), "--resume"},
                new String[] {"sweep", config.toString(), "--out", existing.toString(), "--max-output", "none"})) {
            Commands.Outcome o = Commands.run(command);
            String what = String.join(" ", command) + "\n" + o.describe();
            assertEquals(2, o.status(), what);
            assertEquals("", o.out(), what);
            assertEquals(1, o.errLines().size(), what);
            String line = o.errLines().get(0);
            assertFalse(line.contains("Exception") || line.contains("\tat ") || line.contains("at org."), what);
            if (field.equals("-")) {
                assertTrue(line.startsWith("config error: config: got "), what);
            } else {
                assertTrue(line.startsWith("config error: " + field + ": got "), what);
            }
            assertTrue(line.contains(fragment), "'" + fragment + "' not in: " + line);
            assertTrue(line.contains(", expected "), line);
            // The same message whichever command reads the config.
            if (expectedLine == null) {
                expectedLine = line;
            }
            assertEquals(expectedLine, line, what);
        }
        assertEquals(before, FileTree.snapshot(tmp), "the file system changed");
        assertEquals(defaultOutExisted, Files.exists(defaultOut), "the default output directory changed");
    }

    @Test
    void theCorpusIsLargeAndEveryFileIsListed() throws IOException {
        List<Arguments> cases = corpus().toList();
        assertTrue(cases.size() >= 40, cases.size() + " cases");
        Set<String> listed = new HashSet<>();
        for (Arguments a : cases) {
            String file = (String) a.get()[0];
            assertTrue(listed.add(file), file + " listed twice");
            assertTrue(Files.isRegularFile(CORPUS.resolve(file)), file);
        }
        try (Stream<Path> files = Files.list(CORPUS)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                assertTrue(name.equals("index.tsv") || listed.contains(name), name + " is not in index.tsv");
            }
        }
    }
}
