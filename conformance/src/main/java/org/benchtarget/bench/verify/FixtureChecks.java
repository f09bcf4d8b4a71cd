package org.benchtarget.bench.verify;

import java.util.List;
import java.util.regex.Pattern;

import static org.benchtarget.bench.verify.Check.expect;

/**
 * The fixture features every target shares: the mode manifest, Server-Timing, readiness, run
 * windows and (when the target obeys them) injected faults. Adapts to the knobs /info shows.
 */
final class FixtureChecks {
    private static final Pattern TIMING = Pattern.compile("(queue;dur=\\d+\\.\\d{3}, )?app;dur=\\d+\\.\\d{3}(, db;dur=\\d+\\.\\d{3})?");

    private final HttpProbe http;

    FixtureChecks(HttpProbe http) {
        this.http = http;
    }

    List<Check> checks() {
        return List.of(
                new Check("manifest: X-Bench-Mode names target, workers and db on every response (manifest=on)", this::manifest),
                new Check("Server-Timing: app (and queue, db) durations on every response (server-timing=on)", this::serverTiming),
                new Check("ready: /ready answers JSON, 200 once warmed up or 503 with Retry-After", this::ready),
                new Check("run window: POST opens, DELETE closes with counts; wrong order is 409", this::window),
                new Check("injection: X-Fail obeyed only when inject.headers=on; a malformed one is 400", this::injection));
    }

    private String knob(String json, String name) {
        var matcher = Pattern.compile("\"" + Pattern.quote(name) + "\" : \"([^\"]*)\"").matcher(json);
        expect(matcher.find(), "/info has no knob %s", name);
        return matcher.group(1);
    }

    private String info() throws Exception {
        return http.get("/info").text();
    }

    /**
     * Every answer, static files too (a daemon's front serves those itself), names the mode: daemon when the
     * target is a daemon's front (it answers /backends), whatever its backends run.
     */
    private void manifest() throws Exception {
        var info = info();
        boolean on = knob(info, "manifest").equals("on");
        var expectedMode = http.get("/backends").status() == 200 ? "daemon" : knob(info, "mode");
        for (var path : List.of("/hello", "/db", "/nope", "/hello.txt", "/static/site.css")) {
            var mode = http.get(path).header("x-bench-mode");
            if (!on) {
                expect(mode == null, "manifest=off but %s has X-Bench-Mode", path);
                continue;
            }
            expect(mode != null, "%s: no X-Bench-Mode", path);
            expect(mode.startsWith(knob(info, "target") + ","), "%s: X-Bench-Mode %s does not start with the target", path, mode);
            expect(mode.contains("workers=" + knob(info, "workers")) && mode.contains("db=" + knob(info, "db")), "%s: X-Bench-Mode %s", path, mode);
            expect(mode.startsWith(knob(info, "target") + "," + expectedMode + ","), "%s: X-Bench-Mode %s does not say %s", path, mode, expectedMode);
        }
    }

    private void serverTiming() throws Exception {
        boolean on = knob(info(), "server-timing").equals("on");
        var hello = http.get("/hello").header("server-timing");
        var db = http.get("/db").header("server-timing");
        var file = http.get("/hello.txt").header("server-timing");
        if (!on) {
            expect(hello == null && db == null && file == null, "server-timing=off but Server-Timing sent");
            return;
        }
        expect(file != null && TIMING.matcher(file).matches(), "/hello.txt: Server-Timing %s", file);
        expect(hello != null && TIMING.matcher(hello).matches(), "/hello: Server-Timing %s", hello);
        expect(db != null && TIMING.matcher(db).matches() && db.contains("db;dur="), "/db: Server-Timing %s", db);
    }

    private void ready() throws Exception {
        var response = http.get("/ready");
        expect(response.status() == 200 || response.status() == 503, "status %d", response.status());
        expect(response.text().startsWith("{\"ready\":" + (response.status() == 200)), "body %s", response.text());
        expect(response.status() == 200 || response.header("retry-after") != null, "503 without Retry-After");
    }

    private void window() throws Exception {
        var open = http.send("POST", "/bench/window");
        if (open.status() == 403) {
            expect(open.text().contains("window.token"), "403 without saying why: %s", open.text());
            return; // listening beyond loopback without a token: refused, as it should be
        }
        expect(open.status() == 201, "POST /bench/window: status %d %s", open.status(), open.text());
        expect(http.send("POST", "/bench/window").status() == 409, "a second POST was not 409");
        for (int i = 0; i < 3; i++) {
            http.get("/hello");
        }
        var close = http.send("DELETE", "/bench/window");
        expect(close.status() == 200, "DELETE /bench/window: status %d", close.status());
        var summary = close.text();
        for (var field : List.of("\"requests\"", "\"hello 200\" : ", "\"processCpuSeconds\"", "\"gcPauses\"", "\"allocatedBytes\"", "\"arrivalsPerSecond\"")) {
            expect(summary.contains(field), "no %s in %s", field, summary);
        }
        expect(http.send("DELETE", "/bench/window").status() == 409, "a second DELETE was not 409");
    }

    private void injection() throws Exception {
        boolean on = knob(info(), "inject.headers").equals("on");
        var failed = http.get("/hello", "X-Fail", "503@1");
        if (!on) {
            expect(failed.status() == 200, "inject.headers=off but X-Fail answered %d", failed.status());
            return;
        }
        expect(failed.status() == 503 && failed.header("x-injected") != null, "X-Fail: 503@1 answered %d", failed.status());
        var malformed = http.get("/hello", "X-Delay", "soon");
        expect(malformed.status() == 400 && malformed.header("x-injected") == null, "malformed X-Delay answered %d", malformed.status());
        var absurd = http.get("/hello", "X-Delay", "3600s");
        expect(absurd.status() == 400, "X-Delay 3600s answered %d", absurd.status());
    }
}
