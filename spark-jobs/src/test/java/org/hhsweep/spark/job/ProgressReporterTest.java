package org.hhsweep.spark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the progress lines say, tick by tick, on a fake clock with made-up progress. */
class ProgressReporterTest {
    private static final long SECOND = 1_000_000_000L;

    private long now;
    private ProgressTracker.Progress progress = new ProgressTracker.Progress(0, 0, 0);
    private String executorNote;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final ProgressReporter reporter = new ProgressReporter(() -> progress, () -> executorNote, 100,
            100_000_000L, new PrintStream(buffer, true, StandardCharsets.UTF_8), () -> now);

    /** Advances the clock to {@code seconds}, sets the progress and ticks; returns the line printed. */
    private String tickAt(double seconds, long runs, long steps, long tasks) {
        now = (long) (seconds * SECOND);
        progress = new ProgressTracker.Progress(runs, steps, tasks);
        int before = lines().size();
        reporter.tick();
        List<String> all = lines();
        assertEquals(before + 1, all.size(), "one line per tick");
        return all.get(all.size() - 1);
    }

    private List<String> lines() {
        String text = buffer.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    /**
     * Executors start 10 s into the sweep, then do 3e6 neuron-steps/s: from the sweep's start the
     * rate would be 1.3e6/s at 18 s and the time left 57 s; from the first finished task it is the
     * real one.
     */
    @Test
    void timeLeftComesFromTheRateAfterTheFirstTaskFinished() {
        assertEquals("runs 0/100 (0%), estimating time left", tickAt(3, 0, 0, 0));
        assertEquals("runs 0/100 (0%), estimating time left", tickAt(6, 0, 0, 0));
        // heartbeats report partial work before any task ends: still no rate to trust
        assertEquals("runs 0/100 (0%), estimating time left", tickAt(12, 0, 6_000_000L, 0));
        // the first task ends: the rate is measured from here on
        assertEquals("runs 10/100 (10%), estimating time left", tickAt(15, 10, 15_000_000L, 1));
        // 9e6 neuron-steps in 3 s: 3e6/s, 7.6e7 left: ~25 s
        assertEquals("runs 20/100 (20%), 3.00e+06 neuron-steps/s, ~25 s left", tickAt(18, 20, 24_000_000L, 2));
        assertEquals("runs 30/100 (30%), 3.00e+06 neuron-steps/s, ~22 s left", tickAt(21, 30, 33_000_000L, 3));
    }

    @Test
    void aLineEveryTickEvenWhenNothingMovesAndAStallIsNamed() {
        tickAt(3, 10, 10_000_000L, 1);
        assertEquals("runs 20/100 (20%), 3.33e+06 neuron-steps/s, ~24 s left", tickAt(6, 20, 20_000_000L, 2));
        // nothing moves from 6 s on, executors alive
        assertEquals("runs 20/100 (20%), 1.67e+06 neuron-steps/s, ~48 s left", tickAt(9, 20, 20_000_000L, 2));
        assertEquals("runs 20/100 (20%), 3.70e+05 neuron-steps/s, ~3m 36s left", tickAt(30, 20, 20_000_000L, 2));
        assertEquals("runs 20/100 (20%), 3.03e+05 neuron-steps/s, ~4m 24s left; no progress for 30 s",
                tickAt(36, 20, 20_000_000L, 2));
        assertEquals(5, lines().size());
    }

    @Test
    void theExecutorsNoteComesFirst() {
        tickAt(3, 0, 0, 0);
        executorNote = "no executor alive for 33 s (the sweep gives up at 120 s)";
        assertEquals("runs 0/100 (0%), estimating time left; no executor alive for 33 s (the sweep gives up at 120 s)",
                tickAt(33, 0, 0, 0));
        executorNote = null;
        assertEquals("runs 0/100 (0%), estimating time left; no progress for 36 s", tickAt(36, 0, 0, 0));
    }

    @Test
    void theLastLineHasTheFinalCountsOnlyIfProgressWasShown() {
        reporter.finish(100, 100_000_000L);
        assertEquals(List.of(), lines(), "a quick sweep prints no progress");

        tickAt(3, 0, 0, 0);
        now = 10 * SECOND;
        // no task had finished at the last tick: the rate of the whole sweep, 1e7/s
        reporter.finish(100, 100_000_000L);
        assertEquals("runs 100/100 (100%), 1.00e+07 neuron-steps/s, ~0 s left", lines().get(lines().size() - 1));
    }

    @Test
    void theLastLineUsesTheRateSinceTheFirstTaskFinished() {
        tickAt(5, 10, 10_000_000L, 1);
        now = 14 * SECOND;
        reporter.finish(100, 100_000_000L);
        assertEquals("runs 100/100 (100%), 1.00e+07 neuron-steps/s, ~0 s left", lines().get(lines().size() - 1));
    }
}
