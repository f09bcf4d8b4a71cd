package org.benchtarget.bench.run.report;

import org.benchtarget.bench.run.result.Results;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Each target of a run beside its own server's ceiling (issue 23): undertow-* over ceiling-undertow, jetty threads,
 * virtual and container over ceiling-jetty-servlet, jetty nio over ceiling-jetty, spring-* over ceiling-spring.
 * A target is compared only when that ceiling ran in the same run (same machine, same load); daemon mode has none.
 */
final class CeilingRatios {
    private final Map<String, String> ceilingOf = new HashMap<>();

    CeilingRatios(Results results) {
        var labelsByProfile = new HashMap<String, String>();
        for (var profile : results.profiles()) {
            if ("ceiling".equals(profile.knobs().get("mode"))) {
                labelsByProfile.putIfAbsent(profile.profile(), profile.label());
            }
        }
        for (var profile : results.profiles()) {
            var ceiling = labelsByProfile.get(ceilingProfile(profile.knobs()));
            if (ceiling != null) {
                ceilingOf.put(profile.label(), ceiling);
            }
        }
    }

    /** Returns the shipped ceiling profile a target with these knobs runs on, or null (a ceiling itself, daemon mode). */
    static String ceilingProfile(Map<String, String> knobs) {
        var mode = knobs.getOrDefault("mode", "in-process");
        if (mode.equals("ceiling") || mode.equals("daemon")) {
            return null;
        }
        return switch (knobs.getOrDefault("target", "")) {
            case "undertow" -> "ceiling-undertow";
            case "jetty" -> "nio".equals(knobs.get("workers")) ? "ceiling-jetty" : "ceiling-jetty-servlet";
            case "spring" -> "ceiling-spring";
            default -> null;
        };
    }

    boolean isEmpty() {
        return ceilingOf.isEmpty();
    }

    /** The label of the ceiling {@code profile} is compared with in this run, or null. */
    String ceilingOf(String profile) {
        return ceilingOf.get(profile);
    }

    /** "0.86x ceiling-undertow" for one profile x endpoint x level, or "" without a ceiling or its figure. */
    String cell(ReportTables tables, Aggregate target) {
        var ceiling = ceilingOf(target.profile());
        var base = ceiling == null ? null : tables.find(ceiling, target.endpoint(), target.level());
        if (base == null || base.throughput() <= 0) {
            return "";
        }
        return String.format(Locale.ROOT, "%.2fx %s", target.throughput() / base.throughput(), ceiling);
    }

    /** Per endpoint, levels x targets: each target's req/s over its ceiling's; none when no ceiling ran. */
    List<Table> tables(ReportTables tables) {
        if (isEmpty()) {
            return List.of();
        }
        var targets = tables.profiles().stream().filter(ceilingOf::containsKey).toList();
        var headers = new ArrayList<String>();
        headers.add(tables.levelName());
        headers.addAll(targets);
        var result = new ArrayList<Table>();
        for (var endpoint : tables.endpoints()) {
            var rows = new ArrayList<List<String>>();
            for (int level : tables.levels()) {
                var row = new ArrayList<String>();
                row.add(Integer.toString(level));
                for (var profile : targets) {
                    var found = tables.find(profile, endpoint, level);
                    row.add(found == null ? "" : cell(tables, found));
                }
                rows.add(row);
            }
            result.add(new Table(endpoint + ": req/s over the own server's ceiling",
                    "each target's median req/s over that of its server's bare ceiling in this run (1.00x: the app and adapter cost nothing)",
                    headers, rows));
        }
        return result;
    }
}
