package org.hhsweep.spark.yarn;

/** Something the user can fix stands between the driver and YARN: one line, naming it. */
public final class YarnSetupException extends Exception {
    private static final long serialVersionUID = 1L;

    YarnSetupException(String message) {
        super(message);
    }
}
