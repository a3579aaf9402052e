package org.hhsweep.spark.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.hhsweep.spark.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped fit (conf/fit-fi.yaml) in a JVM of its own, killed with SIGKILL mid-fit, then
 * resumed: the same tables, row for row, and the same best as the fit run without a stop.
 */
class FitCrashTest {
    private static final Path CONFIG = Path.of("..", "conf", "fit-fi.yaml").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static JsonNode manifest(Path out) throws IOException {
        return JSON.readTree(out.resolve("manifest.json").toFile());
    }

    private static List<Row> rows(Path out, String table, String... order) {
        return SparkTestSession.get().read().parquet(out.resolve(table).toString())
                .orderBy(java.util.Arrays.stream(order).map(functions::col).toArray(org.apache.spark.sql.Column[]::new))
                .collectAsList();
    }

    /** Generations the manifest records, 0 while there is none (or it is being replaced). */
    private static int recorded(Path out) {
        try {
            return Files.exists(out.resolve("manifest.json")) ? manifest(out).at("/fit/generations_done").asInt(0) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    @Test
    void aFitKilledMidwayResumesToTheTablesAndBestOfAnUnstoppedFit() throws Exception {
        Path whole = tmp.resolve("whole");
        Commands.Outcome unstopped = Commands.run("sweep", CONFIG.toString(), "--out", whole.toString());
        assertEquals(0, unstopped.status(), unstopped.describe());

        Path out = tmp.resolve("killed");
        Process fit = ForkedCli.start(tmp, tmp.resolve("fit.out"), tmp.resolve("fit.err"), "sweep", CONFIG.toString(),
                "--out", out.toString());
        int atKill;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (recorded(out) < 10) {
                assertTrue(fit.isAlive(), "the fit ended before its 10th generation:\n"
                        + Files.readString(tmp.resolve("fit.err")));
                assertTrue(System.nanoTime() < deadline, "no 10th generation within 180 s");
                Thread.sleep(20);
            }
        } finally {
            fit.descendants().forEach(ProcessHandle::destroyForcibly);
            fit.destroyForcibly();
            fit.waitFor(30, TimeUnit.SECONDS);
        }
        atKill = recorded(out);
        int total = manifest(whole).at("/fit/generations_done").asInt();
        assertTrue(atKill >= 10 && atKill < total, atKill + " of " + total + " generations recorded at the kill");
        assertEquals("running", manifest(out).get("status").asText());

        Commands.Outcome resumed = Commands.run("sweep", CONFIG.toString(), "--out", out.toString(), "--resume");
        assertEquals(0, resumed.status(), resumed.describe());
        assertTrue(resumed.out().contains("resumed: " + atKill + " generations were recorded before"), resumed.out());
        List<String> lines = resumed.out().lines().toList();
        List<String> wholeLines = unstopped.out().lines().toList();
        assertEquals(wholeLines.get(wholeLines.size() - 1), lines.get(lines.size() - 1));
        assertEquals(rows(whole, "fit", "generation", "candidate"), rows(out, "fit", "generation", "candidate"));
        assertEquals(rows(whole, "fit_predictions", "generation", "candidate", "target_row"),
                rows(out, "fit_predictions", "generation", "candidate", "target_row"));
        assertEquals(manifest(whole).at("/fit/best"), manifest(out).at("/fit/best"));
        assertEquals(manifest(whole).at("/fit/state"), manifest(out).at("/fit/state"));
        System.out.printf("FitCrashTest: killed with %d of %d generations recorded%n", atKill, total);
    }
}
