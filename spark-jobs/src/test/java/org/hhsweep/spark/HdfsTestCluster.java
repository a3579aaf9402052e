package org.hhsweep.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * A real HDFS for the tests: one NameNode and one DataNode in this JVM (MiniDFSCluster, from
 * hadoop-client-minicluster), on 127.0.0.1 with its storage under target/, started on first use
 * and shared by every test of the JVM (it takes seconds to start), stopped when the JVM ends.
 */
public final class HdfsTestCluster {
    private static MiniDFSCluster cluster;
    private static FileSystem client;

    private HdfsTestCluster() {
    }

    /** The cluster's root, {@code hdfs://127.0.0.1:PORT}. */
    public static synchronized String uri() {
        return "hdfs://127.0.0.1:" + cluster().getNameNodePort();
    }

    /** A fresh directory of the test's, as a URI: {@code hdfs://127.0.0.1:PORT/NAME-N}. */
    public static String directory(String name) {
        return uri() + "/" + name + "-" + System.nanoTime();
    }

    /** A client of the cluster, shared by the tests (none closes it). */
    public static synchronized FileSystem fileSystem() {
        if (client == null) {
            try {
                client = FileSystem.newInstance(java.net.URI.create(uri()), new Configuration());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return client;
    }

    /** Writes a file as if it had been last modified {@code age} ago (a lock left by a sweep elsewhere). */
    public static void write(org.apache.hadoop.fs.Path file, String content, Duration age) throws IOException {
        FileSystem fs = fileSystem();
        fs.mkdirs(file.getParent());
        try (OutputStream o = fs.create(file, true)) {
            o.write(content.getBytes(StandardCharsets.UTF_8));
        }
        fs.setTimes(file, System.currentTimeMillis() - age.toMillis(), -1);
    }

    /** A file's content. */
    public static String read(org.apache.hadoop.fs.Path file) throws IOException {
        try (InputStream in = fileSystem().open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static synchronized MiniDFSCluster cluster() {
        if (cluster == null) {
            Path dir;
            try {
                Path base = Files.createDirectories(Path.of("target", "hdfs")).toAbsolutePath();
                dir = Files.createTempDirectory(base, "cluster-");
                Configuration conf = new Configuration();
                conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.toString());
                // Loopback only, whatever the host name resolves to.
                conf.set("dfs.namenode.rpc-address", "127.0.0.1:0");
                conf.set("dfs.namenode.http-address", "127.0.0.1:0");
                conf.set("dfs.datanode.address", "127.0.0.1:0");
                conf.set("dfs.datanode.http.address", "127.0.0.1:0");
                conf.set("dfs.datanode.ipc.address", "127.0.0.1:0");
                conf.setInt("dfs.replication", 1);
                // Seconds less to start: the DataNode reports at once, with one storage directory.
                conf.setInt("dfs.heartbeat.interval", 1);
                cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).storagesPerDatanode(1).build();
                cluster.waitActive();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the HDFS mini cluster", e);
            }
            MiniDFSCluster started = cluster;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(started, dir), "hdfs-test-cluster-stop"));
        }
        return cluster;
    }

    /**
     * At the JVM's end: the NameNode first (it and its web server stop cleanly then), then the
     * DataNode, whose stop ends in a call Hadoop refuses while the JVM shuts down; what it leaves
     * under target/hdfs is deleted here.
     */
    private static void stop(MiniDFSCluster started, Path dir) {
        try {
            started.shutdownNameNodes();
            started.shutdown(true);
        } catch (RuntimeException e) {
            // "Shutdown in progress, cannot remove a shutdownHook": the DataNode's volumes
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort, under target/
        }
    }
}
