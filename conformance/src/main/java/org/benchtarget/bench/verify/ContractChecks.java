package org.benchtarget.bench.verify;

import org.benchtarget.core.config.RequestLimits;
import org.benchtarget.db.PublishedDigests;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.benchtarget.bench.verify.Check.expect;

/**
 * CONTRACT.md as black-box checks against a running target's base URL. What a check expects of
 * gzip, cache and keep-alive it reads from the target's own /info. The conformance suite: bench
 * verify prints these, and every target's tests run them.
 */
public final class ContractChecks {
    private static final Pattern CTIME = Pattern.compile("(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ 123]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}");
    private static final DateTimeFormatter CTIME_PARSE = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US);
    private static final String TEXT = "text/plain; charset=utf-8";
    /** RFC 9110's IMF-fixdate: a two-digit day (06, not 6), GMT. */
    private static final Pattern IMF_FIXDATE = Pattern.compile(
            "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d\\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} \\d\\d:\\d\\d:\\d\\d GMT");

    private final HttpProbe http;
    private TargetInfo info;

    public ContractChecks(URI base) {
        this.http = new HttpProbe(base);
    }

    /** The knobs the checks adapt to, read from /info. */
    record TargetInfo(boolean gzip, String cache, boolean keepalive) {
    }

    /** Runs every check; returns "name: detail" of each one that failed (empty when the target conforms). */
    public List<String> failures() {
        return Check.failures(checks());
    }

    public List<Check> checks() {
        var checks = new ArrayList<Check>();
        checks.add(new Check("info: JSON naming target, mode, workers and knobs, no credentials", this::info));
        checks.add(new Check("hello: 200 text/plain, ctime() form, 24 characters", this::hello));
        checks.add(new Check("every response: Server benchtarget-*, a current Date (IMF-fixdate)", this::serverAndDate));
        checks.add(new Check("db: a random row whose SHA-256 is a published one, X-Row-Id, X-Query-Count", this::randomRow));
        checks.add(new Check("db?id=1..10: each row byte-identical to its published digest", this::everyRow));
        checks.add(new Check("db?id=bad: 0, 11, -1, abc, 1.5, empty, repeated, %zz: 400 with a one-line reason", this::badIds));
        checks.add(new Check("long query strings: 4xx, never 5xx", this::longQueries));
        checks.add(new Check("hello.txt: the 13 bytes, ETag and Last-Modified, 304 on conditional GET", this::helloTxt));
        checks.add(new Check("static: CSS with Cache-Control public, 304 on conditional GET, 404 unknown", this::staticFiles));
        checks.add(new Check("home: HTML from a template linking static assets, /login and /surveys", this::home));
        checks.add(new Check("unknown path: 404 with a short text/plain body", this::notFound));
        checks.add(new Check("wrong method: 405 with Allow", this::wrongMethod));
        checks.addAll(new PathChecks(http.base()).checks());
        checks.add(new Check("HEAD: headers of GET, no body", this::head));
        checks.add(new Check("health: 200 {\"status\":\"UP\"}", this::health));
        checks.add(new Check("metrics: Prometheus text with request timers, pool, JVM and SQL counts", this::metrics));
        checks.add(new Check("gzip: bodies of 1 KiB or more gzipped with Vary when gzip=on, never when off", this::gzip));
        checks.add(new Check("HTTP/1.0 keep-alive (ab -k) and HTTP/1.1 keep-alive on one connection", this::keepAlive));
        checks.addAll(new FixtureChecks(http).checks());
        checks.addAll(new SurveyChecks(http.base()).checks());
        checks.addAll(new WallChecks(http.base()).checks());
        return checks;
    }

    private TargetInfo target() throws Exception {
        if (info == null) {
            var response = http.get("/info");
            expect(response.status() == 200, "/info answered %d", response.status());
            var json = response.text();
            info = new TargetInfo(json.contains("\"gzip\" : \"on\""), field(json, "cache"), !json.contains("\"keepalive\" : \"off\""));
        }
        return info;
    }

    private static String field(String json, String name) {
        var matcher = Pattern.compile("\"" + name + "\" : \"([^\"]*)\"").matcher(json);
        expect(matcher.find(), "/info has no \"%s\"", name);
        return matcher.group(1);
    }

    private void info() throws Exception {
        var response = http.get("/info");
        expect(response.status() == 200, "status %d", response.status());
        expect(response.header("content-type").startsWith("application/json"), "content type %s", response.header("content-type"));
        var json = response.text();
        for (var name : List.of("target", "mode", "workers", "gzip", "cache", "wallQueries", "db", "profile")) {
            field(json, name);
        }
        expect(json.contains("\"pid\""), "no pid");
        expect(!json.toLowerCase(Locale.ROOT).contains("\"db.password\""), "/info shows the password knob");
    }

    private void hello() throws Exception {
        var response = http.get("/hello");
        expect(response.status() == 200, "status %d", response.status());
        expect(sameMediaType(TEXT, response.header("content-type")), "content type %s", response.header("content-type"));
        var body = response.text();
        expect(body.length() == 24 && CTIME.matcher(body).matches(), "not ctime() form: '%s'", body);
        LocalDateTime.parse(body, CTIME_PARSE); // the weekday must fit the date
    }

    private void serverAndDate() throws Exception {
        for (var path : List.of("/hello", "/db", "/", "/hello.txt", "/nope")) {
            var response = http.get(path);
            var server = response.header("server");
            expect(server != null && server.startsWith("benchtarget-"), "%s: Server %s", path, server);
            var date = response.header("date");
            expectImfFixdate(path + ": Date", date);
        }
        var first = http.get("/hello").header("date");
        Thread.sleep(1_100);
        var second = http.get("/hello").header("date");
        expect(!first.equals(second), "Date did not change in 1.1 s: %s", first);
    }

    private void randomRow() throws Exception {
        var cacheOff = target().cache().equals("off");
        for (int i = 0; i < 5; i++) {
            var response = http.get("/db");
            expect(response.status() == 200, "status %d", response.status());
            expect(sameMediaType(TEXT, response.header("content-type")), "content type %s", response.header("content-type"));
            var id = Integer.parseInt(response.header("x-row-id"));
            expect(id >= 1 && id <= 10, "X-Row-Id %d", id);
            expect(sha256(response.body()).equals(PublishedDigests.ROWS.get(id - 1)), "row %d: body differs from the published digest", id);
            var count = response.header("x-query-count");
            expect(count != null, "no X-Query-Count");
            expect(!cacheOff || count.equals("1"), "cache=off but X-Query-Count %s", count);
        }
    }

    private void everyRow() throws Exception {
        for (int id = 1; id <= 10; id++) {
            var response = http.get("/db?id=" + id);
            expect(response.status() == 200, "id=%d: status %d", id, response.status());
            expect(response.body().length == 2_500, "id=%d: %d bytes", id, response.body().length);
            expect(String.valueOf(id).equals(response.header("x-row-id")), "id=%d: X-Row-Id %s", id, response.header("x-row-id"));
            expect(sha256(response.body()).equals(PublishedDigests.ROWS.get(id - 1)), "id=%d: body differs from the published digest", id);
        }
    }

    private void badIds() throws Exception {
        for (var query : List.of("id=0", "id=11", "id=-1", "id=abc", "id=1.5", "id=", "id=1&id=2", "id=%zz", "id=%FF", "id=99999999999999999999")) {
            var response = http.rawGet("/db?" + query);
            expect(response.status() == 400, "%s: status %d", query, response.status());
            if (query.equals("id=%zz") && response.body().length == 0) {
                continue; // a server's own HTTP parser may refuse a malformed escape before the app sees it (Undertow does)
            }
            expectOneLineReason(query, response);
        }
    }

    private void longQueries() throws Exception {
        for (int length : List.of(5_000, 20_000)) {
            HttpProbe.Response response;
            try {
                response = http.get("/db?id=" + "1".repeat(length));
            } catch (java.io.IOException refused) {
                // over HTTP/2 a header block past the server's SETTINGS_MAX_HEADER_LIST_SIZE may be refused by a reset
                // or GOAWAY instead of a 431 (RFC 9113 10.5.1; Undertow does): refused, not served, not a 5xx
                expect(ClientTransport.current().http2() && length > RequestLimits.DEFAULTS.maxHeaderBytes(), "%d-char id: %s", length, refused);
                continue;
            }
            expect(response.status() >= 400 && response.status() < 500, "%d-char id: status %d", length, response.status());
        }
    }

    private void helloTxt() throws Exception {
        var response = http.get("/hello.txt");
        expect(response.status() == 200, "status %d", response.status());
        expect(response.text().equals("Hello World!\n"), "body '%s'", response.text());
        var etag = response.header("etag");
        var modified = response.header("last-modified");
        expect(etag != null && modified != null, "ETag %s, Last-Modified %s", etag, modified);
        expectImfFixdate("Last-Modified", modified);
        expect(http.get("/hello.txt", "If-None-Match", etag).status() == 304, "If-None-Match: not 304");
        expect(http.get("/hello.txt", "If-Modified-Since", modified).status() == 304, "If-Modified-Since: not 304");
        expect(http.get("/hello.txt", "If-None-Match", "\"other\"").status() == 200, "other ETag: not 200");
    }

    private void staticFiles() throws Exception {
        var response = http.get("/static/site.css");
        expect(response.status() == 200, "status %d", response.status());
        expect(response.header("content-type").startsWith("text/css"), "content type %s", response.header("content-type"));
        var cacheControl = response.header("cache-control");
        expect(cacheControl != null && cacheControl.startsWith("public, max-age="), "Cache-Control %s", cacheControl);
        expect(http.get("/static/site.css", "If-None-Match", response.header("etag")).status() == 304, "conditional GET: not 304");
        expect(http.get("/static/nope.css").status() == 404, "unknown asset: not 404");
        expect(http.get("/static/../hello.txt").status() >= 400 || http.get("/static/../hello.txt").text().equals("Hello World!\n"),
                "dot-dot path escaped the static folder");
    }

    private void home() throws Exception {
        var response = http.get("/");
        expect(response.status() == 200, "status %d", response.status());
        expect(sameMediaType("text/html; charset=utf-8", response.header("content-type")), "content type %s", response.header("content-type"));
        var html = response.text();
        expect(response.body().length >= 2_048, "only %d bytes", response.body().length);
        // A page rendered in parts must still go out with its length, not chunked: ab's HTTP/1.0 keep-alive needs it.
        var length = response.header("content-length");
        expect(length != null && Integer.parseInt(length) == response.body().length, "Content-Length %s for %d bytes",
                length, response.body().length);
        for (var link : List.of("/static/site.css", "href=\"/login\"", "href=\"/surveys\"")) {
            expect(html.contains(link), "no %s", link);
        }
    }

    private void notFound() throws Exception {
        var response = http.get("/no/such/path");
        expect(response.status() == 404, "status %d", response.status());
        expect(response.header("content-type").startsWith("text/plain"), "content type %s", response.header("content-type"));
        expect(response.body().length < 200, "%d bytes", response.body().length);
    }

    private void wrongMethod() throws Exception {
        for (var method : List.of("POST", "PUT", "DELETE")) {
            var response = http.send(method, "/hello");
            expect(response.status() == 405, "%s /hello: status %d", method, response.status());
            var allow = response.header("allow");
            expect(allow != null && allow.contains("GET"), "%s /hello: Allow %s", method, allow);
        }
    }

    private void head() throws Exception {
        try (var connection = http.raw()) {
            connection.send("HEAD /hello HTTP/1.1\r\nHost: verify\r\n\r\n");
            var response = connection.readHead();
            expect(response.status() == 200, "status %d", response.status());
            expect(response.header("content-type") != null, "no Content-Type");
            if (!target().keepalive()) {
                expect(connection.closedByServer(), "keepalive=off but the connection stayed open after HEAD");
                return;
            }
            connection.send("GET /hello HTTP/1.1\r\nHost: verify\r\n\r\n");
            var next = connection.read();
            expect(next.status() == 200 && next.body().length == 24, "the connection carried a body after HEAD");
        }
    }

    private void health() throws Exception {
        var response = http.get("/health");
        expect(response.status() == 200, "status %d", response.status());
        expect(response.text().contains("\"status\":\"UP\""), "body %s", response.text());
    }

    private void metrics() throws Exception {
        http.get("/db");
        var response = http.get("/metrics");
        expect(response.status() == 200, "status %d", response.status());
        var text = response.text();
        for (var name : List.of("http_server_requests_seconds_count{endpoint=\"db\"", "hikaricp_connections", "jvm_memory_used_bytes", "sql_statements_total")) {
            expect(text.contains(name), "no %s", name);
        }
    }

    private void gzip() throws Exception {
        var gzipOn = target().gzip();
        var response = http.get("/db?id=3", "Accept-Encoding", "gzip");
        if (gzipOn) {
            expect("gzip".equals(response.header("content-encoding")), "gzip=on but Content-Encoding %s", response.header("content-encoding"));
            var vary = response.header("vary");
            expect(vary != null && vary.toLowerCase(Locale.ROOT).contains("accept-encoding"), "Vary %s", vary);
            try (var in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
                expect(sha256(in.readAllBytes()).equals(PublishedDigests.ROWS.get(2)), "gunzipped row differs");
            }
            var small = http.get("/hello", "Accept-Encoding", "gzip");
            expect(small.header("content-encoding") == null, "a 24-byte body was gzipped");
        } else {
            expect(response.header("content-encoding") == null, "gzip=off but Content-Encoding %s", response.header("content-encoding"));
        }
        var plain = http.get("/db?id=3");
        expect(plain.header("content-encoding") == null, "gzipped for a client that did not ask");
    }

    private void keepAlive() throws Exception {
        boolean keepalive = target().keepalive();
        try (var connection = http.raw()) {
            connection.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
            var first = connection.read();
            expect(first.status() == 200 && first.body().length == 24, "HTTP/1.0: status %d", first.status());
            if (!keepalive) {
                expect(connection.closedByServer(), "keepalive=off but the HTTP/1.0 connection stayed open");
                return;
            }
            expect("keep-alive".equalsIgnoreCase(first.header("connection")), "HTTP/1.0: Connection %s", first.header("connection"));
            connection.send("GET /db?id=1 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
            var second = connection.read();
            expect(second.status() == 200 && second.body().length == 2_500, "HTTP/1.0 second request: status %d", second.status());
        }
        try (var connection = http.raw()) {
            for (int i = 0; i < 3; i++) {
                connection.send("GET /hello HTTP/1.1\r\nHost: verify\r\n\r\n");
                var response = connection.read();
                expect(response.status() == 200, "HTTP/1.1 request %d: status %d", i + 1, response.status());
            }
        }
    }

    /** Fails unless {@code value} is an IMF-fixdate whose weekday fits its date. */
    static void expectImfFixdate(String what, String value) {
        expect(value != null, "%s: none", what);
        expect(IMF_FIXDATE.matcher(value).matches(), "%s '%s' is not an IMF-fixdate (e.g. Sun, 06 Dec 2026 21:08:35 GMT)", what, value);
        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
    }

    private static void expectOneLineReason(String what, HttpProbe.Response response) {
        var type = response.header("content-type");
        expect(type != null && type.startsWith("text/plain"), "%s: content type %s", what, type);
        var body = response.text().strip();
        expect(!body.isEmpty() && !body.contains("\n") && body.length() < 200, "%s: not a one-line reason: '%s'", what, body);
    }

    /**
     * Returns whether two Content-Type values name the same media type and parameters: RFC 9110 allows
     * whitespace around ';' and Jetty's Servlet layer writes {@code text/plain;charset=utf-8}.
     */
    static boolean sameMediaType(String expected, String actual) {
        return actual != null && normalized(expected).equals(normalized(actual));
    }

    private static String normalized(String mediaType) {
        return mediaType.strip().replaceAll("\\s*;\\s*", ";").toLowerCase(Locale.ROOT);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
