package org.hhsweep.spark.cli;

/**
 * Spark could not be started as asked (a master that cannot be reached or refuses the
 * application, a setting Spark rejects): something the user can fix, so one line and exit 2.
 */
final class SparkStartException extends RuntimeException {
    SparkStartException(String message) {
        super(message);
    }

    /** With what Spark threw, which --verbose prints. */
    SparkStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
