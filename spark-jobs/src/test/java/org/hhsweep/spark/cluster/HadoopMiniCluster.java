package org.hhsweep.spark.cluster;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;

/**
 * A real HDFS (a NameNode and one DataNode) and a real YARN (a ResourceManager and one NodeManager)
 * running in this JVM on 127.0.0.1, from Hadoop's own mini clusters; the containers YARN starts
 * (Spark's ApplicationMaster and executors) are JVMs of their own, children of this one. The
 * cluster's client configuration is written to {@link #confDir()}: what a user's HADOOP_CONF_DIR
 * holds (core-site.xml with fs.defaultFS, yarn-site.xml with the ResourceManager's addresses,
 * hdfs-site.xml with the replication one DataNode can give).
 *
 * <p>Run by hand (HADOOP_CONF_DIR printed, runs until killed): {@code java -cp <test class path>
 * org.hhsweep.spark.cluster.HadoopMiniCluster DIR}.
 */
public final class HadoopMiniCluster implements AutoCloseable {
    /** YARN's executor backend, the main class of every Spark executor container. */
    public static final String EXECUTOR_CLASS = "org.apache.spark.executor.YarnCoarseGrainedExecutorBackend";
    /** The memory the NodeManager offers: an ApplicationMaster (896 MB) and two 1 GiB executors (1,408 MB each). */
    static final int NODE_MEMORY_MB = 4096;

    private static final List<String> CLIENT_KEYS = List.of(YarnConfiguration.RM_ADDRESS,
            YarnConfiguration.RM_SCHEDULER_ADDRESS, YarnConfiguration.RM_ADMIN_ADDRESS,
            YarnConfiguration.RM_RESOURCE_TRACKER_ADDRESS, YarnConfiguration.RM_WEBAPP_ADDRESS);

    private final MiniDFSCluster hdfs;
    private final MiniYARNCluster yarn;
    private final YarnClient client;
    private final Path confDir;
    private final Duration startupTime;
    private final long rssGrowthBytes;

    private HadoopMiniCluster(MiniDFSCluster hdfs, MiniYARNCluster yarn, YarnClient client, Path confDir,
                              Duration startupTime, long rssGrowthBytes) {
        this.hdfs = hdfs;
        this.yarn = yarn;
        this.client = client;
        this.confDir = confDir;
        this.startupTime = startupTime;
        this.rssGrowthBytes = rssGrowthBytes;
    }

