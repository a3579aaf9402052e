package org.hhsweep.spark.yarn;

import java.io.IOException;
import java.io.PrintStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.spark.SparkConf;
import scala.Tuple2;

/**
 * What a yarn master needs before Spark submits the application, done by the driver (client
 * mode, where hhsweep's driver always runs): the ResourceManager of HADOOP_CONF_DIR's
 * yarn-site.xml must be reachable, and YARN's containers need Spark's jars. Unless the user names
 * them (spark.yarn.archive or spark.yarn.jars), those are the driver's own, staged once on the
 * cluster's file system as {@link SparkJarsArchive} and named in spark.yarn.archive: so no Spark
 * distribution is needed anywhere, and the executors run exactly the Spark the driver runs.
 */
public final class YarnSubmission {
    public static final String MASTER = "yarn";
    public static final String ARCHIVE = "spark.yarn.archive";
    static final String JARS = "spark.yarn.jars";
    static final String STAGING_DIR = "spark.yarn.stagingDir";
    /** The archives' directory, below spark.yarn.stagingDir or else the user's home on the default file system. */
    static final String ARCHIVE_DIR = ".hhsweep";

    private YarnSubmission() {
    }

    /**
     * Checks the ResourceManager and sets spark.yarn.archive when the user has not said where
     * Spark's jars are; says on {@code err} when it uploaded them.
     */
    public static void prepare(SparkConf conf, PrintStream err) throws YarnSetupException {
        Configuration yarn = hadoopConf(conf);
        ResourceManagerProbe.check(yarn);
        if (conf.contains(ARCHIVE) || conf.contains(JARS)) {
            return;
        }
        Path dir = null;
        try {
            long start = System.nanoTime();
            SparkJarsArchive archive = SparkJarsArchive.ofClassPath(System.getProperty("java.class.path"));
            if (archive.jars().isEmpty()) {
                throw new YarnSetupException("the driver's class path has no jars to give YARN's containers; set "
                        + ARCHIVE + " or " + JARS + " to Spark's jars on the cluster");
            }
            FileSystem fs;
            if (conf.contains(STAGING_DIR)) {
                dir = new Path(new Path(conf.get(STAGING_DIR)), ARCHIVE_DIR);
                fs = dir.getFileSystem(yarn);
            } else {
                fs = FileSystem.get(yarn);
                dir = new Path(fs.getHomeDirectory(), ARCHIVE_DIR);
            }
            dir = fs.makeQualified(dir);
            SparkJarsArchive.Staged staged = archive.stage(fs, dir);
            if (staged.uploaded()) {
                err.printf("note: staged Spark's jars for YARN's containers in %s (%d jars, %d MB, %.1f s); later"
                        + " submissions reuse it%n", staged.path(), archive.jars().size(), archive.bytes() >> 20,
                        (System.nanoTime() - start) / 1e9);
            }
            conf.set(ARCHIVE, staged.path().toString());
        } catch (IOException | RuntimeException e) {
            String m = String.valueOf(e.getMessage());
            throw new YarnSetupException("cannot stage Spark's jars for YARN's containers in "
                    + (dir == null ? "the cluster's file system" : dir) + " (" + m.lines().findFirst().orElse(m)
                    + "): check fs.defaultFS in core-site.xml and that you may write there, or set " + STAGING_DIR
                    + " to a directory you may write, or " + ARCHIVE + " to an archive of Spark's jars on the cluster");
        }
    }

    /** The YARN configuration Spark's client will use: HADOOP_CONF_DIR's files and spark.hadoop.* settings. */
    static Configuration hadoopConf(SparkConf conf) {
        Configuration hadoop = new YarnConfiguration();
        for (Tuple2<String, String> e : conf.getAll()) {
            if (e._1().startsWith("spark.hadoop.")) {
                hadoop.set(e._1().substring("spark.hadoop.".length()), e._2());
            }
        }
        return hadoop;
    }
}
