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
 * When ceiling-nginx ran too, every other profile is also put over nginx, the reference beside every server.
 */
final class CeilingRatios {
    private final Map<String, String> ceilingOf = new HashMap<>();
    /** The label ceiling-nginx ran under in this run, or null. */
    private final String nginx;

    CeilingRatios(Results results) {
        var labelsByProfile = new HashMap<String, String>();
        String nginxLabel = null;
        for (var profile : results.profiles()) {
            if ("ceiling".equals(profile.knobs().get("mode"))) {
                labelsByProfile.putIfAbsent(profile.profile(), profile.label());
                if ("nginx".equals(profile.knobs().get("target")) && nginxLabel == null) {
                    nginxLabel = profile.label();
                }
            }
        }
        this.nginx = nginxLabel;
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
        return ceilingOf.isEmpty() && nginx == null;
    }

    /** The label of the ceiling {@code profile} is compared with in this run, or null. */
    String ceilingOf(String profile) {
        return ceilingOf.get(profile);
    }

    /**
     * "0.86x ceiling-undertow, 0.71x nginx" for one profile x endpoint x level: over its own ceiling and over nginx,
     * each where it ran with a figure; "" when neither did.
     */
    String cell(ReportTables tables, Aggregate target) {
        var parts = new ArrayList<String>();
        var own = ratio(tables, target, ceilingOf(target.profile()));
        if (own != null) {
            parts.add(own);
        }
        var overNginx = target.profile().equals(nginx) ? null : ratio(tables, target, nginx);
        if (overNginx != null) {
            parts.add(overNginx);
        }
        return String.join(", ", parts);
    }

    /** "0.86x LABEL": target's req/s over that of the profile {@code base} at the same endpoint and level, or null. */
    private static String ratio(ReportTables tables, Aggregate target, String base) {
        var found = base == null ? null : tables.find(base, target.endpoint(), target.level());
        if (found == null || found.throughput() <= 0) {
            return null;
        }
        return String.format(Locale.ROOT, "%.2fx %s", target.throughput() / found.throughput(), base);
    }

    /**
     * Per endpoint, levels x targets: each target's req/s over its ceiling's (when a ceiling ran), then every profile's
     * over nginx's (when ceiling-nginx ran and served the endpoint).
     */
    List<Table> tables(ReportTables tables) {
        var result = new ArrayList<Table>();
        var targets = tables.profiles().stream().filter(ceilingOf::containsKey).toList();
        var overNginx = tables.profiles().stream().filter(profile -> nginx != null && !profile.equals(nginx)).toList();
        for (var endpoint : tables.endpoints()) {
            if (!targets.isEmpty()) {
                result.add(new Table(endpoint + ": req/s over the own server's ceiling",
                        "each target's median req/s over that of its server's bare ceiling in this run (1.00x: the app and adapter cost nothing)",
                        headers(tables, targets), rows(tables, endpoint, targets, profile -> ceilingOf(profile))));
            }
            if (!overNginx.isEmpty() && tables.levels().stream().anyMatch(level -> tables.find(nginx, endpoint, level) != null)) {
                result.add(new Table(endpoint + ": req/s over nginx's",
                        "each profile's median req/s over that of nginx (ceiling-nginx: a fixed answer, no app) at the same level in this run",
                        headers(tables, overNginx), rows(tables, endpoint, overNginx, profile -> nginx)));
            }
        }
        return result;
    }

    private static List<String> headers(ReportTables tables, List<String> profiles) {
        var headers = new ArrayList<String>();
        headers.add(tables.levelName());
        headers.addAll(profiles);
        return headers;
    }

    private static List<List<String>> rows(ReportTables tables, String endpoint, List<String> profiles,
                                           java.util.function.UnaryOperator<String> baseOf) {
        var rows = new ArrayList<List<String>>();
        for (int level : tables.levels()) {
            var row = new ArrayList<String>();
            row.add(Integer.toString(level));
            for (var profile : profiles) {
                var found = tables.find(profile, endpoint, level);
                var cell = found == null ? null : ratio(tables, found, baseOf.apply(profile));
                row.add(cell == null ? "" : cell);
            }
            rows.add(row);
        }
        return rows;
    }
}
