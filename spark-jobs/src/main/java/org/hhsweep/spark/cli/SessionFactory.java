package org.hhsweep.spark.cli;

import java.io.PrintStream;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.hhsweep.spark.yarn.YarnSetupException;
import org.hhsweep.spark.yarn.YarnSubmission;

/** Opens the Spark session a command runs in, and releases it when the command is done. */
public interface SessionFactory {
    /** How long Spark's standalone client tries to register with a master: 3 tries of 20 s. */
    int REGISTRATION_SECONDS = 60;

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
            // No metastore_db/, derby.log or spark-warehouse/ left in the working directory.
            conf.set("spark.sql.catalogImplementation", "in-memory");
            if (!conf.contains(ScratchWarehouse.KEY)) {
                conf.set(ScratchWarehouse.KEY, ScratchWarehouse.create());
            }
            conf.setIfMissing("spark.sql.parquet.compression.codec", "zstd");
            // Running tasks report progress with their heartbeats: more often than the default 10 s.
            conf.setIfMissing("spark.executor.heartbeatInterval", "2s");
            MasterProbe.check(conf.get("spark.master"));
            if (conf.get("spark.master").equals(YarnSubmission.MASTER)) {
                // Spark 4.2 on YARN: the ApplicationMaster's proxy filter is added to the UI from an
                // RPC thread while the session still starts the UI's servlets, and Jetty's filter
                // list then fails the start (ConcurrentModificationException from
                // ServletHandler.initialize, 1 submission in 12 here). No UI unless asked: no race.
                conf.setIfMissing("spark.ui.enabled", Boolean.toString(verbose));
                try {
                    YarnSubmission.prepare(conf, err);
                } catch (YarnSetupException e) {
                    throw new SparkStartException(e.getMessage());
                }
            }
            Logging.quietStart(verbose);
            SparkSession session;
            try {
                session = start(conf);
            } finally {
                Logging.started(verbose);
            }
            Logging.apply(verbose);
            if (conf.get("spark.master").equals(YarnSubmission.MASTER)) {
                String id = session.sparkContext().applicationId();
                err.println("note: YARN application " + id + " (yarn logs -applicationId " + id
                        + " shows its containers' logs)");
            }
            if (verbose && session.sparkContext().uiWebUrl().isDefined()) {
                err.println("Spark UI: " + session.sparkContext().uiWebUrl().get());
            }
            return session;
        }

        /**
         * A session, or one line saying why Spark would not start (a master URL or setting it
         * rejects, a master that does not accept the application).
         */
        private SparkSession start(SparkConf conf) {
            String master = conf.get("spark.master");
            SparkSession session;
            try {
                session = SparkSession.builder().config(conf).getOrCreate();
            } catch (IllegalStateException e) {
                // A standalone master that never accepts the application stops the context while it starts.
                String m = String.valueOf(e.getMessage());
                if (m.contains("stopped SparkContext") || m.contains("LiveListenerBus is stopped")) {
                    throw notAccepted(master);
                }
                throw new SparkStartException("could not start Spark with master " + master + ": " + firstLine(e), e);
            } catch (RuntimeException | ExceptionInInitializerError e) {
                throw new SparkStartException("could not start Spark with master " + master + ": " + firstLine(e), e);
            }
            // A standalone master that registered the application and then ended it (its executors
            // failing at start) is the command's to explain: a sweep does, in one line.
            if (master.startsWith("spark://") ? neverRegistered(session) : session.sparkContext().isStopped()) {
                release(session);
                throw notAccepted(master);
            }
            return session;
        }

        /**
         * A standalone master that never registered the application: the context starts anyway once
         * the client gives up, with Spark's placeholder id (spark-application-...) instead of the
         * master's (app-...), and is stopped from another thread, maybe not yet.
         */
        private static boolean neverRegistered(SparkSession session) {
            return !session.sparkContext().applicationId().startsWith("app-");
        }

        private static SparkStartException notAccepted(String master) {
            return new SparkStartException("the Spark master " + master + " did not accept the application within "
                    + REGISTRATION_SECONDS + " s: is a Spark " + org.apache.spark.package$.MODULE$.SPARK_VERSION()
                    + " master listening there? (its log says why; --verbose shows Spark's)");
        }

        private static String firstLine(Throwable e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root && root.getMessage() == null) {
                root = root.getCause();
            }
            if (root.getMessage() == null) {
                // An exception without a message (a bare NullPointerException, a concurrent
                // modification) says nothing as "null": its type, where it was thrown and the first
                // caller outside the JDK do (--verbose prints the whole trace).
                StackTraceElement[] at = root.getStackTrace();
                String where = at.length > 0 ? " at " + at[0] : "";
                for (StackTraceElement frame : at) {
                    if (!frame.getClassName().startsWith("java.")) {
                        where += frame == at[0] ? "" : ", from " + frame;
                        break;
                    }
                }
                return root.getClass().getName() + where;
            }
            String m = root.getMessage();
            return m.lines().findFirst().orElse(m);
        }

        @Override
        public void release(SparkSession session) {
            // From the context's settings, not session.conf(): that would start the session's shared
            // state, which fails on a context the master has stopped (and hides why it stopped).
            String warehouse = session.sparkContext().getConf().get(ScratchWarehouse.KEY, null);
            session.stop();
            ScratchWarehouse.delete(warehouse);
        }
    };
}
