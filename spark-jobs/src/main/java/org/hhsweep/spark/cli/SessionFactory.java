package org.hhsweep.spark.cli;

import java.io.PrintStream;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Opens the Spark session a command runs in, and releases it when the command is done. */
public interface SessionFactory {
    SparkSession open(String appName, boolean verbose, PrintStream err);

    void release(SparkSession session);

    /**
     * The CLI's sessions: the master from spark-submit or -Dspark.master, else local[*] (all cores);
     * in local mode the web UI only with --verbose and everything bound to the loopback address.
     */
    SessionFactory STANDARD = new SessionFactory() {
        @Override
        public SparkSession open(String appName, boolean verbose, PrintStream err) {
            Logging.apply(verbose);
            SparkConf conf = new SparkConf();
            conf.setIfMissing("spark.master", "local[*]");
            conf.setIfMissing("spark.app.name", appName);
            if (conf.get("spark.master").startsWith("local")) {
                conf.setIfMissing("spark.ui.enabled", Boolean.toString(verbose));
                if (System.getenv("SPARK_LOCAL_IP") == null) {
                    conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
                    conf.setIfMissing("spark.driver.host", "127.0.0.1");
                }
            }
            conf.setIfMissing("spark.sql.parquet.compression.codec", "zstd");
            // Running tasks report progress with their heartbeats: more often than the default 10 s.
            conf.setIfMissing("spark.executor.heartbeatInterval", "2s");
            SparkSession session = SparkSession.builder().config(conf).getOrCreate();
            Logging.apply(verbose);
            if (verbose && session.sparkContext().uiWebUrl().isDefined()) {
                err.println("Spark UI: " + session.sparkContext().uiWebUrl().get());
            }
            return session;
        }

        @Override
        public void release(SparkSession session) {
            session.stop();
        }
    };
}
