package org.hhsweep.spark.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Every place that lists the plot kinds for a user lists PlotKind's, in its order: submit.sh's
 * usage, the README's command table and docs/analysis.md. Two branches each adding a kind left
 * submit.sh a kind behind before this test.
 */
class PlotKindDocsTest {
    @Test
    void usageAndDocsListEveryKind() throws Exception {
        String bar = String.join("|", PlotKind.ids().split(", "));
        String escaped = String.join("\\|", PlotKind.ids().split(", "));
        String backticked = "`" + String.join("`, `", PlotKind.ids().split(", ")) + "`";
        check(Path.of("..", "submit.sh"), "--kind " + bar + " ");
        check(Path.of("..", "README.md"), "--kind " + escaped + " ");
        check(Path.of("..", "docs", "analysis.md"), "| `--kind` | (required) | " + backticked + " ");
    }

    private static void check(Path file, String expected) throws Exception {
        assertTrue(Files.readString(file).contains(expected), file + " does not list the plot kinds as " + expected);
    }
}
