package org.hhsweep.spark.io;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/config.md describes a fit's tables exactly as Tables defines them. */
class FitDocsTest {
    @Test
    void configDocHoldsTheGeneratedFitTables() throws Exception {
        String docs = Files.readString(Path.of("..", "docs", "config.md"));
        String generated = TablesDoc.fitMarkdown();
        assertTrue(docs.contains(generated), "docs/config.md is out of date with Tables; paste the output of "
                + "TablesDoc fit (java -cp ... org.hhsweep.spark.io.TablesDoc fit):\n" + generated);
    }
}
