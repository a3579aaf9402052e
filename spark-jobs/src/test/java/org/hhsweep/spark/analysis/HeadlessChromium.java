package org.hhsweep.spark.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium, headless, as a reader of the report would open it: from a file:// URL, with
 * no server. Flags as measured on these machines: no sandbox (root), no GPU, and nothing that
 * phones home (the network is closed; Chromium would otherwise retry connections at every start).
 * A missing browser fails the test with the install command: it is never skipped silently.
 */
final class HeadlessChromium {
    private static final long TIMEOUT_SECONDS = 120;

    private HeadlessChromium() {
    }

    /** $CHROMIUM, else chromium or chromium-browser on the PATH. */
    static Path binary() {
        String configured = System.getenv("CHROMIUM");
        if (configured != null && Files.isExecutable(Path.of(configured))) {
            return Path.of(configured);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : new String[] {"chromium", "chromium-browser"}) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return fail("headless Chromium is needed to check the HTML report and was not found on the PATH;"
                + " install it with: apt-get install -y chromium (.ci/run does this in CI), or set CHROMIUM");
    }

    /** The DOM after the page's load event and its scripts (up to 5 s of virtual time). */
    static String dumpDom(Path page, Path scratch) throws Exception {
        return run(scratch, "--virtual-time-budget=5000", "--dump-dom", page.toUri().toString());
    }

    /** A screenshot of the page's top width x height pixels. */
    static Path screenshot(Path page, Path png, int width, int height, Path scratch) throws Exception {
        run(scratch, "--virtual-time-budget=5000", "--hide-scrollbars", "--window-size=" + width + "," + height,
                "--screenshot=" + png, page.toUri().toString());
        return png;
    }

    private static String run(Path scratch, String... args) throws Exception {
        Path profile = Files.createTempDirectory(scratch, "chromium-profile");
        Path log = scratch.resolve("chromium-" + System.nanoTime() + ".log");
        List<String> command = new ArrayList<>(List.of(binary().toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Path stdout = scratch.resolve("chromium-" + System.nanoTime() + ".out");
        // Output to files, so a hung browser cannot block the test past the timeout.
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                fail("chromium did not finish in " + TIMEOUT_SECONDS + " s; its log: " + log);
            }
        } finally {
            p.destroyForcibly();
        }
        assertEquals(0, p.exitValue(), () -> "chromium failed; its log " + log + ":\n" + tail(log));
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
