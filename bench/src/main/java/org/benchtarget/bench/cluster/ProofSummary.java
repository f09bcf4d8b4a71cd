package org.benchtarget.bench.cluster;

import org.benchtarget.bench.run.result.Measurement;
import org.benchtarget.bench.run.result.Results;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** summary.md of a {@code bench cluster run}, and the checks that did not hold. Not thread-safe. */
final class ProofSummary {
    private final StringBuilder text = new StringBuilder();
    private final List<String> failures = new ArrayList<>();

    ProofSummary append(Object part) {
        text.append(part);
        return this;
    }

    void fail(String why) {
        failures.add(why);
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    String text() {
        return text.toString();
    }

    /** A merged run as a table: each load host's line, then the merged one, per measurement. */
    void merged(String title, Results merged, Path report) {
        text.append("## ").append(title).append("\n\nReport: ").append(report)
                .append(" (per load host and merged; latency percentiles from the added HdrHistograms)\n\n")
                .append("| measurement | load host | requests | errors | req/s | p50 ms | p99 ms |\n|---|---|---|---|---|---|---|\n");
        for (var m : merged.measurements()) {
            for (var host : merged.loadHosts()) {
                host.measurements().stream().filter(own -> own.key().equals(m.key())).forEach(own -> row(m.key(), host.name(), own));
            }
            row(m.key(), "**merged**", m);
        }
        text.append('\n');
    }

    private void row(String key, String host, Measurement m) {
        text.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %.1f | %s | %s |%n", key, host, m.requests(), m.errors().total(),
                m.throughput(), ms(m.latencyMs().p50()), ms(m.latencyMs().p99())));
    }

    static String ms(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.2f", value);
    }
}
