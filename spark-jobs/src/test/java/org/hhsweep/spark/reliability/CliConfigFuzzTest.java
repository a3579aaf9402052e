package org.hhsweep.spark.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hhsweep.sim.config.ConfigFuzzTest;
import org.hhsweep.sim.config.ConfigMutator;
import org.hhsweep.sim.config.ConfigSeeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sim-core's config property (ConfigFuzzTest) at the command level: mutants of valid configs, as
 * files, through validate and sweep. A config the loader accepts validates (exit 0) unless its
 * execution section, which only the job reads, is wrong; one it refuses exits 2 with one line
 * naming the field, creates no output, and never exits 1 (an unexpected error).
 */
class CliConfigFuzzTest {
    private static final long SEED = 20261126L;
    private static final int CASES = 48;

    @TempDir
    Path tmp;

    @Test
    void mutatedConfigFilesValidateOrAreRefusedInOneLine() throws IOException {
        List<ConfigSeeds.Seed> seeds = ConfigSeeds.all();
        Path out = tmp.resolve("out");
        int valid = 0;
        int refused = 0;
        for (int i = 0; i < CASES; i++) {
            long seed = SEED + i;
            SplittableRandom random = new SplittableRandom(seed);
            ConfigSeeds.Seed s = seeds.get(random.nextInt(seeds.size()));
            String text = new ConfigMutator(random).mutate(s.text(), s.json());
            Path file = Files.writeString(Files.createDirectories(tmp.resolve("case-" + i)).resolve(s.name()), text);
            String what = "seed " + seed + " (mutant of " + s.name() + "):\n" + text;
            ConfigFuzzTest.Outcome loaded = ConfigFuzzTest.check(text, s.name(), file.getParent(), what);

            Commands.Outcome validate = Commands.run("validate", file.toString());
            assertTrue(validate.status() == 0 || validate.status() == 2, what + "\n" + validate.describe());
            if (validate.status() == 0) {
                assertEquals(ConfigFuzzTest.Outcome.VALID, loaded, what);
                assertTrue(validate.out().contains("runs: "), what + "\n" + validate.describe());
                valid++;
                continue;
            }
            refused++;
            assertEquals(List.of(validate.errLines().get(0)), validate.errLines(), what + "\n" + validate.describe());
            String line = validate.errLines().get(0);
            assertTrue(line.startsWith("config error: "), what + "\n" + line);
            assertFalse(line.contains("Exception"), what + "\n" + line);
            if (loaded == ConfigFuzzTest.Outcome.VALID) {
                assertTrue(line.startsWith("config error: execution"), what + "\n" + line);
            }

            Map<String, String> before = FileTree.snapshot(tmp);
            Commands.Outcome sweep = Commands.run("sweep", file.toString(), "--out", out.toString());
            assertEquals(2, sweep.status(), what + "\n" + sweep.describe());
            assertEquals(List.of(line), sweep.errLines(), what);
            assertEquals(before, FileTree.snapshot(tmp), what);
        }
        assertTrue(valid >= 2 && refused >= CASES / 2, valid + " valid, " + refused + " refused");
    }
}
