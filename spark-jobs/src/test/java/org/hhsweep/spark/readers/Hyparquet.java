package org.hhsweep.spark.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.types.StructType;

/**
 * Reads Parquet files with hyparquet, a pure-JavaScript implementation, through
 * {@code src/test/tools/read-parquet.mjs} in node. The build installs hyparquet (pinned in that
 * directory's package-lock.json) before the tests; a missing node or package fails the test with
 * what to install, it is never skipped.
 */
final class Hyparquet {
    static final Path TOOLS = Path.of("src", "test", "tools").toAbsolutePath();
    private static final Path SCRIPT = TOOLS.resolve("read-parquet.mjs");
    private static final long TIMEOUT_SECONDS = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Hyparquet() {
    }

    static TableRows read(Path dir, StructType schema) throws Exception {
        List<String> command = new ArrayList<>(List.of(node(), SCRIPT.toString()));
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().endsWith(".parquet")
                            && !f.getFileName().toString().startsWith("."))
                    .sorted().forEach(f -> command.add(f.toString()));
        }
        if (!Files.isDirectory(TOOLS.resolve("node_modules").resolve("hyparquet"))) {
            fail("hyparquet is not installed in " + TOOLS + "/node_modules; run " + TOOLS
                    + "/install-test-tools.sh (mvn runs it before the tests)");
        }
        Path out = Files.createTempFile("hyparquet", ".jsonl");
        Path err = Files.createTempFile("hyparquet", ".err");
        try {
            // output to files, so a large table cannot block node on a full pipe
            Process p = new ProcessBuilder(command).directory(TOOLS.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("node read-parquet.mjs did not finish in " + TIMEOUT_SECONDS + " s on " + dir);
            }
            assertEquals(0, p.exitValue(), () -> "hyparquet failed on " + dir + ": " + text(err));
            return parse(out, schema);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** A header line per file ({"file", "columns"}), then one JSON array per row. */
    private static TableRows parse(Path out, StructType schema) throws Exception {
        List<String> columns = null;
        List<List<Object>> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode n = JSON.readTree(line);
                if (n.isObject()) {
                    List<String> fileColumns = new ArrayList<>();
                    n.get("columns").forEach(c -> fileColumns.add(c.textValue()));
                    if (columns != null) {
                        assertEquals(columns, fileColumns, "columns of " + n.get("file"));
                    }
                    columns = fileColumns;
                    continue;
                }
                List<Object> cells = new ArrayList<>(n.size());
                for (int i = 0; i < n.size(); i++) {
                    cells.add(Cells.ofJson(n.get(i), schema.fields()[i].dataType()));
                }
                rows.add(cells);
            }
        }
        return new TableRows(schema, columns == null ? List.of() : columns, rows);
    }

    private static String node() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, "node");
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return fail("node (20 or later) is needed to read Parquet with hyparquet and was not found on the PATH;"
                + " install it with: apt-get install -y nodejs npm");
    }

    private static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
