package org.hhsweep.spark.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output directory rules, on real directories, without Spark. */
class OutputDirectoryTest {
    private static final Configuration CONF = new Configuration();

    @TempDir
    Path tmp;

    private static org.apache.hadoop.fs.Path hadoop(Path p) {
        return OutputDirectory.resolve(p.toString());
    }

    @Test
    void plainPathsBecomeAbsoluteLocalUrisAndUrisAreKept() {
        org.apache.hadoop.fs.Path p = OutputDirectory.resolve("out/tutorial");
        assertEquals("file", p.toUri().getScheme());
        assertEquals(Path.of("out/tutorial").toAbsolutePath().normalize().toString(), p.toUri().getPath());
        assertEquals("hdfs://nn:8020/sweeps/a", OutputDirectory.resolve("hdfs://nn:8020/sweeps/a").toString());
        assertEquals("s3a://bucket/x", OutputDirectory.resolve("s3a://bucket/x").toString());
        assertEquals(Path.of("/tmp/a b").toString(), OutputDirectory.display(OutputDirectory.resolve("/tmp/a b")));
    }

    @Test
    void aRelativePathWithAColonIsALocalPath() {
        org.apache.hadoop.fs.Path p = OutputDirectory.resolve("run:1");
        assertEquals("file", p.toUri().getScheme());
        assertEquals(Path.of("run:1").toAbsolutePath().toString(), OutputDirectory.display(p));
        assertEquals(Path.of("run:1", "runs").toAbsolutePath().toString(),
                OutputDirectory.display(new org.apache.hadoop.fs.Path(p, "runs")));
    }

    @Test
    void anEmptyOrBlankPathIsRefusedRatherThanMeaningTheWorkingDirectory() {
        for (String blank : new String[] {"", " ", "\t"}) {
            OutputRefused e = assertThrows(OutputRefused.class, () -> OutputDirectory.resolve(blank));
            assertTrue(e.getMessage().startsWith("the output path is empty"), e.getMessage());
        }
    }

    @Test
    void missingOrEmptyDirectoriesAreFineAndAUsersDirectoryIsNeverReplaced() throws Exception {
        Path fresh = tmp.resolve("fresh");
        OutputDirectory.prepare(hadoop(fresh), CONF, false);
        assertTrue(Files.isDirectory(fresh));
        OutputDirectory.prepare(hadoop(fresh), CONF, false);
        Files.writeString(fresh.resolve(OutputLayout.LOCK), "pid 1");
        OutputDirectory.prepare(hadoop(fresh), CONF, false);

        Files.writeString(fresh.resolve("old.txt"), "old");
        OutputDirectory.ExistsException e = assertThrows(OutputDirectory.ExistsException.class,
                () -> OutputDirectory.prepare(hadoop(fresh), CONF, false));
        assertTrue(e.getMessage().contains("exists and is not empty"), e.getMessage());
        e = assertThrows(OutputDirectory.ExistsException.class, () -> OutputDirectory.prepare(hadoop(fresh), CONF, true));
        assertTrue(e.getMessage().contains("is not an hhsweep output"), e.getMessage());
        assertEquals("old", Files.readString(fresh.resolve("old.txt")));

        // A manifest of another program does not make the directory hhsweep's.
        Files.writeString(fresh.resolve(OutputLayout.MANIFEST), "{\"software\": {\"name\": \"other\"}}");
        assertThrows(OutputDirectory.ExistsException.class, () -> OutputDirectory.prepare(hadoop(fresh), CONF, true));
        assertTrue(Files.exists(fresh.resolve(OutputLayout.MANIFEST)));

        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        assertThrows(OutputDirectory.ExistsException.class, () -> OutputDirectory.prepare(hadoop(file), CONF, true));
    }

