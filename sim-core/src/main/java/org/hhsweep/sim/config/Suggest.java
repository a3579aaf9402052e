package org.hhsweep.sim.config;

import java.util.Collection;
import java.util.Locale;

/** The known name closest to a misspelt one (Levenshtein distance, ignoring case). */
public final class Suggest {
    private Suggest() {
    }

    /** The closest candidate, or null when none is close enough to be a plausible typo. */
    static String closest(String given, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String g = given.toLowerCase(Locale.ROOT);
        for (String c : candidates) {
            int d = distance(g, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        // A third of the name (at least 2 edits) still reads as a typo; beyond that it is a guess.
        int limit = Math.max(2, given.length() / 3);
        return bestDistance <= limit ? best : null;
    }

    /** " (did you mean 'x'?)" or "". */
    public static String hint(String given, Collection<String> candidates) {
        String c = closest(given, candidates);
        return c == null ? "" : " (did you mean '" + c + "'?)";
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(substitution, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
