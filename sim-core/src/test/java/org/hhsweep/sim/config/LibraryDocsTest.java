package org.hhsweep.sim.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/models.md shows every library model's file as the jar ships it, and names every form. */
class LibraryDocsTest {
    private static final Path DOC = Path.of("..", "docs", "models.md");

    @Test
    void theModelsPageHoldsEveryLibraryFileAsItIs() throws IOException {
        String doc = Files.readString(DOC);
        for (String name : ModelLibrary.NAMES) {
            assertTrue(doc.contains("```yaml\n" + ModelLibrary.text(name) + "```"),
                    "docs/models.md does not show " + name + ".yaml as shipped");
            assertTrue(doc.contains("### `" + name + "`"), "docs/models.md has no section for " + name);
        }
        for (String form : org.hhsweep.sim.model.RateForm.configNames()) {
            assertTrue(doc.contains("| `" + form + "` |"), "docs/models.md does not describe form " + form);
        }
    }
}
