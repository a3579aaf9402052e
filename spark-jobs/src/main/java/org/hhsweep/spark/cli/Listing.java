package org.hhsweep.spark.cli;

import java.util.List;

/** A list of names for a one-line message: the first few, then how many more. */
final class Listing {
    static final int SHOWN = 5;

    private Listing() {
    }

    static String some(List<String> names) {
        String shown = String.join(", ", names.subList(0, Math.min(SHOWN, names.size())));
        return names.size() > SHOWN ? shown + " and " + (names.size() - SHOWN) + " more" : shown;
    }
}
