package org.hhsweep.sim.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.hhsweep.sim.sweep.RunTemplate;
import org.hhsweep.sim.sweep.SweepSpec;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever is done to a valid config, loading it either gives a valid sweep (every run of
 * which passes the per-run checks) or a {@link ConfigException} that says where and what was
 * expected; never any other exception. Thousands of mutants of the shipped configs and of a few
 * configs covering the other features (ConfigMutator), from a fixed seed so CI is repeatable.
 *
 * <p>Reproduce a failure from the seed it prints: {@code -Dhhsweep.fuzz.seed=S -Dhhsweep.fuzz.cases=1};
 * explore with another {@code hhsweep.fuzz.seed} and more {@code hhsweep.fuzz.cases}.
 */
public class ConfigFuzzTest {
    static final long DEFAULT_SEED = 20261125L;
    static final int DEFAULT_CASES = 3000;

    /** What loading a mutant gave. */
    public enum Outcome { VALID, REFUSED }

    /**
     * Loads a config text and checks the property.
     *
     * @return whether it was valid or refused cleanly
     * @throws AssertionError when neither, with {@code what} (the seed) in the message
     */
    public static Outcome check(String text, String sourceName, String what) {
        return check(text, sourceName, Path.of("").toAbsolutePath(), what);
    }

    /** As {@link #check(String, String, String)}, relative paths in the config taken from configDir. */
    public static Outcome check(String text, String sourceName, Path configDir, String what) {
        SweepConfig config;
        try {
            config = ConfigLoader.parse(text, sourceName, configDir);
        } catch (ConfigException e) {
            checkClean(e, what + "\n" + text);
            return Outcome.REFUSED;
        } catch (Throwable t) {
            throw new AssertionError(what + ": " + t + " instead of a valid config or a ConfigException, for:\n"
                    + text, t);
        }
        try {
            checkValid(config, text, sourceName, configDir, what);
        } catch (AssertionError e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(what + ": a valid config whose runs fail: " + t + ", for:\n" + text, t);
        }
        return Outcome.VALID;
    }

    /** A field (or, for a document that is not a mapping at all, none), the value and what was expected. */
    static void checkClean(ConfigException e, String context) {
        assertNotNull(e.field(), context);
        assertFalse(e.expected() == null || e.expected().isBlank(), "no expectation: " + e.getMessage() + context);
        assertTrue(e.getMessage().endsWith(", expected " + e.expected()), e.getMessage() + context);
        assertFalse(e.getMessage().contains("\n"), "more than one line: " + e.getMessage() + context);
        if (e.field().isEmpty()) {
            // Only problems of the document as a whole have no field: syntax (located by line and
            // column), an empty document, a document that is not a mapping, the file name.
            boolean wholeDocument = e.expected().startsWith("well-formed ") || e.expected().startsWith("a mapping")
                    || e.expected().startsWith("a config file");
            assertTrue(wholeDocument, "no field named: " + e.getMessage() + context);
            if (e.expected().startsWith("well-formed ")) {
                assertTrue(e.value().matches("invalid (YAML|JSON)( at line \\d+, column \\d+)?: .*"),
                        e.getMessage() + context);
            }
        } else {
            assertTrue(e.getMessage().startsWith(e.field() + ": "), e.getMessage() + context);
        }
    }

    private static void checkValid(SweepConfig config, String text, String sourceName, Path configDir, String what) {
        String context = what + "\n" + text;
        SweepSpec spec = config.spec();
        assertTrue(spec.runCount() >= 1, context);
        assertTrue(spec.neuronCount() >= spec.runCount(), context);
        assertTrue(config.hash().matches("[0-9a-f]{64}"), context);
        assertEquals(config.hash(), ConfigLoader.parse(text, sourceName, configDir).hash(), "hash not deterministic: " + context);
        for (long i : new long[] {0, spec.runCount() / 2, spec.runCount() - 1}) {
            RunTemplate run = spec.run(i).template();
            RunChecks.Problem problem = RunChecks.firstProblem(run);
            assertNull(problem, "run " + i + " of a valid sweep breaks " + problem + ": " + context);
            assertTrue(run.settings().steps() >= 1, context);
        }
    }

    @Test
    void everySeedIsValid() {
        for (ConfigSeeds.Seed s : ConfigSeeds.all()) {
            try {
                ConfigLoader.parse(s.text(), s.name(), s.dir());
            } catch (ConfigException e) {
                throw new AssertionError(s.name() + ": " + e.getMessage(), e);
            }
            assertEquals(Outcome.VALID, check(s.text(), s.name(), s.dir(), s.name()));
        }
    }

    @Test
    void mutatedConfigsLoadOrFailCleanly() {
        long base = Long.getLong("hhsweep.fuzz.seed", DEFAULT_SEED);
        int cases = Integer.getInteger("hhsweep.fuzz.cases", DEFAULT_CASES);
        List<ConfigSeeds.Seed> seeds = ConfigSeeds.all();
        int valid = 0;
        long slowestNanos = 0;
        long slowestSeed = base;
        for (int i = 0; i < cases; i++) {
            long seed = base + i;
            SplittableRandom random = new SplittableRandom(seed);
            ConfigSeeds.Seed s = seeds.get(random.nextInt(seeds.size()));
            String text = new ConfigMutator(random).mutate(s.text(), s.json());
            long start = System.nanoTime();
            if (check(text, s.name(), s.dir(), "seed " + seed + " (mutant of " + s.name() + ")") == Outcome.VALID) {
                valid++;
            }
            long nanos = System.nanoTime() - start;
            if (nanos > slowestNanos) {
                slowestNanos = nanos;
                slowestSeed = seed;
            }
        }
        System.out.printf("ConfigFuzzTest: %d mutants from seed %d, %d valid, %d refused; slowest %.0f ms (seed %d)%n",
                cases, base, valid, cases - valid, slowestNanos / 1e6, slowestSeed);
        if (cases >= 100) {
            // Both outcomes must be exercised, or the mutator has stopped testing one of them.
            assertTrue(valid >= cases / 50, valid + " valid of " + cases);
            assertTrue(cases - valid >= cases / 2, (cases - valid) + " refused of " + cases);
        }
    }

    @Test
    void aMutantIsAFunctionOfItsSeed() {
        List<ConfigSeeds.Seed> seeds = ConfigSeeds.all();
        assertTrue(seeds.size() >= 10, seeds.size() + " seeds");
        for (ConfigSeeds.Seed s : seeds) {
            String a = new ConfigMutator(new SplittableRandom(7)).mutate(s.text(), s.json());
            String b = new ConfigMutator(new SplittableRandom(7)).mutate(s.text(), s.json());
            assertEquals(a, b, s.name());
        }
    }
}
