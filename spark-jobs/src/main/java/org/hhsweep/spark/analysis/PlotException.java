package org.hhsweep.spark.analysis;

/**
 * A plot or report the output directory cannot give as asked (no traces recorded, nothing swept,
 * an unknown parameter): the user can fix it, so the CLI prints the message alone (exit status 2).
 */
public final class PlotException extends RuntimeException {
    public PlotException(String message) {
        super(message);
    }
}
