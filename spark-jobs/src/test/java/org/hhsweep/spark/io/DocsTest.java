package org.hhsweep.spark.io;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/spark.md, README.md and docs/traces.md describe the tables exactly as Tables defines them
 * (the README also the sensitivity table of each method).
 */
class DocsTest {
    @Test
    void docsHoldTheGeneratedTableDescription() throws Exception {
        String generated = TablesDoc.markdown();
        for (Path doc : new Path[] {Path.of("..", "docs", "spark.md"), Path.of("..", "README.md")}) {
            String docs = Files.readString(doc);
            assertTrue(docs.contains(generated), doc + " is out of date with Tables; paste the output of "
                    + "TablesDoc (java -cp ... org.hhsweep.spark.io.TablesDoc) between the table markers:\n" + generated);
        }
    }

    @Test
    void readmeHoldsTheGeneratedSensitivityTables() throws Exception {
        String docs = Files.readString(Path.of("..", "README.md"));
        String generated = TablesDoc.sensitivityMarkdown();
        assertTrue(docs.contains(generated), "README.md is out of date with Tables; paste the output of "
                + "TablesDoc sensitivity (java -cp ... org.hhsweep.spark.io.TablesDoc sensitivity):\n" + generated);
    }

    @Test
    void tracesDocHoldsTheGeneratedLosslessTracesTable() throws Exception {
        String docs = Files.readString(Path.of("..", "docs", "traces.md"));
        String generated = TablesDoc.losslessTracesMarkdown();
        assertTrue(docs.contains(generated), "docs/traces.md is out of date with Tables; paste the output of "
                + "TablesDoc traces (java -cp ... org.hhsweep.spark.io.TablesDoc traces):\n" + generated);
    }
}
