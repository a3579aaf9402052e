package org.hhsweep.sim.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hhsweep.sim.network.NetworkSpec;
import org.hhsweep.sim.sweep.RunTemplate;
import org.hhsweep.sim.units.Units;

/**
 * Checks that every run of a sweep passes {@link RunChecks}, without expanding the sweep. Only
 * fields in the same group constrain each other (the simulation's times with a network's numbers,
 * the stimulus fields), so
 * groups are checked apart: all combinations of their swept values when that is cheap, otherwise
 * every value against the smallest, smallest positive and largest values of the group's other
 * paths, which is where the rules (orderings and positivity) break first.
 */
final class SweptChecks {
    private static final long FULL_PRODUCT_LIMIT = 100_000;

    private SweptChecks() {
    }

    static void check(RunTemplate base, List<Swept> swept) {
        Map<String, List<Swept>> groups = new LinkedHashMap<>();
        for (Swept s : swept) {
            groups.computeIfAbsent(group(s.path()), g -> new ArrayList<>()).add(s);
        }
        for (List<Swept> group : groups.values()) {
            List<List<Swept.Value>> values = new ArrayList<>();
            long product = 1;
            for (Swept s : group) {
                List<Swept.Value> distinct = distinct(s.values());
                values.add(distinct);
                product = Math.min(Long.MAX_VALUE / 4, product * distinct.size());
            }
            if (product <= FULL_PRODUCT_LIMIT) {
                combinations(base, group, values);
            } else {
                List<List<Swept.Value>> extremes = values.stream().map(SweptChecks::extremes).toList();
                for (int p = 0; p < group.size(); p++) {
                    List<List<Swept.Value>> choice = new ArrayList<>(extremes);
                    choice.set(p, values.get(p));
                    combinations(base, group, choice);
                }
            }
        }
    }

    private static String group(String path) {
        // a network's numbers constrain each other (sizes and in-degrees) and the step (delays)
        if (path.startsWith(RunTemplate.SIMULATION) || path.startsWith(RunTemplate.NETWORK)) {
            return "simulation";
        }
        if (path.startsWith(RunTemplate.STIMULUS)) {
            return "stimulus";
        }
        return path;
    }

    private static List<Swept.Value> distinct(List<Swept.Value> values) {
        Set<Double> seen = new HashSet<>();
        List<Swept.Value> out = new ArrayList<>();
        for (Swept.Value v : values) {
            if (seen.add(v.value())) {
                out.add(v);
            }
        }
        return out;
    }

    private static List<Swept.Value> extremes(List<Swept.Value> values) {
        Comparator<Swept.Value> byValue = Comparator.comparingDouble(Swept.Value::value);
        List<Swept.Value> out = new ArrayList<>();
        out.add(values.stream().min(byValue).orElseThrow());
        values.stream().filter(v -> v.value() > 0).min(byValue).ifPresent(out::add);
        out.add(values.stream().max(byValue).orElseThrow());
        return distinct(out);
    }

    /** Every combination of one value per path (an odometer over the lists). */
    private static void combinations(RunTemplate base, List<Swept> group, List<List<Swept.Value>> values) {
        int n = group.size();
        int[] index = new int[n];
        while (true) {
            RunTemplate t = base;
            for (int p = 0; p < n; p++) {
                Swept.Value v = values.get(p).get(index[p]);
                try {
                    t = t.with(group.get(p).path(), v.value());
                } catch (NetworkSpec.Refused e) {
                    throw new ConfigException(v.field(), v.text(), e.getMessage());
                }
            }
            RunChecks.Problem problem = RunChecks.firstProblem(t);
            if (problem != null) {
                throw error(problem, group, values, index, t);
            }
            int p = n - 1;
            while (p >= 0 && ++index[p] == values.get(p).size()) {
                index[p] = 0;
                p--;
            }
            if (p < 0) {
                return;
            }
        }
    }

    private static ConfigException error(RunChecks.Problem problem, List<Swept> group,
                                         List<List<Swept.Value>> values, int[] index, RunTemplate t) {
        for (Map.Entry<String, String> e : problem.expectedByField().entrySet()) {
            for (int p = 0; p < group.size(); p++) {
                if (group.get(p).path().equals(e.getKey())) {
                    Swept.Value v = values.get(p).get(index[p]);
                    return new ConfigException(v.field(), v.text(), e.getValue());
                }
            }
        }
        // Cannot happen for a valid base run: a rule broken by unswept fields alone breaks there too.
        Map.Entry<String, String> first = problem.expectedByField().entrySet().iterator().next();
        return new ConfigException(first.getKey(),
                Units.format(RunChecks.value(t, first.getKey()), RunChecks.unit(t, first.getKey())), first.getValue());
    }
}
