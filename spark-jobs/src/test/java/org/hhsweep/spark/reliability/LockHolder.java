package org.hhsweep.spark.reliability;

import org.hhsweep.spark.io.OutputDirectory;
import org.hhsweep.spark.io.OutputLock;

/** A second process holding an output's lock, as a running sweep would, until it is killed. */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        OutputLock lock = OutputLock.acquire(OutputDirectory.resolve(args[0]));
        System.out.println("locked");
        System.out.flush();
        Thread.sleep(120_000);
        lock.close();
    }
}
