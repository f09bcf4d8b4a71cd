package org.benchtarget.bench.run.report;

import org.benchtarget.bench.run.result.Measurement;
import org.benchtarget.bench.run.result.Results;
import org.benchtarget.bench.run.result.Warmup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The tables of a report, shaped like the seed's: per endpoint a level x profile table of req/s
 * (seed 000), or one grid of endpoint x profile columns with req/s and ms/req rows (seed 003);
 * then setup, profiles, warm-up and the full detail.
 */
final class ReportTables {
    private final Results results;
    private final List<Aggregate> aggregates;
    private final List<String> profiles;
    private final List<String> endpoints;
    private final List<Integer> levels;
    private final String symbol;
    private final CeilingRatios ratios;

    ReportTables(Results results) {
        this.results = results;
        this.aggregates = Aggregate.of(results.measurements());
        this.profiles = results.profiles().stream().map(Results.ProfileInfo::label).toList();
        this.endpoints = List.copyOf(new LinkedHashSet<>(aggregates.stream().map(Aggregate::endpoint).toList()));
        this.levels = aggregates.stream().map(Aggregate::level).distinct().sorted().toList();
        this.symbol = aggregates.isEmpty() ? "c" : aggregates.get(0).load();
        this.ratios = new CeilingRatios(results);
    }

    /** The load's symbol: {@code c} (concurrency) or {@code r} (rate). */
    String symbol() {
        return symbol;
    }

    List<Aggregate> aggregates() {
        return aggregates;
    }

    List<String> endpoints() {
        return endpoints;
    }

    List<Integer> levels() {
        return levels;
    }

    List<String> profiles() {
        return profiles;
    }

    String levelName() {
        return symbol.equals("c") ? "concurrency" : "rate (req/s)";
    }

    /** The seed's tables, then each target over its own server's ceiling when a ceiling ran beside it. */
    List<Table> seedTables(boolean grid) {
        var tables = new ArrayList<>(grid ? List.of(grid()) : perEndpoint());
        tables.addAll(ratios.tables(this));
        return tables;
    }

    private List<Table> perEndpoint() {
        var tables = new ArrayList<Table>();
        int runs = aggregates.stream().mapToInt(Aggregate::runs).max().orElse(0);
        for (var endpoint : endpoints) {
            var headers = new ArrayList<String>();
            headers.add(levelName());
            headers.addAll(profiles);
            var rows = new ArrayList<List<String>>();
            var p99Rows = new ArrayList<List<String>>();
            for (int level : levels) {
                var row = new ArrayList<String>();
                var p99Row = new ArrayList<String>();
                row.add(Integer.toString(level));
                p99Row.add(Integer.toString(level));
                for (var profile : profiles) {
                    var found = find(profile, endpoint, level);
                    row.add(found == null ? "" : number(found.throughput()) + errorsNote(found));
                    p99Row.add(found == null ? "" : ms(found.p99()));
                }
                rows.add(row);
                p99Rows.add(p99Row);
            }
            tables.add(new Table(endpoint + ": requests per second", ofRuns(runs, "") + "; (n err) = failed requests over all runs; driver-bound = the load driver's core was saturated (the figure measures the client)",
                    headers, rows));
            tables.add(new Table(endpoint + ": p99 latency (ms)", ofRuns(runs, "the p99"), headers, p99Rows));
            if (endpoint.startsWith("journey:")) {
                tables.add(journeys(endpoint, headers, runs));
            }
        }
        return tables;
    }

    /** Seed 001's measures for a scripted journey: users who finished per second, and failures per 10,000. */
    private Table journeys(String endpoint, List<String> headers, int runs) {
        var rows = new ArrayList<List<String>>();
        for (int level : levels) {
            var row = new ArrayList<String>();
            row.add(Integer.toString(level));
            for (var profile : profiles) {
                var found = find(profile, endpoint, level);
                row.add(found == null ? "" : number(found.journeysPerSecond()) + "/s, " + found.journeys() + " done, "
                        + found.journeyFailures() + " failed (" + String.format(Locale.ROOT, "%.1f", found.journeyFailuresPer10k()) + " per 10,000)");
            }
            rows.add(row);
        }
        return new Table(endpoint + ": completed journeys", "journeys per second: " + ofRuns(runs, "")
                + "; done and failed: over all runs (a journey fails when any of its requests fails or answers unexpectedly); "
                + "seven-surveys: one journey is one user completing the seven surveys", headers, rows);
    }

