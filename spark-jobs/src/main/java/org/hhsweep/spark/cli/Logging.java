package org.hhsweep.spark.cli;

import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Quiet logs by default (warnings and errors only; Hadoop's missing-native-library note not at
 * all), Spark's INFO logs with --verbose. Levels are set here as well as in conf/log4j2.properties
 * so the CLI stays quiet however it was started.
 */
final class Logging {
    private Logging() {
    }

    static void apply(boolean verbose) {
        Configurator.setRootLevel(verbose ? Level.INFO : Level.WARN);
        Configurator.setLevel("org.apache.hadoop.util.NativeCodeLoader", Level.ERROR);
        if (verbose) {
            // conf/log4j2.properties quiets it from the JVM's start.
            Configurator.setLevel("org.apache.spark.util.Utils", Level.INFO);
        } else {
            // Warns that the host name resolves to loopback: that is exactly how local mode is run here.
            Configurator.setLevel("org.apache.spark.util.Utils", Level.ERROR);
            // A master that does not accept the application: the command says so in one line.
            Configurator.setLevel("org.apache.spark.scheduler.cluster.StandaloneSchedulerBackend", Level.OFF);
            Configurator.setLevel("org.apache.spark.deploy.client.StandaloneAppClient$ClientEndpoint", Level.OFF);
            Configurator.setLevel("org.apache.spark.network.client.TransportResponseHandler", Level.OFF);
            // A master that removes the application (its executors failing at start) makes the scheduler
            // throw inside Spark's message loop, which logs a stack trace: the sweep says why in one line.
            Configurator.setLevel("org.apache.spark.rpc.netty.Inbox", Level.OFF);
        }
    }

    /**
     * Loggers that report a Spark start that failed (a setting the cluster refuses, such as YARN
     * containers larger than its maximum allocation) with a stack trace and warnings as the context
     * stops again: the command says why in one line.
     */
    private static final List<String> FAILED_START = List.of("org.apache.spark.SparkContext",
            "org.apache.spark.scheduler.cluster.YarnSchedulerBackend$YarnSchedulerEndpoint",
            "org.apache.spark.metrics.MetricsSystem");

    /** Without --verbose, quiets {@link #FAILED_START} while Spark starts; {@link #started} ends that. */
    static void quietStart(boolean verbose) {
        if (!verbose) {
            FAILED_START.forEach(name -> Configurator.setLevel(name, Level.OFF));
        }
    }

    static void started(boolean verbose) {
        if (!verbose) {
            FAILED_START.forEach(name -> Configurator.setLevel(name, Level.WARN));
        }
    }

    /**
     * Without --verbose, a task that fails on the user's SQL (a division by zero, raise_error) is
     * not logged with its stack trace by the executor and the scheduler: the command says it in one line.
     */
    static void quietTaskFailures(boolean verbose) {
        if (!verbose) {
            Configurator.setLevel("org.apache.spark.executor.Executor", Level.OFF);
            Configurator.setLevel("org.apache.spark.scheduler.TaskSetManager", Level.OFF);
        }
    }
}
