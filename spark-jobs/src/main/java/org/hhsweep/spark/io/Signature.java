package org.hhsweep.spark.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The mark every file written for people (figures, the report page) carries, so that a later
 * command can tell its own earlier files from a user's: only a file bearing it is ever replaced or
 * removed without being asked. PNG: a tEXt chunk {@code Software: hhsweep}; SVG: a comment after
 * the root element; HTML: a {@code generator} meta element.
 */
public final class Signature {
    public static final String PNG_KEYWORD = "Software";
    public static final String PNG_TEXT = "hhsweep";
    public static final String SVG_COMMENT = "<!-- written by hhsweep -->";
    public static final String HTML_META = "<meta name=\"generator\" content=\"hhsweep\">";

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** Figures and pages are far smaller; a larger file is not ours and is not read whole. */
    public static final long MAX_BYTES = 64L << 20;

    private Signature() {
    }

    /** Whether a regular file carries the mark (read whole: figures and pages are small). */
    public static boolean carriedBy(Path file, Configuration conf) throws IOException {
        FileSystem fs = file.getFileSystem(conf);
        FileStatus status = fs.getFileStatus(file);
        if (!status.isFile() || status.getLen() > MAX_BYTES) {
            return false;
        }
        try (InputStream in = fs.open(file)) {
            return carriedBy(in.readAllBytes());
        }
    }

    /** Whether a file's bytes carry the mark, as a PNG, an SVG or an HTML page. */
    public static boolean carriedBy(byte[] content) {
        return isMarkedPng(content) || endsWithSvgMark(content) || hasHtmlMark(content);
    }

    public static boolean isPng(byte[] content) {
        return content.length >= PNG_MAGIC.length && Arrays.equals(content, 0, PNG_MAGIC.length, PNG_MAGIC, 0,
                PNG_MAGIC.length);
    }

    /** Walks the PNG's chunks up to IEND looking for the tEXt chunk the figure writer adds. */
    private static boolean isMarkedPng(byte[] c) {
        if (!isPng(c)) {
            return false;
        }
        byte[] wanted = (PNG_KEYWORD + "\0" + PNG_TEXT).getBytes(StandardCharsets.ISO_8859_1);
        int at = PNG_MAGIC.length;
        while (at + 8 <= c.length) {
            long length = ((c[at] & 0xffL) << 24) | ((c[at + 1] & 0xff) << 16) | ((c[at + 2] & 0xff) << 8)
                    | (c[at + 3] & 0xff);
            String type = new String(c, at + 4, 4, StandardCharsets.ISO_8859_1);
            int data = at + 8;
            if (length > c.length - data) {
                return false;
            }
            if (type.equals("tEXt") && length == wanted.length
                    && Arrays.equals(c, data, data + wanted.length, wanted, 0, wanted.length)) {
                return true;
            }
            if (type.equals("IEND")) {
                return false;
            }
            at = data + (int) length + 4;
        }
        return false;
    }

    private static boolean endsWithSvgMark(byte[] c) {
        String tail = new String(c, Math.max(0, c.length - 256), Math.min(256, c.length), StandardCharsets.UTF_8)
                .strip();
        return tail.endsWith(SVG_COMMENT) && new String(c, 0, Math.min(c.length, 512), StandardCharsets.UTF_8)
                .contains("<svg");
    }

    private static boolean hasHtmlMark(byte[] c) {
        String head = new String(c, 0, Math.min(c.length, 1024), StandardCharsets.UTF_8);
        return head.startsWith("<!DOCTYPE html>") && head.contains(HTML_META);
    }
}