    private Table grid() {
        var headers = new ArrayList<String>();
        headers.add(levelName());
        headers.add("");
        var columns = new ArrayList<String[]>();
        for (var endpoint : endpoints) {
            for (var profile : profiles) {
                headers.add(endpoint + " " + profile);
                columns.add(new String[]{profile, endpoint});
            }
        }
        var rows = new ArrayList<List<String>>();
        for (int level : levels) {
            var reqs = new ArrayList<>(List.of(symbol + "=" + level, "req/s"));
            var ms = new ArrayList<>(List.of("", "ms/req"));
            for (var column : columns) {
                var found = find(column[0], column[1], level);
                reqs.add(found == null ? "" : number(found.throughput()) + errorsNote(found));
                ms.add(found == null ? "" : String.format(Locale.ROOT, "%.2f", found.msPerRequest()));
            }
            rows.add(reqs);
            rows.add(ms);
        }
        return new Table("Requests per second and ms/req by " + levelName(),
                "as in the seed: ms/req is the mean time per request across all concurrent requests (1000 / req/s), "
                        + ofRuns(aggregates.stream().mapToInt(Aggregate::runs).max().orElse(0), "") + "; (n err) = failed requests",
                headers, rows);
    }

    /** "median of 3 runs" ("the p99: median of 3 runs"), or "1 run" when there was one: a quick run has no median. */
    private static String ofRuns(int runs, String what) {
        var of = runs == 1 ? "1 run" : "median of " + runs + " runs";
        return what.isEmpty() ? of : what + ": " + of;
    }

    Table setup() {
        var rows = new ArrayList<List<String>>();
        rows.add(List.of("experiment", results.experiment() + (results.quick() ? " --quick" : "")));
        rows.add(List.of("driver", results.driver()));
        results.settings().forEach((key, value) -> rows.add(List.of(key, value)));
        results.machine().forEach((key, value) -> rows.add(List.of("machine: " + key, value)));
        rows.add(List.of("started", results.started()));
        rows.add(List.of("finished", results.finished() + (results.interrupted() ? " (stopped by Ctrl-C: partial)" : "")));
        return new Table("Setup", "", List.of("what", "value"), rows);
    }

    Table profileKnobs() {
        var shown = List.of("target", "mode", "processes", "workers", "threads", "io-threads", "gzip", "cache", "wall.queries", "keepalive", "db", "db.pool");
        var headers = new ArrayList<String>();
        headers.add("profile");
        headers.add("entry");
        headers.addAll(shown);
        var rows = new ArrayList<List<String>>();
        for (var profile : results.profiles()) {
            var row = new ArrayList<String>();
            row.add(profile.label());
            row.add(profile.entry() == null ? profile.label() : profile.entry());
            for (var knob : shown) {
                row.add(profile.knobs().getOrDefault(knob, ""));
            }
            rows.add(row);
        }
        return new Table("Profiles", "by label: the experiment's entry (profile+knob=value) and its main knobs; "
                + "every knob of every profile is in results.json and results.csv", headers, rows);
    }

    Table warmups() {
        var grouped = new LinkedHashMap<String, List<Warmup>>();
        results.warmups().forEach(w -> grouped.computeIfAbsent(w.profile() + " " + w.endpoint(), k -> new ArrayList<>()).add(w));
        var rows = new ArrayList<List<String>>();
        for (Map.Entry<String, List<Warmup>> entry : grouped.entrySet()) {
            var list = entry.getValue();
            var first = list.get(0);
            rows.add(List.of(first.profile(), first.endpoint(), Integer.toString(list.size()),
                    number(list.stream().mapToLong(Warmup::requests).average().orElse(0)),
                    String.format(Locale.ROOT, "%.1f", list.stream().mapToDouble(Warmup::seconds).average().orElse(0)),
                    number(list.stream().mapToDouble(Warmup::finalThroughput).average().orElse(0)),
                    list.stream().filter(Warmup::levelledOff).count() + "/" + list.size(), steady(list)));
        }
        return new Table("Warm-up", "after each start of a target, before measuring: requests and seconds are the mean per warm-up; "
                + "steady after: seconds from the start of warm-up (the target just started) until req/s stayed within 5% of the "
                + "last round's, the slowest of the warm-ups (> the warm-up's length: it had not levelled off)",
                List.of("profile", "endpoint", "warm-ups", "requests", "seconds", "last round req/s", "levelled off", "steady after (s)"), rows);
    }

