package org.hhsweep.spark.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hhsweep.spark.cli.Main;

/**
 * The CLI in a JVM of its own, started in a given working directory with a given home directory:
 * for the cases that concern those two places, which must never be the test JVM's own (a rule
 * that failed there would remove the project's files).
 */
final class ForkedCli {
    private ForkedCli() {
    }

    static Commands.Outcome run(Path workDir, Path home, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).start();
        p.getOutputStream().close();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("the command did not end within 120 s: " + String.join(" ", args));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Commands.Outcome(p.exitValue(), out, err);
    }
}
