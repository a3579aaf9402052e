package org.hhsweep.spark;

import java.io.PrintStream;
import org.apache.spark.sql.SparkSession;
import org.hhsweep.spark.cli.ScratchWarehouse;
import org.hhsweep.spark.cli.SessionFactory;

/** One Spark session per test JVM (starting one takes seconds); a test needing another master swaps it. */
public final class SparkTestSession {
    public static final String DEFAULT_MASTER = "local[2]";
    private static SparkSession session;
    private static String master;

    private SparkTestSession() {
    }

    public static synchronized SparkSession get() {
        return get(DEFAULT_MASTER);
    }

    public static synchronized SparkSession get(String wanted) {
        if (session != null && !wanted.equals(master)) {
            session.stop();
            session = null;
        }
        if (session == null) {
            session = SparkSession.builder()
                    .master(wanted)
                    .appName("hhsweep-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.sql.parquet.compression.codec", "zstd")
                    // As the CLI's sessions: nothing left in the module directory (SHOW DATABASES creates it).
                    .config("spark.sql.catalogImplementation", "in-memory")
                    .config(ScratchWarehouse.KEY, ScratchWarehouse.create())
                    .getOrCreate();
            master = wanted;
        }
        return session;
    }

    /** Lets the CLI run in the shared session, which outlives each command. */
    public static final SessionFactory FACTORY = new SessionFactory() {
        @Override
        public SparkSession open(String appName, boolean verbose, PrintStream err) {
            return get();
        }

        @Override
        public void release(SparkSession s) {
            // shared by the whole test JVM
        }
    };
}