    /** The slowest warm-up's steady-state seconds; "> N" when one never levelled off; "–" for results without the figure. */
    static String steady(List<Warmup> warmups) {
        var unsettled = warmups.stream().filter(w -> !w.levelledOff()).mapToDouble(Warmup::seconds).max();
        if (unsettled.isPresent()) {
            return "> " + String.format(Locale.ROOT, "%.1f", unsettled.getAsDouble());
        }
        var steady = warmups.stream().map(Warmup::steadySeconds).filter(Objects::nonNull).mapToDouble(Double::doubleValue).max();
        return steady.isPresent() ? String.format(Locale.ROOT, "%.1f", steady.getAsDouble()) : "–";
    }

    /** Per profile: the RSS of its process tree at the end of its last measurement, and the most it reached. */
    Table memory() {
        var rows = new ArrayList<List<String>>();
        for (var profile : profiles) {
            var measured = results.measurements().stream().filter(m -> m.profile().equals(profile) && !m.resources().samples().isEmpty()).toList();
            if (measured.isEmpty()) {
                continue;
            }
            var lastSamples = measured.get(measured.size() - 1).resources().samples();
            rows.add(List.of(profile, String.format(Locale.ROOT, "%.0f", lastSamples.get(lastSamples.size() - 1).rssMiB()),
                    String.format(Locale.ROOT, "%.0f", measured.stream().mapToDouble(m -> m.resources().rssMaxMiB()).max().orElse(0))));
        }
        return new Table("Memory", "RSS of the target's whole process tree in MiB: at the last sample of its last measurement "
                + "(after the run's load), and the largest sample of any measurement", List.of("profile", "RSS after", "RSS max"), rows);
    }

    Table details() {
        boolean vsCeiling = !ratios.isEmpty();
        var rows = new ArrayList<List<String>>();
        for (var a : aggregates) {
            var e = a.errors();
            boolean sampled = a.threadsMax() > 0; // --target on another host: nothing to sample
            var row = new ArrayList<>(List.of(a.profile(), a.endpoint(), Integer.toString(a.level()), Integer.toString(a.runs()),
                    Long.toString(a.requests()), number(a.throughput()), number(a.throughputMin()) + "–" + number(a.throughputMax()),
                    ms(a.p50()), ms(a.p90()), ms(a.p99()), ms(a.p999()), ms(a.max()),
                    e.connect() + "/" + e.timeout() + "/" + e.reset() + "/" + e.non2xx() + "/" + e.other(),
                    sampled ? String.format(Locale.ROOT, "%.0f", a.cpuAvg()) : "–", sampled ? microseconds(a.cpuMicrosPerRequest()) : "–",
                    sampled ? String.format(Locale.ROOT, "%.0f", a.rssMax()) : "–", sampled ? Integer.toString(a.threadsMax()) : "–",
                    String.format(Locale.ROOT, "%.0f", a.driverCpu()) + (a.driverBound() ? " driver-bound" : "")));
            if (vsCeiling) {
                row.add(ratios.cell(this, a));
            }
            rows.add(row);
        }
        var headers = new ArrayList<>(List.of("profile", "endpoint", symbol, "runs", "requests", "req/s", "range", "p50", "p90", "p99",
                "p99.9", "max", "errors", "CPU %", "CPU µs/req", "RSS MiB", "threads", "driver CPU %"));
        if (vsCeiling) {
            headers.add("vs ceiling");
        }
        return new Table("All measurements", "latency percentiles in ms (medians of the runs; max is the largest seen); "
                + "errors = connect/timeout/reset/non-2xx/other over all runs; CPU in % of one core (median of the runs' averages), "
                + "CPU µs/req: CPU time per answered request (CPU % x 10,000 / req/s), RSS and threads: the target's whole process "
                + "tree (– where it was not on this machine); driver CPU %: the load driver's own, driver-bound when its core was saturated"
                + (vsCeiling ? "; vs ceiling: req/s over that of the target's own server's ceiling in this run" : ""), headers, rows);
    }

    /** Open-loop latency against ground truth (true, corrected and raw percentiles), or null when no driver kept raw times. */
    Table latencyTruth() {
        return LatencyTruth.of(results.measurements());
    }

