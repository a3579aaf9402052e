package org.hhsweep.spark.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The software version and git commit, embedded when the project was built. */
public record BuildInfo(String version, String gitCommit) {
    private static final String RESOURCE = "/org/hhsweep/spark/build.properties";
    private static BuildInfo instance;

    public static synchronized BuildInfo get() {
        if (instance == null) {
            Properties p = new Properties();
            try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            instance = new BuildInfo(p.getProperty("version", "unknown"), p.getProperty("git.commit", "unknown"));
        }
        return instance;
    }
}
