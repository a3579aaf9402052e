package org.hhsweep.spark.reliability;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hhsweep.sim.config.ConfigLoader;
import org.hhsweep.spark.SparkTestSession;
import org.hhsweep.spark.cli.Cli;
import org.hhsweep.spark.cli.FreeSpace;

/** The CLI in this JVM with the real config loader and the shared Spark session, as a user would run it. */
final class Commands {
    private Commands() {
    }

    /** What one command printed and returned. */
    record Outcome(int status, String out, String err) {
        List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }

        /** For assertion messages. */
        String describe() {
            return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static Outcome run(String... args) {
        return run(FreeSpace.DISK, args);
    }

    /** The command with the free space where outputs go taken from {@code freeSpace} instead of the disk. */
    static Outcome run(FreeSpace freeSpace, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = new Cli(ConfigLoader::load, SparkTestSession.FACTORY, freeSpace, o, e).run(args);
        }
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
