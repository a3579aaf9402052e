package org.hhsweep.spark.job;

/**
 * The cluster cannot run the sweep as it is set up (no executor for too long, executors that die as
 * they start) or a setting of the sweep's own for it is wrong: something the user fixes, so one
 * line naming the likely causes and exit status 2.
 */
public final class ClusterException extends RuntimeException {
    public ClusterException(String message) {
        super(message);
    }
}
