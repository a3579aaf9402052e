package org.hhsweep.spark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgsTest {
    private static final Set<String> FLAGS = Set.of("--overwrite", "--verbose");
    private static final Set<String> VALUED = Set.of("--out", "--format");

    @Test
    void positionalsFlagsAndBothValueSpellings() {
        Args a = Args.parse(List.of("conf.yaml", "--out", "dir", "--verbose", "--format=csv"), FLAGS, VALUED);
        assertEquals(List.of("conf.yaml"), a.positional("CONFIG"));
        assertEquals("dir", a.option("--out", null));
        assertEquals("csv", a.option("--format", "table"));
        assertTrue(a.flag("--verbose"));
        assertFalse(a.flag("--overwrite"));
    }

    @Test
    void aValueIsTakenVerbatimEvenIfItLooksLikeAnOption() {
        Args a = Args.parse(List.of("--out", "--weird-dir"), FLAGS, VALUED);
        assertEquals("--weird-dir", a.option("--out", null));
    }

    @Test
    void mistakesAreUsageErrors() {
        assertThrows(UsageException.class, () -> Args.parse(List.of("--bogus"), FLAGS, VALUED));
        assertThrows(UsageException.class, () -> Args.parse(List.of("--out"), FLAGS, VALUED));
        assertThrows(UsageException.class, () -> Args.parse(List.of("--verbose=yes"), FLAGS, VALUED));
        assertThrows(UsageException.class, () -> Args.parse(List.of("a", "b"), FLAGS, VALUED).positional("CONFIG"));
        assertThrows(UsageException.class, () -> Args.parse(List.of(), FLAGS, VALUED).positional("DIR", "SQL"));
    }
}
