import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FSDataOutputStreamBuilder;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.hhsweep.spark.io.AtomicWrite;

/**
 * What a Hadoop file system does with the operations a lock and hhsweep's manifest rely on:
 * exclusive creates, touching a file's time, renames, and AtomicWrite.replace under a reader.
 * Run by bench/s3a-local.sh (java S3aProbe.java DIR REPLACEMENTS, the application jar, Spark's
 * class path, the S3A jars and a core-site.xml on the class path); one line per finding.
 */
public class S3aProbe {
    public static void main(String[] args) throws Exception {
        Path dir = new Path(args[0]);
        int replacements = Integer.parseInt(args[1]);
        Configuration conf = new Configuration();
        FileSystem fs = dir.getFileSystem(conf);
        fs.delete(dir, true);

        Path conditional = new Path(dir, "conditional");
        try (FSDataOutputStream out = createIfAbsent(fs, conditional)) {
            out.write(1);
        }
        try (FSDataOutputStream out = createIfAbsent(fs, conditional)) {
            out.write(2);
        } catch (IOException e) {
            // S3A sends If-None-Match: * with the upload, so the store decides at close().
            System.out.println("conditional create of an existing file: " + describe(e));
        }

        // Both writers are opened before either closes: what two sweeps starting at once would do.
        Path plain = new Path(dir, "plain");
        FSDataOutputStream first = fs.create(plain, false);
        FSDataOutputStream second = fs.create(plain, false);
        first.write(1);
        second.write(2);
        first.close();
        try {
            second.close();
            try (var in = fs.open(plain)) {
                System.out.println("create(overwrite=false) by two writers open at once: both closed, content "
                        + in.read());
            }
        } catch (IOException e) {
            System.out.println("create(overwrite=false) by two writers open at once: second refused, " + describe(e));
        }
        try {
            fs.create(plain, false).close();
            System.out.println("create(overwrite=false) of an existing file: no error");
        } catch (IOException e) {
            System.out.println("create(overwrite=false) of an existing file: " + describe(e));
        }

        long before = fs.getFileStatus(plain).getModificationTime();
        fs.setTimes(plain, before + 3_600_000L, -1);
        System.out.println("setTimes one hour on: the modification time moved "
                + (fs.getFileStatus(plain).getModificationTime() - before) + " ms");

        Path renamed = new Path(dir, "renamed");
        try (var out = fs.create(new Path(dir, "existing"))) {
            out.write(3);
        }
        try (var out = fs.create(renamed)) {
            out.write(4);
        }
        try {
            System.out.println("rename onto an existing file: returned " + fs.rename(renamed, new Path(dir, "existing")));
        } catch (IOException e) {
            System.out.println("rename onto an existing file: " + describe(e));
        }

        replaceUnderAReader(fs, new Path(dir, "manifest.json"), replacements, conf);
    }

    /** The manifest's replacement, as a sweep does it, while another thread reads the file in a loop. */
    private static void replaceUnderAReader(FileSystem fs, Path target, int times, Configuration conf)
            throws Exception {
        AtomicWrite.replace(target, "{\"v\":0}".getBytes(), conf);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong whole = new AtomicLong();
        AtomicLong absent = new AtomicLong();
        AtomicLong partial = new AtomicLong();
        Thread reader = new Thread(() -> {
            while (!stop.get()) {
                try (var in = fs.open(target)) {
                    String s = new String(in.readAllBytes());
                    (s.matches("\\{\"v\":\\d+}") ? whole : partial).incrementAndGet();
                } catch (IOException e) {
                    absent.incrementAndGet();
                }
            }
        });
        reader.start();
        for (int i = 1; i <= times; i++) {
            AtomicWrite.replace(target, ("{\"v\":" + i + "}").getBytes(), conf);
        }
        stop.set(true);
        reader.join();
        System.out.println("manifest replaced " + times + " times while a reader looped: " + whole.get()
                + " reads found it whole, " + absent.get() + " found none, " + partial.get() + " found a part");
    }

    /** An exclusive create as S3A offers it (Hadoop 3.5): refused when the file exists. */
    private static FSDataOutputStream createIfAbsent(FileSystem fs, Path path) throws IOException {
        FSDataOutputStreamBuilder<?, ?> builder = fs.createFile(path);
        builder.overwrite(false);
        builder.must("fs.option.create.conditional.overwrite", true);
        return (FSDataOutputStream) builder.build();
    }

    private static String describe(IOException e) {
        String message = String.valueOf(e.getMessage());
        int status = message.indexOf("Status Code: ");
        return e.getClass().getSimpleName() + (status < 0 ? "" : " (" + message.substring(status, status + 16) + ")");
    }
}