    @Test
    void overwriteRemovesOnlyWhatHhsweepWrote() throws Exception {
        Path out = hhsweepOutput(tmp.resolve("out"));
        Files.writeString(out.resolve("notes.txt"), "mine");
        Files.createDirectories(out.resolve("analysis"));
        Files.writeString(out.resolve("analysis").resolve("fit.py"), "mine too");
        Files.writeString(out.resolve(OutputLayout.REPORT_FIGURES).resolve("by-hand.png"), "an image of the user's");
        Files.createDirectories(out.resolve(OutputLayout.PLOTS));
        Files.write(out.resolve(OutputLayout.PLOTS).resolve("raster.png"), signedPng());

        OutputContents contents = OutputDirectory.check(hadoop(out), CONF, true);
        assertEquals(List.of("analysis", "notes.txt", "report/by-hand.png"), contents.foreign().stream().sorted()
                .toList());
        List<String> kept = OutputDirectory.prepare(hadoop(out), CONF, true);
        assertEquals(3, kept.size());

        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
        assertEquals("mine too", Files.readString(out.resolve("analysis").resolve("fit.py")));
        assertTrue(Files.exists(out.resolve(OutputLayout.REPORT_FIGURES).resolve("by-hand.png")));
        assertTrue(Files.exists(out.resolve(OutputLayout.LOCK)), "the lock file stays");
        for (String gone : new String[] {OutputLayout.MANIFEST, "runs", "summaries", OutputLayout.REPORT_PAGE,
                "report/traces.png", OutputLayout.PLOTS}) {
            assertFalse(Files.exists(out.resolve(gone)), gone);
        }
    }

    @Test
    void aUsersFileInsideATableOrALinkWhereASweepWritesIsInTheWay() throws Exception {
        Path out = hhsweepOutput(tmp.resolve("out"));
        Files.writeString(out.resolve("runs").resolve("notes.txt"), "mine");
        OutputDirectory.ExistsException e = assertThrows(OutputDirectory.ExistsException.class,
                () -> OutputDirectory.prepare(hadoop(out), CONF, true));
        assertTrue(e.getMessage().contains("runs/notes.txt is not a file hhsweep wrote"), e.getMessage());
        assertTrue(Files.exists(out.resolve("runs").resolve("part-000000.parquet")), "nothing removed");

        Path other = hhsweepOutput(tmp.resolve("other"));
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("part-000000.parquet"), "someone's data");
        Files.createSymbolicLink(other.resolve("spikes"), elsewhere);
        e = assertThrows(OutputDirectory.ExistsException.class, () -> OutputDirectory.prepare(hadoop(other), CONF, true));
        assertTrue(e.getMessage().contains("spikes is a symbolic link"), e.getMessage());
        assertEquals("someone's data", Files.readString(elsewhere.resolve("part-000000.parquet")));
    }

    @Test
    void signaturesAreRecognisedAndPlainImagesAreNot() throws Exception {
        assertTrue(Signature.carriedBy(signedPng()));
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", plain);
        assertTrue(Signature.isPng(plain.toByteArray()));
        assertFalse(Signature.carriedBy(plain.toByteArray()));
        assertFalse(Signature.carriedBy("<!DOCTYPE html><html>a page of the user's</html>".getBytes(
                StandardCharsets.UTF_8)));
        assertFalse(Signature.carriedBy(new byte[0]));
    }

    /** An output as a sweep, a report and a plot leave it (files with the names and signatures they write). */
    private static Path hhsweepOutput(Path out) throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve(OutputLayout.MANIFEST), "{\"format\": 1, \"software\": {\"name\": \"hhsweep\"}}");
        Files.writeString(out.resolve(OutputLayout.LOCK), "pid 1");
        for (String table : List.of("runs", "summaries")) {
            Files.createDirectories(out.resolve(table));
            Files.writeString(out.resolve(table).resolve("part-000000.parquet"), "PAR1");
        }
        Files.writeString(out.resolve(OutputLayout.REPORT_PAGE), "<!DOCTYPE html>\n<html><head>"
                + Signature.HTML_META + "</head></html>");
        Files.createDirectories(out.resolve(OutputLayout.REPORT_FIGURES));
        Files.write(out.resolve(OutputLayout.REPORT_FIGURES).resolve("traces.png"), signedPng());
        return out;
    }

    /** A PNG as the figure writer makes it. */
    private static byte[] signedPng() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        org.knowm.xchart.XYChart chart = new org.knowm.xchart.XYChart(40, 30);
        chart.addSeries("s", new double[] {0, 1}, new double[] {0, 1});
        org.hhsweep.spark.analysis.Figure.of(chart, 40, 30).write(bytes, org.hhsweep.spark.analysis.ImageFormat.PNG);
        return bytes.toByteArray();
    }
}
