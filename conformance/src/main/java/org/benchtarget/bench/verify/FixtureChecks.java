package org.benchtarget.bench.verify;

import java.time.Duration;
import java.util.HashSet;
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
                new Check("injection: X-Fail obeyed only when inject.headers=on; a malformed one is 400", this::injection),
                new Check("status: /status/{code} answers it, one line or body=N bytes, 204/304 empty; bad code or N 400", this::status),
                new Check("health toggle: POST /bench/health/down 503s /health and /ready, not /hello; up restores (per process)", this::healthToggle),
                new Check("served-by: X-Served-By target/instance/index on every response when served-by=on, none when off", this::servedBy),
                new Check("delay: /delay/{spec} waits a draw of each distribution, says it in the body and Server-Timing; bad spec 400", this::delay),
                new Check("stream: /stream/{n} sends n chunks of size bytes, chunked; n, size, interval out of bounds 400", this::stream),
                new Check("events: /events sends n server-sent events with ids, continues after Last-Event-ID; bad input 400", this::events),
                new Check("no queries: X-Query-Count: 0 on /status, /delay, /stream and /events", this::noQueries),
                new Check("hang-ups: 50 clients leaving mid-delay or mid-stream leave no pending answer or timer (bench_fixture_pending)", this::hangUps));
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

    private void status() throws Exception {
        for (int code : new int[] {200, 201, 301, 404, 418, 429, 500, 503, 599}) {
            var response = http.get("/status/" + code);
            expect(response.status() == code, "/status/%d answered %d", code, response.status());
            expect(response.text().equals(code + " status\n"), "/status/%d: body %s", code, response.text());
        }
        for (int code : new int[] {204, 304}) {
            var response = http.get("/status/" + code);
            expect(response.status() == code && response.body().length == 0, "/status/%d: %d with %d bytes", code, response.status(), response.body().length);
        }
        for (int size : new int[] {0, 1, 100_000}) {
            var response = http.get("/status/202?body=" + size);
            expect(response.status() == 202 && response.body().length == size, "/status/202?body=%d: %d with %d bytes", size,
                    response.status(), response.body().length);
        }
        for (var bad : List.of("/status/100", "/status/199", "/status/600", "/status/abc", "/status/2000", "/status/200?body=-1",
                "/status/200?body=1048577", "/status/200?body=x", "/status/204?body=1", "/status/200?size=1")) {
            var response = http.get(bad);
            expect(response.status() == 400, "%s answered %d", bad, response.status());
            expect(response.text().lines().count() == 1, "%s: not one line: %s", bad, response.text());
        }
    }

    /** Per process: through a daemon's front (it answers /backends) a toggle would reach one backend, so not there. */
    private void healthToggle() throws Exception {
        if (http.get("/backends").status() == 200) {
            return;
        }
        var down = http.send("POST", "/bench/health/down");
        if (down.status() == 403) {
            expect(down.text().contains("window.token"), "403 without saying why: %s", down.text());
            return; // listening beyond loopback without a token: refused, as run windows are
        }
        try {
            expect(down.status() == 200, "POST /bench/health/down: %d %s", down.status(), down.text());
            var health = http.get("/health");
            expect(health.status() == 503 && health.header("retry-after") != null, "/health while down: %d", health.status());
            expect(health.text().contains("\"status\":\"DOWN\""), "/health while down: %s", health.text());
            expect(http.get("/ready").status() == 503, "/ready while down was not 503");
            expect(http.get("/hello").status() == 200, "/hello while health is down was not 200");
        } finally {
            var up = http.send("POST", "/bench/health/up");
            expect(up.status() == 200, "POST /bench/health/up: %d %s", up.status(), up.text());
        }
        expect(http.get("/health").status() == 200, "/health after up was not 200");
        expect(http.get("/bench/health/down").status() == 405, "GET /bench/health/down was not 405");
    }

    private void servedBy() throws Exception {
        boolean on = knob(info(), "served-by").equals("on");
        for (var path : List.of("/hello", "/db", "/nope")) {
            var servedBy = http.get(path).header("x-served-by");
            if (!on) {
                expect(servedBy == null, "served-by=off but %s has X-Served-By %s", path, servedBy);
                continue;
            }
            expect(servedBy != null && servedBy.matches(Pattern.quote(knob(info(), "target")) + "/[^/]+/\\d+"), "%s: X-Served-By %s", path, servedBy);
        }
    }

    private static final Pattern DELAY_BODY = Pattern.compile("\\{\"delayUs\":(\\d+),\"spec\":\"([^\"]+)\",\"draw\":\\d+}\n");
    private static final Pattern DELAY_TIMING = Pattern.compile(".*delay;dur=(\\d+)\\.(\\d{3})$");

    private void delay() throws Exception {
        var fixed = http.get("/delay/fixed:20ms");
        expect(fixed.status() == 200, "/delay/fixed:20ms answered %d %s", fixed.status(), fixed.text());
        var fixedBody = DELAY_BODY.matcher(fixed.text());
        expect(fixedBody.matches() && fixedBody.group(1).equals("20000"), "/delay/fixed:20ms: body %s", fixed.text());
        for (var spec : List.of("uniform:10ms:30ms", "normal:20ms:5ms", "lognormal:20ms:0.5", "exp:20ms", "fixed:0ms", "fixed:1.5ms")) {
            var response = http.get("/delay/" + spec);
            expect(response.status() == 200, "/delay/%s answered %d %s", spec, response.status(), response.text());
            var body = DELAY_BODY.matcher(response.text());
            expect(body.matches() && body.group(2).equals(spec), "/delay/%s: body %s", spec, response.text());
            var timing = response.header("server-timing");
            var drawn = timing == null ? null : DELAY_TIMING.matcher(timing);
            expect(drawn != null && drawn.matches(), "/delay/%s: Server-Timing %s has no delay entry last", spec, timing);
            expect(Long.parseLong(drawn.group(1)) * 1000 + Long.parseLong(drawn.group(2)) == Long.parseLong(body.group(1)),
                    "/delay/%s: Server-Timing %s and body %s disagree", spec, timing, response.text());
        }
        badInput("/delay/gauss:20ms", "/delay/fixed:-5ms", "/delay/fixed:abc", "/delay/fixed:20", "/delay/uniform:30ms:10ms",
                "/delay/uniform:10ms", "/delay/normal:20ms", "/delay/lognormal:20ms:x", "/delay/lognormal:0ms:0.5",
                "/delay/lognormal:20ms:4", "/delay/exp:20ms:1", "/delay/fixed:9999999s", "/delay/fixed:20ms?x=1", "/delay/");
    }

    private void stream() throws Exception {
        var response = http.get("/stream/5?interval=1ms&size=100");
        expect(response.status() == 200 && response.body().length == 500, "/stream/5?size=100: %d with %d bytes",
                response.status(), response.body().length);
        for (int end = 99; end < response.body().length; end += 100) {
            expect(response.body()[end] == '\n', "/stream/5?size=100: chunk %d does not end in a newline", end / 100 + 1);
        }
        var defaults = http.get("/stream/2?interval=0ms");
        expect(defaults.status() == 200 && defaults.body().length == 2048, "/stream/2: %d with %d bytes (default size 1k)",
                defaults.status(), defaults.body().length);
        var none = http.get("/stream/0");
        expect(none.status() == 200 && none.body().length == 0, "/stream/0: %d with %d bytes", none.status(), none.body().length);
        try (var raw = http.raw()) {
            raw.send("GET /stream/2?size=10&interval=0ms HTTP/1.1\r\nHost: verify\r\n\r\n");
            var head = raw.readHead();
            // keepalive=off: the server closes after the answer, and may end the body by closing instead
            boolean closes = "close".equalsIgnoreCase(head.header("connection"));
            expect(closes || "chunked".equalsIgnoreCase(head.header("transfer-encoding")), "/stream/2: not chunked: %s", head.headers());
            expect(head.header("content-length") == null, "/stream/2: a Content-Length, so not streamed: %s", head.headers());
        }
        badInput("/stream/1001", "/stream/-1", "/stream/x", "/stream/1?size=65537", "/stream/1?size=0", "/stream/1?size=2m",
                "/stream/1?interval=11s", "/stream/1?interval=-1ms", "/stream/1?interval=soon", "/stream/1?foo=1", "/stream/1?size=1&size=2");
    }

    private void events() throws Exception {
        var response = http.get("/events?n=3&interval=1ms");
        expect(response.status() == 200, "/events?n=3: %d %s", response.status(), response.text());
        var type = response.header("content-type");
        expect(type != null && type.startsWith("text/event-stream"), "/events: Content-Type %s", type);
        expect(response.text().equals("id: 1\ndata: event 1 of 3\n\nid: 2\ndata: event 2 of 3\n\nid: 3\ndata: event 3 of 3\n\n"),
                "/events?n=3: %s", response.text());
        var resumed = http.get("/events?n=3&interval=1ms", "Last-Event-ID", "1");
        expect(resumed.text().equals("id: 2\ndata: event 2 of 3\n\nid: 3\ndata: event 3 of 3\n\n"),
                "/events?n=3 after Last-Event-ID 1: %s", resumed.text());
        var past = http.get("/events?n=3", "Last-Event-ID", "7");
        expect(past.status() == 200 && past.body().length == 0, "/events?n=3 after Last-Event-ID 7: %d %s", past.status(), past.text());
        badInput("/events?n=1001", "/events?n=x", "/events?interval=20s", "/events?interval=1", "/events?id=3");
        var badId = http.get("/events?n=1", "Last-Event-ID", "abc");
        expect(badId.status() == 400 && badId.text().lines().count() == 1, "Last-Event-ID abc answered %d %s", badId.status(), badId.text());
    }

    private void noQueries() throws Exception {
        for (var path : List.of("/status/200", "/status/404", "/delay/fixed:1ms", "/stream/1?size=1", "/events?n=1", "/delay/nope")) {
            var count = http.get(path).header("x-query-count");
            expect("0".equals(count), "%s: X-Query-Count %s", path, count);
        }
    }

    /**
     * Through a daemon's front (it answers /backends) the count is a backend's and the front's hang-up may reach it
     * later; behind a load balancer each /metrics read may come from another process. So only where one process
     * answers every request.
     */
    private void hangUps() throws Exception {
        if (http.get("/backends").status() == 200 || answeredByMoreThanOneProcess()) {
            return;
        }
        // a Servlet container frees a hung-up delay when it ends (see HangUps), so the delay is short and the bound loose;
        // over TLS 50 handshakes one after another take seconds on a busy machine: a longer delay keeps all 50 pending
        boolean tls = "https".equalsIgnoreCase(http.base().getScheme());
        var bound = Duration.ofSeconds(tls ? 15 : 5);
        var failures = HangUps.check(http.base(), 50, tls ? "/delay/fixed:5s" : "/delay/fixed:1s", bound);
        failures.addAll(HangUps.check(http.base(), 50, "/stream/1000?interval=1s&size=10", bound));
        expect(failures.isEmpty(), "%s", String.join("; ", failures));
    }

    /** Whether /info names more than one process (pid and start time) over a few requests: a balancer spreads them. */
    private boolean answeredByMoreThanOneProcess() throws Exception {
        var processes = new HashSet<String>();
        var identity = Pattern.compile("\"(pid|startTime)\"\\s*:\\s*\"?([^,\"\\s]+)");
        for (int i = 0; i < 6; i++) {
            var matcher = identity.matcher(http.get("/info").text());
            var id = new StringBuilder();
            while (matcher.find()) {
                id.append(matcher.group(2)).append(' ');
            }
            processes.add(id.toString());
        }
        return processes.size() > 1;
    }

    private void badInput(String... paths) throws Exception {
        for (var bad : paths) {
            var response = http.get(bad);
            expect(response.status() == 400, "%s answered %d", bad, response.status());
            expect(response.text().lines().count() == 1, "%s: not one line: %s", bad, response.text());
        }
    }
}
