package org.hhsweep.spark.io;

/**
 * The names of everything hhsweep writes into an output directory: the one list that decides
 * what a later command may replace or remove there (see {@link OutputContents}). Anything else in
 * an output directory is the user's and is never touched.
 */
public final class OutputLayout {
    /** The sweep's manifest; its {@code software.name} is {@link #SOFTWARE}. */
    public static final String MANIFEST = "manifest.json";
    /**
     * The lock file of {@link OutputLock}; on a local path it stays when released, elsewhere it is
     * deleted ({@link HeartbeatLock}).
     */
    public static final String LOCK = ".lock";
    /** The report command's page and the directory of its figures. */
    public static final String REPORT_PAGE = "report.html";
    public static final String REPORT_FIGURES = "report";
    /** Where the plot command puts a figure when not told otherwise. */
    public static final String PLOTS = "plots";
    /** The manifest's software.name: an output holding such a manifest is hhsweep's. */
    public static final String SOFTWARE = "hhsweep";
    /** Prefix of the probe file written and deleted at once to check an output can be written. */
    public static final String WRITE_PROBE_PREFIX = ".hhsweep-write-test-";

    private OutputLayout() {
    }

    /** Where {@link HeartbeatLock} moves a stale lock while taking it over; deleted at once. */
    static String lockAside(String id) {
        return LOCK + ".stale-" + id;
    }

    static boolean isLockAside(String fileName) {
        return fileName.startsWith(LOCK + ".stale-");
    }

    /** Temporary files of {@link AtomicWrite} beside a file named {@code name}. */
    static boolean isAtomicWriteTemporary(String fileName, String name) {
        return fileName.startsWith("." + name + ".") && fileName.endsWith(AtomicWrite.TEMPORARY_SUFFIX);
    }
}