    /**
     * What the daemon's hop costs: each daemon profile's CPU per request (its whole process tree: front, backends, the
     * shared H2) beside an in-process profile's at the same endpoint and level in this run (the one running the
     * daemon's backend target, else the first). Null when the run has no such pair or nothing was sampled.
     */
    Table hopCost() {
        var modes = new LinkedHashMap<String, Map<String, String>>();
        results.profiles().forEach(profile -> modes.put(profile.label(), profile.knobs()));
        var rows = new ArrayList<List<String>>();
        for (var daemon : aggregates) {
            var knobs = modes.getOrDefault(daemon.profile(), Map.of());
            if (!"daemon".equals(knobs.get("mode")) || daemon.threadsMax() == 0) {
                continue;
            }
            aggregates.stream()
                    .filter(a -> a.endpoint().equals(daemon.endpoint()) && a.level() == daemon.level() && a.threadsMax() > 0
                            && "in-process".equals(modes.getOrDefault(a.profile(), Map.of()).get("mode")))
                    .min((x, y) -> Boolean.compare(!sameTarget(modes, x, knobs), !sameTarget(modes, y, knobs)))
                    .ifPresent(inProcess -> {
                        double x = inProcess.cpuMicrosPerRequest();
                        double y = daemon.cpuMicrosPerRequest() - x;
                        rows.add(List.of(daemon.profile(), daemon.endpoint(), Integer.toString(daemon.level()), inProcess.profile(),
                                "in-process " + microseconds(x) + " µs, daemon " + microseconds(x) + (y < 0 ? "" : "+") + microseconds(y)
                                        + " µs", String.format(Locale.ROOT, "%.2fx", x > 0 ? daemon.cpuMicrosPerRequest() / x : 0)));
                    });
        }
        return rows.isEmpty() ? null : new Table("Daemon hop cost", "CPU microseconds per request of the whole process tree (from /proc), "
                + "the daemon profile beside an in-process one at the same endpoint and level, in this run: X is what the app costs "
                + "in-process, Y what the front and the hop add", List.of("daemon profile", "endpoint", symbol, "in-process profile",
                "CPU per request", "ratio"), rows);
    }

    private static boolean sameTarget(Map<String, Map<String, String>> modes, Aggregate inProcess, Map<String, String> daemonKnobs) {
        return modes.getOrDefault(inProcess.profile(), Map.of()).getOrDefault("target", "").equals(daemonKnobs.get("backend"));
    }

    private static String microseconds(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }

    /** bench merge: each load host's own figures beside the merged ones (whose percentiles come from the added histograms). */
    Table perLoadHost() {
        var rows = new ArrayList<List<String>>();
        for (var merged : results.measurements()) {
            for (var host : results.loadHosts()) {
                host.measurements().stream().filter(m -> m.key().equals(merged.key())).forEach(m -> rows.add(perHostRow(host.name(), m)));
            }
            rows.add(perHostRow("all (merged)", merged));
        }
        return new Table("Per load host", "the load hosts ran at the same time; merged: requests, errors and req/s added, "
                + "percentiles from the sum of their HdrHistograms (not averaged)",
                List.of("profile", "endpoint", symbol, "run", "load host", "requests", "req/s", "errors", "p50", "p99", "p99.9", "max"), rows);
    }

    private static List<String> perHostRow(String host, Measurement m) {
        return List.of(m.profile(), m.endpoint(), Integer.toString(m.level()), Integer.toString(m.run()), host,
                Long.toString(m.requests()), number(m.throughput()), Long.toString(m.errors().total()),
                ms(m.latencyMs().p50()), ms(m.latencyMs().p99()), ms(m.latencyMs().p999()), ms(m.latencyMs().max()));
    }

    Aggregate find(String profile, String endpoint, int level) {
        for (var a : aggregates) {
            if (a.profile().equals(profile) && a.endpoint().equals(endpoint) && a.level() == level) {
                return a;
            }
        }
        return null;
    }

    /** The notes of a figure: failed requests, and driver-bound when the load driver's core was saturated in any run. */
    static String errorsNote(Aggregate a) {
        long failed = a.errors().total();
        return (failed == 0 ? "" : " (" + failed + " err)") + (a.driverBound() ? " driver-bound" : "");
    }

    static String number(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    static String ms(Double value) {
        if (value == null) {
            return "–";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