    /**
     * Starts HDFS, then YARN with it as the default file system, and returns once the NodeManager
     * has registered. Everything on disk goes below {@code dir}: hdfs/ (NameNode and DataNode
     * storage), yarn/ (the NodeManager's local and log dirs: containers' logs in
     * yarn/.../*-logDir-nm-0_0/APP/CONTAINER/stderr), conf/ (the client configuration).
     */
    public static HadoopMiniCluster start(Path dir) throws Exception {
        long started = System.nanoTime();
        long rssBefore = residentBytes(ProcessHandle.current().pid());
        Path base = dir.toAbsolutePath();
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.resolve("hdfs").toString());
        conf.setInt("dfs.replication", 1);
        MiniDFSCluster hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        MiniYARNCluster yarn = null;
        YarnClient client = null;
        try {
            hdfs.waitActive();
            YarnConfiguration yarnConf = new YarnConfiguration(conf);
            yarnConf.set("fs.defaultFS", hdfs.getURI().toString());
            yarnConf.setInt("yarn.minicluster.yarn.nodemanager.resource.memory-mb", NODE_MEMORY_MB);
            yarnConf.setInt(YarnConfiguration.NM_VCORES, 4);
            yarnConf.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 128);
            yarnConf.setInt(YarnConfiguration.RM_SCHEDULER_MAXIMUM_ALLOCATION_MB, NODE_MEMORY_MB);
            // The capacity scheduler, as on most clusters, with the one queue a fresh install has (its
            // capacity-scheduler.xml is not in the minicluster jar). Its default 10% of the cluster for
            // ApplicationMasters would hold back the second of two applications the tests may have at
            // once (a killed sweep's and its resume's, for seconds).
            yarnConf.set("yarn.scheduler.capacity.root.queues", "default");
            yarnConf.setFloat("yarn.scheduler.capacity.root.default.capacity", 100f);
            yarnConf.setFloat("yarn.scheduler.capacity.maximum-am-resource-percent", 1.0f);
            // This machine's disks may be fuller than YARN's 90% health threshold, and its JVMs reserve
            // more virtual memory than YARN's 2.1 x physical rule allows: neither check may kill a container.
            yarnConf.setBoolean("yarn.nodemanager.disk-health-checker.enable", false);
            yarnConf.setFloat(YarnConfiguration.NM_MAX_PER_DISK_UTILIZATION_PERCENTAGE, 100.0f);
            yarnConf.setBoolean(YarnConfiguration.NM_PMEM_CHECK_ENABLED, false);
            yarnConf.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
            // Containers find Java as on a real node (JAVA_HOME), here this JVM's.
            yarnConf.set(YarnConfiguration.NM_ADMIN_USER_ENV, "JAVA_HOME=" + System.getProperty("java.home"));
            // Keep containers' logs after their application ends, for a failing test to show.
            yarnConf.setInt(YarnConfiguration.DEBUG_NM_DELETE_DELAY_SEC, 3600);
            // The NodeManager's dirs: MiniYARNCluster puts them under test.build.data.
            System.setProperty("test.build.data", base.resolve("yarn").toString());
            yarn = new MiniYARNCluster("hhsweep", 1, 1, 1);
            yarn.init(yarnConf);
            yarn.start();
            if (!yarn.waitForNodeManagersToConnect(60_000)) {
                throw new IllegalStateException("the NodeManager did not register within 60 s");
            }
            Path confDir = writeClientConf(base.resolve("conf"), hdfs.getURI(), yarn.getConfig());
            client = YarnClient.createYarnClient();
            client.init(yarn.getConfig());
            client.start();
            return new HadoopMiniCluster(hdfs, yarn, client, confDir, Duration.ofNanos(System.nanoTime() - started),
                    residentBytes(ProcessHandle.current().pid()) - rssBefore);
        } catch (Exception | Error e) {
            if (client != null) {
                client.stop();
            }
            if (yarn != null) {
                yarn.stop();
            }
            hdfs.shutdown();
            throw e;
        }
    }

    private static Path writeClientConf(Path dir, URI defaultFs, Configuration yarnConf) throws IOException {
        Files.createDirectories(dir);
        Configuration core = new Configuration(false);
        core.set("fs.defaultFS", defaultFs.toString());
        write(core, dir.resolve("core-site.xml"));
        Configuration site = new Configuration(false);
        for (String key : CLIENT_KEYS) {
            site.set(key, yarnConf.get(key));
        }
        write(site, dir.resolve("yarn-site.xml"));
        Configuration hdfsSite = new Configuration(false);
        hdfsSite.setInt("dfs.replication", 1);
        write(hdfsSite, dir.resolve("hdfs-site.xml"));
        return dir;
    }

    private static void write(Configuration conf, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            conf.writeXml(out);
        }
    }

    /** HADOOP_CONF_DIR for clients of this cluster. */
    public Path confDir() {
        return confDir;
    }

    /** hdfs://HOST:PORT of the NameNode, the cluster's default file system. */
    public URI defaultFs() {
        return hdfs.getURI();
    }

    /** A client of the cluster's HDFS (closed with the cluster). */
    public FileSystem fileSystem() throws IOException {
        return hdfs.getFileSystem();
    }

    /** The ResourceManager's client address (host:port), as yarn-site.xml has it. */
    public String resourceManagerAddress() {
        return yarn.getConfig().get(YarnConfiguration.RM_ADDRESS);
    }

    /** From the first start() call to the NodeManager registered and the configuration written. */
    public Duration startupTime() {
        return startupTime;
    }

    /** How much this JVM's resident memory grew while the clusters started. */
    public long residentGrowthBytes() {
        return rssGrowthBytes;
    }

    /** Every application the ResourceManager knows, newest last. */
    public List<ApplicationReport> applications() throws Exception {
        return client.getApplications().stream()
                .sorted((a, b) -> a.getApplicationId().compareTo(b.getApplicationId())).toList();
    }

    /** The newest application, if any. */
    public Optional<ApplicationReport> latestApplication() throws Exception {
        List<ApplicationReport> apps = applications();
        return apps.isEmpty() ? Optional.empty() : Optional.of(apps.get(apps.size() - 1));
    }

    /** The applications still being accepted or running. */
    public List<ApplicationReport> activeApplications() throws Exception {
        return client.getApplications(EnumSet.of(YarnApplicationState.NEW, YarnApplicationState.NEW_SAVING,
                YarnApplicationState.SUBMITTED, YarnApplicationState.ACCEPTED, YarnApplicationState.RUNNING));
    }

    /** Waits until no application is active, e.g. after its driver was killed. */
    public void awaitNoActiveApplication(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!activeApplications().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("applications still active after " + timeout + ": "
                        + activeApplications());
            }
            Thread.sleep(200);
        }
    }

    /**
     * The container JVMs now running whose command line names {@code mainClass} (e.g.
     * {@link #EXECUTOR_CLASS}); YARN starts them as descendants of this JVM.
     */
    public List<ProcessHandle> containers(String mainClass) {
        // The JVMs themselves, not the shells of YARN's launch scripts that name the class too.
        return ProcessHandle.current().descendants().filter(p -> p.info().command().orElse("").endsWith("/java")
                && commandLine(p).contains(mainClass)).toList();
    }

    /** A process's whole command line, arguments separated by spaces ("" once it has exited). */
    public static String commandLine(ProcessHandle p) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline")),
                    StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    /** A process's resident memory (VmRSS), 0 once it has exited. */
    public static long residentBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // gone
        }
        return 0;
    }

    /** Stops YARN (and with it every container) and HDFS, then kills any container JVM left. */
    @Override
    public void close() {
        List<ProcessHandle> left = ProcessHandle.current().descendants()
                .filter(p -> commandLine(p).contains("org.apache.spark.")).toList();
        try {
            client.stop();
            yarn.stop();
        } finally {
            hdfs.shutdown();
            left.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** Starts the clusters under DIR (argument 1), prints HADOOP_CONF_DIR and runs until killed. */
    public static void main(String[] args) throws Exception {
        HadoopMiniCluster cluster = start(Path.of(args.length > 0 ? args[0] : "target/hadoop-mini-cluster"));
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close));
        System.out.printf("HADOOP_CONF_DIR=%s%nfs.defaultFS=%s%nstarted in %.1f s, resident memory +%d MB%n",
                cluster.confDir(), cluster.defaultFs(), cluster.startupTime().toMillis() / 1e3,
                cluster.residentGrowthBytes() >> 20);
        System.out.println("yarn.resourcemanager.address=" + cluster.resourceManagerAddress());
        Thread.currentThread().join();
    }
}
