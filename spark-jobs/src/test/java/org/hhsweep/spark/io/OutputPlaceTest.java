package org.hhsweep.spark.io;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Places no sweep writes to; only checked here, so nothing can be lost if a rule were wrong. */
class OutputPlaceTest {
    @TempDir
    Path tmp;

    private static String refusal(String location, Path config) {
        return assertThrows(OutputRefused.class, () -> OutputPlace.check(OutputDirectory.resolve(location), config))
                .getMessage();
    }

    @Test
    void theRootTheWorkingDirectoryAndItsAncestorsAreRefused() {
        assertTrue(refusal("/", null).contains("is the root directory"));
        assertTrue(refusal(".", null).contains("is the working directory"));
        Path cwd = Path.of("").toAbsolutePath();
        assertTrue(refusal(cwd.getParent().toString(), null).contains("holds the working directory"));
        assertTrue(refusal(cwd + "/sub/..", null).contains("is the working directory"));
        assertTrue(refusal("hdfs://namenode:8020/", null).contains("is the root of its file system"));
        assertDoesNotThrow(() -> OutputPlace.check(OutputDirectory.resolve("out/x"), null));
    }

    @Test
    void theHomeDirectoryAndTheConfigsDirectoryAreRefused() throws Exception {
        String home = System.getProperty("user.home");
        assertTrue(refusal(home, null).contains("is your home directory"), refusal(home, null));
        Path config = Files.writeString(Files.createDirectories(tmp.resolve("configs")).resolve("a.yaml"), "x");
        assertTrue(refusal(config.getParent().toString(), config).contains(
                "is the directory of the config file a.yaml"));
        assertTrue(refusal(tmp.toString(), config).contains("holds the directory of the config file a.yaml"));
        assertDoesNotThrow(() -> OutputPlace.check(OutputDirectory.resolve(tmp.resolve("out").toString()), config));
    }

    @Test
    void linksAreFollowedForTheCheckAndBrokenOrLoopingLinksAreRefused() throws Exception {
        Path config = Files.writeString(Files.createDirectories(tmp.resolve("configs")).resolve("a.yaml"), "x");
        Path toConfigs = Files.createSymbolicLink(tmp.resolve("to-configs"), tmp.resolve("configs"));
        assertTrue(refusal(toConfigs.toString(), config).contains("is the directory of the config file"));

        Path dangling = Files.createSymbolicLink(tmp.resolve("dangling"), tmp.resolve("nowhere"));
        String m = refusal(dangling.toString(), null);
        assertTrue(m.contains("is a symbolic link to " + tmp.resolve("nowhere") + ", which does not exist"), m);
        assertTrue(refusal(dangling.resolve("below").toString(), null).contains("which does not exist"));

        Path a = tmp.resolve("loop-a");
        Files.createSymbolicLink(a, tmp.resolve("loop-b"));
        Files.createSymbolicLink(tmp.resolve("loop-b"), a);
        assertTrue(refusal(a.toString(), null).contains("is a symbolic link that loops"), refusal(a.toString(), null));

        Path real = Files.createDirectories(tmp.resolve("real"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
        assertDoesNotThrow(() -> OutputPlace.check(OutputDirectory.resolve(link.toString()), config));
    }
}
