package org.hhsweep.spark.cli;

import org.hhsweep.sim.config.ConfigLoader;

/** The entry point behind submit.sh: sweep, validate, query, plot, report. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int status = new Cli(ConfigLoader::load, SessionFactory.STANDARD, System.out, System.err).run(args);
        System.out.flush();
        System.exit(status);
    }
}
