package org.hhsweep.spark.cli;

/** A command line that cannot be run (exit status 2). */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
