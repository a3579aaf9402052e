package org.hhsweep.spark.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's map of the project follows the code: its module list names every command, the
 * commands table has a row for each, and the architecture table a row for every package.
 */
class ReadmeLayoutTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static String readme() throws IOException {
        return Files.readString(ROOT.resolve("README.md"));
    }

    private static String section(String text, String heading, String next) {
        int from = text.indexOf(heading);
        int to = text.indexOf(next, from);
        assertTrue(from >= 0 && to > from, "README.md has " + heading + " before " + next);
        return text.substring(from, to);
    }

    @Test
    void theModuleListAndTheCommandsTableNameEveryCommand() throws IOException {
        String readme = readme();
        String sparkJobs = readme.substring(readme.indexOf("- `spark-jobs/`:"), readme.indexOf("- `conf/`:"));
        String commands = section(readme, "## Commands", "## Sweep configs");
        for (String command : Cli.COMMANDS.keySet()) {
            assertTrue(sparkJobs.contains("`" + command + "`"), "the module list's spark-jobs entry names " + command);
            assertTrue(commands.contains("| `" + command + " ") || commands.contains("| `" + command + "`"),
                    "the commands table has a row for " + command);
        }
    }

    @Test
    void theArchitectureTableHasARowForEveryPackage() throws IOException {
        String table = section(readme(), "## Architecture", "## Tests");
        Map<String, Path> modules = Map.of("sim-core", Path.of("org", "hhsweep", "sim"),
                "spark-jobs", Path.of("org", "hhsweep", "spark"));
        for (Map.Entry<String, Path> module : modules.entrySet()) {
            List<String> firstCells = table.lines().filter(l -> l.startsWith("| `" + module.getKey() + "/"))
                    .map(l -> l.substring(1, l.indexOf('|', 1))).toList();
            assertFalse(firstCells.isEmpty(), module.getKey());
            Path sources = ROOT.resolve(module.getKey()).resolve("src/main/java").resolve(module.getValue());
            try (Stream<Path> packages = Files.list(sources)) {
                for (Path p : packages.filter(Files::isDirectory).toList()) {
                    String name = p.getFileName().toString();
                    assertTrue(firstCells.stream().anyMatch(c -> c.contains("/" + name + "`") || c.contains("`" + name + "`")),
                            "README.md's architecture table has no row for " + module.getKey() + "/.../" + name);
                }
            }
        }
    }
}
