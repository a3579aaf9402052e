package org.hhsweep.spark.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A command's arguments: positionals, --flags, and --options with a value (--out DIR or --out=DIR). */
final class Args {
    private final List<String> positional = new ArrayList<>();
    private final Map<String, String> options = new HashMap<>();

    private Args() {
    }

    static Args parse(List<String> args, Set<String> flags, Set<String> valued) {
        Args a = new Args();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.equals("--")) {
                a.positional.add(arg);
                continue;
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (flags.contains(name) && value == null) {
                a.options.put(name, "true");
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException(name + " needs a value");
                    }
                    value = args.get(++i);
                }
                a.options.put(name, value);
            } else {
                throw new UsageException("unknown option " + name);
            }
        }
        return a;
    }

    List<String> positional() {
        return positional;
    }

    /** Exactly n positionals, named in the message when missing or extra. */
    List<String> positional(String... names) {
        if (positional.size() != names.length) {
            throw new UsageException("expected " + String.join(" ", names) + ", got "
                    + (positional.isEmpty() ? "nothing" : String.join(" ", positional)));
        }
        return positional;
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }
}
