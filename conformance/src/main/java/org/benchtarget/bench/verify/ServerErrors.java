package org.benchtarget.bench.verify;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import static org.benchtarget.bench.verify.Check.expect;

/**
 * The 5xx answers a target has counted in {@code /metrics} ({@code http_server_requests_seconds_count}
 * by status), per process: in daemon mode each {@code /metrics} is one backend's, named by
 * {@code X-Backend}, so several scrapes collect them all. Not thread-safe.
 */
final class ServerErrors {
    private static final Pattern SERIES = Pattern.compile("^http_server_requests_seconds_count\\{[^}]*status=\"5\\d\\d\"[^}]*} ([0-9.eE+]+)$",
            Pattern.MULTILINE);
    private static final int SCRAPES = 8;

    private final HttpProbe http;
    private Map<String, Double> baseline;

    ServerErrors(HttpProbe http) {
        this.http = http;
    }

    /** Returns 5xx answers counted so far, by process ("" for a single process). */
    Map<String, Double> counts() throws Exception {
        var counts = new HashMap<String, Double>();
        for (int i = 0; i < SCRAPES; i++) {
            var metrics = http.get("/metrics");
            expect(metrics.status() == 200, "/metrics answered %d", metrics.status());
            double total = 0;
            var matcher = SERIES.matcher(metrics.text());
            while (matcher.find()) {
                total += Double.parseDouble(matcher.group(1));
            }
            var backend = metrics.header("x-backend");
            counts.put(backend == null ? "" : backend, total);
            if (backend == null) {
                break;
            }
        }
        return counts;
    }

    void remember() throws Exception {
        baseline = counts();
    }

    /** Fails if any process counted a 5xx since {@link #remember}. */
    void expectNoneSince(String during) throws Exception {
        expect(baseline != null, "no baseline of 5xx counts");
        counts().forEach((process, count) -> {
            if (!baseline.containsKey(process)) {
                return; // a process the baseline did not reach: its earlier count is unknown
            }
            double before = baseline.get(process);
            expect(count <= before, "%s: %s counted %.0f more 5xx answers in /metrics", during, process.isEmpty() ? "the target" : process, count - before);
        });
    }
}
