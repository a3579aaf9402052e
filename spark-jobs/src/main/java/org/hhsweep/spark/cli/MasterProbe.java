package org.hhsweep.spark.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks that a standalone master can be reached before Spark tries: Spark's own client retries
 * an unreachable master for about a minute, says so in dozens of log lines, and leaves the
 * driver to fail later with an unrelated message. A master that accepts no TCP connection within
 * {@link #TIMEOUT_MILLIS} is refused in one line instead.
 */
final class MasterProbe {
    /** How long each address of a spark:// master may take to accept a connection. */
    static final int TIMEOUT_MILLIS = 5000;

    private MasterProbe() {
    }

    /**
     * @throws SparkStartException when no address of a spark:// master accepts a connection, or the URL is
     *                           malformed; other masters (local, yarn, k8s) pass unchecked
     */
    static void check(String master) {
        if (!master.toLowerCase(Locale.ROOT).startsWith("spark://")) {
            return;
        }
        List<String> failures = new ArrayList<>();
        for (String hostPort : master.substring("spark://".length()).split(",")) {
            InetSocketAddress address = address(master, hostPort);
            try (Socket s = new Socket()) {
                s.connect(address, TIMEOUT_MILLIS);
                return;
            } catch (IOException e) {
                failures.add(hostPort + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        }
        throw new SparkStartException("cannot reach the Spark master " + master + " (" + String.join("; ", failures)
                + ", within " + TIMEOUT_MILLIS / 1000 + " s): is it running, and is the address right?");
    }

    private static InetSocketAddress address(String master, String hostPort) {
        try {
            URI uri = new URI("spark://" + hostPort);
            if (uri.getHost() == null || uri.getPort() < 0) {
                throw new SparkStartException("--master " + master + ": expected spark://HOST:PORT[,HOST:PORT]");
            }
            return new InetSocketAddress(uri.getHost(), uri.getPort());
        } catch (java.net.URISyntaxException e) {
            throw new SparkStartException("--master " + master + ": expected spark://HOST:PORT[,HOST:PORT]");
        }
    }
}
