package org.hhsweep.spark.yarn;

import java.io.IOException;
import java.net.Socket;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.net.NetUtils;
import org.apache.hadoop.yarn.conf.YarnConfiguration;

/**
 * Checks that the ResourceManager named by the YARN configuration accepts a connection before
 * Spark submits: YARN's client retries an unreachable ResourceManager for 15 minutes
 * (yarn.resourcemanager.connect.max-wait.ms) with nothing but log lines to show for it. With
 * ResourceManager HA, one reachable ResourceManager of yarn.resourcemanager.ha.rm-ids is enough.
 */
final class ResourceManagerProbe {
    /** How long each ResourceManager address may take to accept a connection. */
    static final int TIMEOUT_MILLIS = 5000;

    private ResourceManagerProbe() {
    }

    static void check(Configuration yarn) throws YarnSetupException {
        List<String> keys = new ArrayList<>();
        if (yarn.getBoolean(YarnConfiguration.RM_HA_ENABLED, YarnConfiguration.DEFAULT_RM_HA_ENABLED)) {
            for (String id : yarn.getTrimmedStringCollection(YarnConfiguration.RM_HA_IDS)) {
                keys.add(YarnConfiguration.RM_ADDRESS + "." + id);
            }
        }
        if (keys.isEmpty()) {
            keys.add(YarnConfiguration.RM_ADDRESS);
        }
        List<String> failures = new ArrayList<>();
        for (String key : keys) {
            String value = address(yarn, key);
            try (Socket s = new Socket()) {
                s.connect(NetUtils.createSocketAddr(value, YarnConfiguration.DEFAULT_RM_PORT, key), TIMEOUT_MILLIS);
                return;
            } catch (IOException | IllegalArgumentException e) {
                failures.add(key + " " + value + ": " + (e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getMessage()));
            }
        }
        URL site = yarn.getResource("yarn-site.xml");
        throw new YarnSetupException("cannot reach the YARN ResourceManager (" + String.join("; ", failures)
                + ", within " + TIMEOUT_MILLIS / 1000 + " s; from " + (site == null ? "no yarn-site.xml" : site.getPath())
                + "): is it running, and is HADOOP_CONF_DIR the cluster's client configuration?");
    }

    /** The address under {@code key}, for an HA id without one its host name with the default port. */
    private static String address(Configuration yarn, String key) {
        String value = yarn.getTrimmed(key);
        if (value != null) {
            return value;
        }
        String id = key.substring(YarnConfiguration.RM_ADDRESS.length());
        String host = yarn.getTrimmed(YarnConfiguration.RM_HOSTNAME + id, "0.0.0.0");
        return host + ":" + YarnConfiguration.DEFAULT_RM_PORT;
    }
}
