package org.hhsweep.spark.io;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/search.md describes the thresholds table exactly as Tables defines it. */
class SearchDocsTest {
    @Test
    void docsHoldTheGeneratedThresholdsTable() throws Exception {
        String docs = Files.readString(Path.of("..", "docs", "search.md"));
        String generated = TablesDoc.searchMarkdown();
        assertTrue(docs.contains(generated), "docs/search.md is out of date with Tables; paste the output of "
                + "TablesDoc search (java -cp ... org.hhsweep.spark.io.TablesDoc search):\n" + generated);
    }
}
