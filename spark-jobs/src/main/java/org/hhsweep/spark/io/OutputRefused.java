package org.hhsweep.spark.io;

/**
 * An output location a sweep will not write to, for a reason the user can fix: something in the
 * way, another sweep using it, a resume that does not match, not enough room. One line, exit 2.
 */
public class OutputRefused extends RuntimeException {
    public OutputRefused(String message) {
        super(message);
    }
}
