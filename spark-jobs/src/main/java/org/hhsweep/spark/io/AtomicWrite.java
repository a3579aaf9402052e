package org.hhsweep.spark.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.DistributedFileSystem;

/**
 * Replaces a small file so that a reader sees either the old content or the new, never a part:
 * written to a hidden temporary file beside it, flushed, then renamed over it. Atomic on local
 * file systems (rename(2)) and on HDFS (the NameNode's rename with OVERWRITE replaces the target in
 * one step). Other file systems (object stores: s3a://, gs://, abfs://) have no rename that
 * replaces: there the old file is deleted just before the rename, so a reader may briefly find no
 * file at all, though never a partial one.
 */
public final class AtomicWrite {
    static final String TEMPORARY_SUFFIX = ".tmp";

    private AtomicWrite() {
    }

    public static void replace(Path target, byte[] content, Configuration conf) throws IOException {
        java.nio.file.Path local = OutputLock.local(target);
        String temporaryName = "." + target.getName() + "." + UUID.randomUUID() + TEMPORARY_SUFFIX;
        if (local != null) {
            java.nio.file.Path temporary = local.resolveSibling(temporaryName);
            try {
                Files.write(temporary, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        StandardOpenOption.SYNC);
                Files.move(temporary, local, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
            return;
        }
        Path temporary = new Path(target.getParent(), temporaryName);
        FileSystem fs = target.getFileSystem(conf);
        try {
            try (OutputStream out = fs.create(temporary, false)) {
                out.write(content);
            }
            if (fs instanceof DistributedFileSystem hdfs) {
                hdfs.rename(temporary, target, Options.Rename.OVERWRITE);
                return;
            }
            if (fs.exists(target)) {
                fs.delete(target, false);
            }
            if (!fs.rename(temporary, target)) {
                throw new IOException("could not rename " + temporary + " to " + target);
            }
        } finally {
            if (fs.exists(temporary)) {
                fs.delete(temporary, false);
            }
        }
    }
}
