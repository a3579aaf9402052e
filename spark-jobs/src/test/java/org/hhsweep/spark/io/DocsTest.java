package org.hhsweep.spark.io;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/spark.md describes the tables exactly as Tables defines them. */
class DocsTest {
    @Test
    void docsHoldTheGeneratedTableDescription() throws Exception {
        String docs = Files.readString(Path.of("..", "docs", "spark.md"));
        String generated = TablesDoc.markdown();
        assertTrue(docs.contains(generated), "docs/spark.md is out of date with Tables; paste the output of "
                + "TablesDoc (java -cp ... org.hhsweep.spark.io.TablesDoc) between the table markers:\n" + generated);
    }
}
