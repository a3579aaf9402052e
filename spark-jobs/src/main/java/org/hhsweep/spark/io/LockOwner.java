package org.hhsweep.spark.io;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who holds an output's lock: the process (pid, host) and when it took the lock, written into the
 * lock file as one line, {@code pid 4242 on node7 since 2026-11-25T21:14:25Z}, which a refused
 * sweep shows.
 */
public record LockOwner(long pid, String host, Instant since) {
    private static final Pattern LINE = Pattern.compile("pid (\\d{1,19}) on (\\S+) since (\\S+)");
    /** Host names that more than one machine may give, and so never prove the holder is here. */
    private static final Set<String> AMBIGUOUS_HOSTS = Set.of("localhost", "localhost.localdomain", "unknown");

    /** This process, now. */
    public static LockOwner current() {
        return new LockOwner(ProcessHandle.current().pid(), localHost(), Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    static String localHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return System.getenv().getOrDefault("HOSTNAME", "unknown");
        }
    }

    /** The owner a line names, or empty when the line is not one hhsweep writes. */
    public static Optional<LockOwner> parse(String line) {
        Matcher m = LINE.matcher(line.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LockOwner(Long.parseLong(m.group(1)), m.group(2), Instant.parse(m.group(3))));
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public String line() {
        return "pid " + pid + " on " + host + " since " + since;
    }

    /**
     * Whether this owner is a process of this machine that has ended: its pid is gone, or belongs
     * to a process started after the lock was taken (the pid was reused). False whenever that
     * cannot be known: another host, or a host name several machines may share.
     */
    public boolean endedHere() {
        if (AMBIGUOUS_HOSTS.contains(host.toLowerCase(java.util.Locale.ROOT)) || !host.equals(localHost())) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return true;
        }
        // since is cut to whole seconds, and a process's start time is known to a tick: allow 2 s.
        return process.get().info().startInstant().map(start -> start.isAfter(since.plusSeconds(2))).orElse(false);
    }
}
