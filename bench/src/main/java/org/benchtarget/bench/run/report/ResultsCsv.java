package org.benchtarget.bench.run.report;

import org.benchtarget.bench.run.result.Results;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** results.csv: one row per measurement, with every knob of its profile as a column. */
final class ResultsCsv {
    private ResultsCsv() {
    }

    static String render(Results results) {
        var knobs = new TreeSet<String>();
        results.measurements().forEach(m -> knobs.addAll(m.knobs().keySet()));
        var header = new ArrayList<>(List.of("experiment", "profile", "endpoint", "load", "level", "run", "driver", "requests",
                "seconds", "throughput", "p50_ms", "p90_ms", "p99_ms", "p999_ms", "max_ms", "mean_ms", "err_connect",
                "err_timeout", "err_reset", "err_non2xx", "err_other", "journeys", "journey_failures", "cpu_avg_pct",
                "cpu_max_pct", "rss_max_mib", "threads_max", "processes_max"));
        knobs.forEach(knob -> header.add("knob_" + knob));
        var text = new StringBuilder(String.join(",", header)).append('\n');
        for (var m : results.measurements()) {
            var l = m.latencyMs();
            var e = m.errors();
            var r = m.resources();
            var row = new ArrayList<>(List.of(results.experiment(), m.profile(), m.endpoint(), m.load(), m.level(), m.run(),
                    m.driver(), m.requests(), m.seconds(), m.throughput(), cell(l.p50()), cell(l.p90()), cell(l.p99()),
                    cell(l.p999()), cell(l.max()), cell(l.mean()), e.connect(), e.timeout(), e.reset(), e.non2xx(), e.other(),
                    m.journeys(), m.journeyFailures(), r.cpuAvgPercent(), r.cpuMaxPercent(), r.rssMaxMiB(), r.threadsMax(),
                    r.processesMax()));
            knobs.forEach(knob -> row.add(m.knobs().getOrDefault(knob, "")));
            text.append(String.join(",", row.stream().map(value -> quote(String.valueOf(value))).toList())).append('\n');
        }
        return text.toString();
    }

    private static Object cell(Double value) {
        return value == null ? "" : value;
    }

    private static String quote(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
