package org.benchtarget.bench.verify;

import org.benchtarget.core.config.Knob;
import org.benchtarget.core.config.SettingsParser;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.benchtarget.bench.verify.Check.expect;

/**
 * Bad input over every endpoint and method, much of it as raw bytes no HTTP client would send:
 * malformed request lines and URLs, bad escapes and UTF-8, oversized heads, bodies and fields, wrong
 * content types, duplicate parameters, broken framing, slow (slowloris) and abandoned connections.
 * Every answer must be a 4xx with a one-line reason (or a close), never a 5xx; meanwhile a bystander
 * client keeps getting quick 200s, and afterwards the target is healthy and counted no 5xx. Limits
 * (head size, idle timeout) are read from the target's /info. Not thread-safe: one run at a time.
 */
public final class BadInputChecks {
    /** One concrete path per route of the contract, plus the daemon front's listing and an unknown path. */
    static final List<String> ENDPOINTS = List.of("/hello", "/db", "/", "/login", "/logout", "/wall/1", "/wall/1/items",
            "/wall/1/items/1/remove", "/hello.txt", "/static/site.css", "/surveys", "/surveys/1", "/surveys/1/pages/1",
            "/surveys/1/done", "/surveys/1/results", "/health", "/metrics", "/info", "/ready", "/bench/window", "/backends", "/nope");
    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE",
            "CONNECT", "PROPFIND", "get", "X".repeat(300));
    private static final int SLOW_CLIENTS = 20;
    /**
     * Slow bodies per worker thread of the target: a server that gives each body a worker until the body's deadline
     * would keep every worker busy for several deadlines in a row, longer than the bystander's bound.
     */
    private static final int SLOW_BODIES_PER_THREAD = 4;
    private static final int MIN_SLOW_BODIES = 64;
    private static final Duration TRICKLE = Duration.ofSeconds(4);
    private static final Duration TRICKLE_PAUSE = Duration.ofMillis(500);
    /** Closing a silent connection is only waited for when the target's idle timeout is this short. */
    private static final Duration LONGEST_IDLE_WAITED = Duration.ofSeconds(10);
    private static final Pattern ARTICLE = Pattern.compile("<article class=\"item\"");

    private final URI base;
    private final HttpProbe http;
    private final RawHttp raw;
    private final ServerErrors serverErrors;
    private final Leaks leaks;
    private Limits limits;

    public BadInputChecks(URI base) {
        this(base, new String[0]);
    }

    /** {@code secrets}: the target's secret and database password when known: no answer may show them. */
    public BadInputChecks(URI base, String... secrets) {
        this.http = new HttpProbe(base);
        this.base = http.base();
        this.raw = new RawHttp(this.base);
        this.serverErrors = new ServerErrors(http);
        this.leaks = new Leaks(secrets);
    }

    /** The target's limits as its /info tells them (defaults when it does not). */
    private record Limits(int maxHeaderBytes, int maxBodyBytes, Duration idleTimeout, int threads) {
        /** More slow bodies than the target has worker threads (a virtual-thread target reports the knob too). */
        int slowBodies() {
            return Math.max(MIN_SLOW_BODIES, SLOW_BODIES_PER_THREAD * threads);
        }
    }

    public List<Check> checks() {
        return List.of(
                new Check("bad input: the target is healthy before (the 5xx count in /metrics is remembered)", this::before),
                new Check("bad input: malformed request lines, unknown versions, binary, HTTP/0.9: 4xx or a close", this::requestLines),
                new Check("bad input: bad percent-escapes, invalid UTF-8, NUL, traversal and raw bytes in the URL of every endpoint: no 5xx, one-line reasons", this::urls),
                new Check("bad input: every endpoint with every method, odd and invalid ones too: no 5xx", this::methods),
                new Check("bad input: malformed ids and numbers in paths and queries: 4xx", this::ids),
                new Check("bad input: oversized and malformed headers, odd cookies and conditionals: 431/4xx or ignored, no 5xx", this::headers),
                new Check("bad input: conflicting and malformed Content-Length and chunking: 4xx or a close", this::framing),
                new Check("bad input: every POST with a wrong or missing content type, bad encodings, oversized bodies and fields, duplicate parameters: 4xx, nothing stored", this::bodies),
                new Check("bad input: " + SLOW_CLIENTS + " slowloris clients trickling headers: others unaffected, each slow one closed or refused", this::slowloris),
                new Check("bad input: " + SLOW_BODIES_PER_THREAD + " bodies per worker thread trickled just under the idle timeout (R.U.D.Y.): others unaffected, each cut off (408 or a close) soon after the idle timeout", this::slowBodies),
                new Check("bad input: abandoned connections (half-sent heads and bodies, closed or reset): others unaffected, silent ones closed", this::abandoned),
                new Check("bad input: afterwards healthy, and no 5xx counted in /metrics", this::after));
    }

    private void before() throws Exception {
        var health = http.get("/health");
        expect(health.status() == 200, "/health answered %d", health.status());
        serverErrors.remember();
        raw.allowIdleTimeout(limits().idleTimeout());
    }

    private Limits limits() throws Exception {
        if (limits == null) {
            var info = http.get("/info").text();
            limits = new Limits(intKnob(info, "request.max-header", 16 * 1024), intKnob(info, "request.max-body", 64 * 1024),
                    durationKnob(info, "request.idle-timeout", Duration.ofSeconds(30)), intKnob(info, "threads", 32));
        }
        return limits;
    }

    private void requestLines() throws Exception {
        var cases = List.of("GET\r\n\r\n", "GET /hello\r\n\r\n", " / HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /hello HTTP/1.1 extra\r\nHost: x\r\n\r\n", "GET /hello HTTX/1.1\r\nHost: x\r\n\r\n", "GET hello HTTP/1.1\r\nHost: x\r\n\r\n",
                "\u0000\u0001\u0002\u00ff binary\r\n\r\n", "\r\n\r\n\r\n");
        for (var request : cases) {
            refused(printable(request), raw.exchange(request));
        }
        // unusual but readable: servers differ (Jetty takes runs of spaces and bare LF, Undertow an absolute URI
        // for another host; RFC 9112 wants a 400 for a missing Host, some serve it): anything but a 5xx
        for (var request : List.of("GET  /hello  HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", "GET /hello HTTP/1.1\nHost: x\nConnection: close\n\n",
                "GET http://evil.example:99999/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", "GET /hello HTTP/1.1\r\nConnection: close\r\n\r\n")) {
            var answer = raw.exchange(request);
            if (answer.status() != -1) {
                notServerError(printable(request), answer);
            }
        }
        // Undertow reads any HTTP/x.y as HTTP/1.1; Jetty refuses it: either way no 5xx (Jetty's own is 505)
        for (var version : List.of("HTTP/9.9", "HTTP/2.0", "HTTP/1.10")) {
            var answer = raw.exchange(RawHttp.head("GET /hello " + version));
            expect(answer.status() == -1 || (answer.status() >= 200 && answer.status() < 500), "%s: status %d", version, answer.status());
            Answers.wellFormed(version, answer);
        }
    }

    private void urls() throws Exception {
        var mutations = List.of("%zz", "%", "%c3%28", "%00", "/%ff%fe", "?id=%zz", "?id=%c3%28&id=2", "?%=%", "?id=1&id=1",
                ";jsessionid=x", "/..%2f..%2fetc%2fpasswd", "/%2e%2e/%2e%2e/etc/passwd", "/../../../../etc/passwd", "%252e%252e%252f", "//", "?" + "q=1&".repeat(1200));
        for (var endpoint : ENDPOINTS) {
            for (var mutation : mutations) {
                var target = endpoint + mutation;
                var answer = raw.exchange(RawHttp.head("GET " + target + " HTTP/1.1"));
                if (answer.status() != -1) {
                    notServerError(target, answer);
                }
                expect(answer.status() != 200 || !answer.text().contains("root:"), "%s: served a file outside the static root", target);
            }
        }
        for (var target : List.of("/h\u00e9llo", "/wall/\u00ff", "/static/\u0000", "/db?id=\u00ff", "/" + "a".repeat(limits().maxHeaderBytes() + 4096))) {
            refused(printable(target), raw.exchange(RawHttp.head("GET " + target + " HTTP/1.1")));
        }
    }

    private void methods() throws Exception {
        for (var endpoint : ENDPOINTS) {
            for (var method : METHODS) {
                if (endpoint.equals("/bench/window") && (method.equals("POST") || method.equals("DELETE"))) {
                    continue; // would open or close a measurement window someone else may be using
                }
                var answer = raw.exchange(RawHttp.head(method + " " + endpoint + " HTTP/1.1", "Content-Length: 0"));
                var what = abbreviateMethod(method) + " " + endpoint;
                if (method.equals("CONNECT") || method.length() > 100) {
                    if (answer.status() != -1) {
                        notServerError(what, answer);
                    }
                } else {
                    notServerError(what, answer);
                }
            }
        }
    }

    private void ids() throws Exception {
        var browser = new Browser(base);
        browser.signIn(Browser.USER);
        for (var path : List.of("/wall/abc", "/wall/0", "/wall/-1", "/wall/99999999999999999999", "/wall/2147483648", "/wall/1e3", "/wall/1.0",
                "/wall/1%20", "/wall/+1", "/surveys/abc", "/surveys/0", "/surveys/99999999999", "/surveys/1/pages/0",
                "/surveys/1/pages/99", "/surveys/1/pages/abc", "/surveys/1/done?response=%zz", "/surveys/1/done?response=a&response=b",
                "/surveys/1/done?response=" + "x".repeat(3000), "/surveys/1/pages/2?response=nosuchtoken", "/surveys/2147483648/results",
                "/db?id=99999999999999999999", "/db?id=0x1", "/db?id=%201", "/db?id=1%00", "/db?id=%EF%BC%91" /* fullwidth 1 */)) {
            var answer = browser.get(path);
            Answers.refused(path, answer);
            leaks.errorAnswer(path, answer);
        }
        var wall = browser.get("/wall/201");
        var csrf = Browser.csrf(wall);
        for (var path : List.of("/wall/201/items/abc/remove", "/wall/201/items/-1/remove", "/wall/201/items/99999999999/remove", "/wall/abc/items")) {
            var answer = browser.post(path, "csrf", csrf, "body", "x");
            Answers.refused("POST " + path, answer);
            leaks.errorAnswer("POST " + path, answer);
        }
    }

    private void headers() throws Exception {
        int over = limits().maxHeaderBytes() + 4096;
        var many = new StringBuilder();
        for (int i = 0; many.length() < over; i++) {
            many.append("X-Header-").append(i).append(": ").append("v".repeat(40)).append("\r\n");
        }
        var refusedCases = List.of(
                RawHttp.head("GET /hello HTTP/1.1", "X-Big: " + "a".repeat(over)),
                RawHttp.head("GET /hello HTTP/1.1", many.toString().strip()),
                RawHttp.head("GET /wall/1 HTTP/1.1", "Cookie: sessionid=" + "a".repeat(over)),
                RawHttp.head("GET /hello HTTP/1.1", "X-Nul: a\u0000b"),
                RawHttp.head("GET /hello HTTP/1.1", "NoColonHere"),
                RawHttp.head("GET /hello HTTP/1.1", ": no name"));
        for (var request : refusedCases) {
            refused(printable(request), raw.exchange(request));
        }
        var toleratedCases = List.of(
                RawHttp.head("GET /hello HTTP/1.1", "X-Folded: a", " b"),
                RawHttp.head("GET /hello HTTP/1.1", "Bad Name: x"),
                RawHttp.head("GET /hello HTTP/1.1", "Host: second"),
                RawHttp.head("GET /wall/1 HTTP/1.1", "Cookie: sessionid=%%%%; ;;; =; sessionid=; a"),
                RawHttp.head("GET /wall/1 HTTP/1.1", "Cookie: sessionid=1.1.AAAAAAAAAAAAAAAA." + "A".repeat(43)),
                RawHttp.head("GET /wall/1 HTTP/1.1", "Cookie: sessionid=" + "9".repeat(2000)),
                RawHttp.head("GET /wall/1 HTTP/1.1", "Cookie: sessionid=\u00ff\u00fe"),
                RawHttp.head("GET /hello.txt HTTP/1.1", "If-None-Match: \""),
                RawHttp.head("GET /hello.txt HTTP/1.1", "If-Modified-Since: yesterday at noon"),
                RawHttp.head("GET /static/site.css HTTP/1.1", "If-Modified-Since: Mon, 99 Foo 99999 99:99:99 GMT"),
                RawHttp.head("GET /hello.txt HTTP/1.1", "Range: bytes=99999999999999999999-1"),
                RawHttp.head("GET /db HTTP/1.1", "Accept-Encoding: gzip;q=abc, *;q=-1, " + "x,".repeat(500)),
                RawHttp.head("GET /hello HTTP/1.1", "X-Delay: lognormal(1e309ms,-1ms)", "X-Fail: 999@2"),
                RawHttp.head("GET /hello HTTP/1.1", "Content-Type: ;;;=;"),
                RawHttp.head("GET /hello HTTP/1.1", "Connection: keep-alive, close, \u00ff"),
                RawHttp.head("GET /hello HTTP/1.1", "Expect: 100-continue"),
                RawHttp.head("GET /login HTTP/1.1", "Cookie: csrftoken=<script>; sessionid=\"\""));
        for (var request : toleratedCases) {
            var answer = raw.exchange(request);
            if (answer.status() >= 400 || answer.status() < 0) {
                refused(printable(request), answer);
            } else {
                notServerError(printable(request), answer);
            }
        }
    }

    private void framing() throws Exception {
        var form = "application/x-www-form-urlencoded";
        var cases = List.of(
                RawHttp.head("POST /login HTTP/1.1", "Content-Type: " + form, "Content-Length: 5", "Transfer-Encoding: chunked") + "0\r\n\r\n",
                RawHttp.head("POST /login HTTP/1.1", "Content-Type: " + form, "Content-Length: 5", "Content-Length: 6") + "abcdef",
                RawHttp.head("POST /login HTTP/1.1", "Content-Type: " + form, "Content-Length: abc"),
                RawHttp.head("POST /login HTTP/1.1", "Content-Type: " + form, "Content-Length: -1"),
                RawHttp.head("POST /login HTTP/1.1", "Content-Type: " + form, "Content-Length: 99999999999999999999"),
                RawHttp.head("POST /login HTTP/1.1", "Content-Type: " + form, "Content-Length: 1 0") + "a",
                RawHttp.head("POST /login HTTP/1.1", "Content-Type: " + form, "Transfer-Encoding: chunked") + "zz\r\nabc\r\n0\r\n\r\n",
                RawHttp.head("POST /login HTTP/1.1", "Content-Type: " + form, "Transfer-Encoding: chunked") + "ffffffffffffffffff\r\nabc\r\n0\r\n\r\n",
                RawHttp.head("POST /login HTTP/1.1", "Content-Type: " + form, "Transfer-Encoding: chunked") + "3\r\nabc0\r\n\r\n",
                RawHttp.head("POST /login HTTP/1.1", "Content-Type: " + form, "Transfer-Encoding: chunked, chunked") + "0\r\n\r\n",
                RawHttp.head("POST /login HTTP/1.1", "Content-Type: " + form, "Transfer-Encoding: chunked") + chunked("a".repeat(limits().maxBodyBytes() + 4096)));
        for (var request : cases) {
            refused(printable(request), raw.exchange(request));
        }
        // an unknown transfer coding: refused (Jetty's own answer would be 501; either way not accepted as a form)
        var gzip = raw.exchange(RawHttp.head("POST /login HTTP/1.1", "Content-Type: " + form, "Transfer-Encoding: gzip") + "abc");
        expect(gzip.status() == -1 || (gzip.status() >= 400 && gzip.status() < 500) || gzip.status() == 501,
                "Transfer-Encoding: gzip: status %d", gzip.status());
    }

    private void bodies() throws Exception {
        var browser = new Browser(base);
        browser.signIn(Browser.USER);
        var wall = browser.get("/wall/201");
        int items = articles(wall);
        var csrf = Browser.csrf(wall);
        var anonymous = new Browser(base);
        var login = anonymous.get("/login");
        anonymous.cookies("csrftoken=" + Browser.cookie(login, "csrftoken"));
        var loginCsrf = Browser.csrf(login);
        var survey = new Browser(base);
        var page = survey.get("/surveys/1");
        var posts = List.of(
                new Post(anonymous, "/login", new String[]{"csrf", loginCsrf, "username", "nosuchuser", "password", "x"}),
                new Post(browser, "/wall/201/items", new String[]{"csrf", csrf, "body", "fuzz"}),
                new Post(browser, "/wall/201/items/999999999/remove", new String[]{"csrf", csrf}),
                new Post(survey, "/surveys/1/pages/1", new String[]{"response", Browser.responseToken(page), "csrf", Browser.csrf(page)}),
                new Post(browser, "/logout", new String[]{"csrf", "not-the-token"}));
        int maxBody = limits().maxBodyBytes();
        for (var post : posts) {
            var form = Browser.encode(post.fields());
            var cases = List.of(
                    new Body(null, form),
                    new Body("application/json", "{\"csrf\":\"x\",\"body\":\"x\"}"),
                    new Body("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\nx\r\n--x--\r\n"),
                    new Body("text/plain", form),
                    new Body("application/x-www-form-urlencoded; charset=utf-8", form + "&body=%zz"),
                    new Body("application/x-www-form-urlencoded", form + "&body=%c3%28"),
                    new Body("application/x-www-form-urlencoded", form + "&body=\u00ff\u00fe"),
                    new Body("application/x-www-form-urlencoded", form + "&" + form),
                    new Body("application/x-www-form-urlencoded", form + "&body=" + "a".repeat(maxBody)),
                    new Body("application/x-www-form-urlencoded", form.replaceAll("&?body=[^&]*", "") + "&body=" + "a".repeat(Math.min(60_000, maxBody - 2_000))),
                    new Body("application/x-www-form-urlencoded", "=&=&&==&%3D=%26"),
                    new Body("application/x-www-form-urlencoded", "csrf=" + "&x=1".repeat(5_000)));
            for (var body : cases) {
                var what = "POST " + post.path() + " " + body.contentType() + " " + Leaks.abbreviate(body.text());
                HttpProbe.Response answer;
                try {
                    answer = post.browser().postRaw(post.path(), body.contentType(), body.text());
                } catch (IOException closedEarly) {
                    answer = new HttpProbe.Response(-1, java.util.Map.of(), new byte[0]); // refused before the body was sent
                }
                Answers.refused(what, answer);
                leaks.errorAnswer(what, answer);
            }
        }
        expect(articles(browser.get("/wall/201")) == items, "a refused post changed wall 201 (%d items before)", items);
    }

    private record Post(Browser browser, String path, String[] fields) {
    }

    private record Body(String contentType, String text) {
    }

    private void slowloris() throws Exception {
        var idle = limits().idleTimeout();
        var sockets = new ArrayList<Socket>();
        try (var bystander = Bystander.start(base)) {
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                var socket = raw.open();
                sockets.add(socket);
                write(socket, "GET /hello HTTP/1.1\r\nHost: verify\r\n");
            }
            long end = System.nanoTime() + TRICKLE.toNanos();
            for (int line = 0; System.nanoTime() < end; line++) {
                for (var socket : sockets) {
                    write(socket, "X-Slow-" + line + ": " + "s".repeat(10) + "\r\n");
                }
                Thread.sleep(TRICKLE_PAUSE);
            }
            bystander.stopAndExpectUnaffected("while " + SLOW_CLIENTS + " clients trickled headers");
            expectClosedOrRefused(sockets, idle, "a slowloris client");
        } finally {
            closeAll(sockets);
        }
    }

    /**
     * Bodies sent one byte at a time, each byte well within the idle timeout: without a bound on the whole body a
     * server reads them for as long as the client likes (a thread each on a blocking server). Each must be
     * answered 408 or closed once the body has taken longer than the idle timeout, counted from its arrival; and
     * there are more of them than the target has worker threads, so a server that gives each body a worker while
     * it arrives starves the bystander (8 bodies passed on a 32-thread pool that 1,000 took down).
     */
    private void slowBodies() throws Exception {
        var idle = limits().idleTimeout();
        int slowBodies = limits().slowBodies();
        if (idle.compareTo(LONGEST_IDLE_WAITED) > 0) {
            return; // a target with a long idle timeout is not waited for (bench verify's hardening knobs set 3 s)
        }
        var form = "Content-Type: application/x-www-form-urlencoded";
        var sockets = new ArrayList<Socket>();
        var answers = new java.util.HashMap<Socket, byte[]>();
        try (var bystander = Bystander.start(base)) {
            for (int i = 0; i < slowBodies; i++) {
                var socket = raw.open();
                sockets.add(socket);
                write(socket, RawHttp.head("POST /login HTTP/1.1", form, "Content-Length: 400") + "csrf=");
            }
            // at a pace no idle timeout cuts, until each is answered or closed, for at most twice the idle timeout
            long end = System.nanoTime() + idle.multipliedBy(2).plusSeconds(1).toNanos();
            var pause = idle.dividedBy(4);
            while (answers.size() < sockets.size() && System.nanoTime() < end) {
                for (var socket : sockets) {
                    if (!answers.containsKey(socket)) {
                        var answer = answerOrClose(socket);
                        if (answer != null) {
                            answers.put(socket, answer);
                        } else {
                            write(socket, "x");
                        }
                    }
                }
                Thread.sleep(pause);
            }
            bystander.stopAndExpectUnaffected("while " + slowBodies + " clients trickled bodies");
            expect(answers.size() == sockets.size(), "%d of %d bodies trickled for %s were still being read (no 408, no close)",
                    sockets.size() - answers.size(), sockets.size(), idle.multipliedBy(2).plusSeconds(1).toSeconds() + " s");
            for (var answer : answers.values()) {
                refused("a client trickling its body", RawHttp.parse(answer));
            }
        } finally {
            closeAll(sockets);
        }
    }

    /** The answer (empty when the server closed) if one has arrived, else null; does not wait. */
    private static byte[] answerOrClose(Socket socket) throws IOException {
        var in = socket.getInputStream();
        int first;
        try {
            socket.setSoTimeout(1);
            first = in.read();
        } catch (java.net.SocketTimeoutException nothingYet) {
            return null;
        } catch (java.net.SocketException reset) {
            return new byte[0];
        }
        if (first < 0) {
            return new byte[0];
        }
        socket.setSoTimeout(5_000);
        var rest = RawHttp.readAll(in);
        var answer = new byte[rest.length + 1];
        answer[0] = (byte) first;
        System.arraycopy(rest, 0, answer, 1, rest.length);
        return answer;
    }

    private void abandoned() throws Exception {
        var form = "Content-Type: application/x-www-form-urlencoded";
        var silent = new ArrayList<Socket>();
        try (var bystander = Bystander.start(base)) {
            for (int i = 0; i < 20; i++) {
                try (var socket = raw.open()) {
                    write(socket, "GET /db?id=1 HTTP/1.1\r\nHost: verify\r\nX-Partial: ");
                }
                try (var socket = raw.open()) {
                    write(socket, RawHttp.head("POST /login HTTP/1.1", form, "Content-Length: 1000") + "csrf=x&use");
                }
                try (var socket = raw.open()) {
                    write(socket, RawHttp.head("POST /wall/1/items HTTP/1.1", form, "Content-Length: 1000") + "body=abc");
                    socket.setSoLinger(true, 0); // close with a reset, as a crashed client would
                }
            }
            for (int i = 0; i < 5; i++) {
                var socket = raw.open();
                silent.add(socket);
                write(socket, RawHttp.head("POST /login HTTP/1.1", form, "Content-Length: 1000") + "csrf=x&username=");
            }
            Thread.sleep(500);
            bystander.stopAndExpectUnaffected("while connections were abandoned");
            expectClosedOrRefused(silent, limits().idleTimeout(), "a client that stopped mid-body");
        } finally {
            closeAll(silent);
        }
        var health = http.get("/health");
        expect(health.status() == 200, "after abandoned connections /health answered %d", health.status());
    }

    private void after() throws Exception {
        for (var path : List.of("/health", "/hello", "/db?id=1", "/")) {
            var answer = http.get(path);
            expect(answer.status() == 200, "%s answered %d after the bad input", path, answer.status());
        }
        serverErrors.expectNoneSince("the bad-input checks");
    }

    /**
     * When the target's idle timeout is short enough to wait for, every connection must be closed
     * by the server (or answered 408/4xx) within it plus slack; with a longer one, whatever arrived
     * must not be a 5xx.
     */
    private void expectClosedOrRefused(List<Socket> sockets, Duration idle, String who) throws Exception {
        boolean wait = idle.compareTo(LONGEST_IDLE_WAITED) <= 0;
        long deadline = System.nanoTime() + idle.plusSeconds(5).toNanos();
        for (var socket : sockets) {
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            socket.setSoTimeout(wait ? (int) left : 1);
            HttpProbe.Response answer;
            try {
                answer = RawHttp.parse(RawHttp.readAll(socket.getInputStream()));
            } catch (java.net.SocketTimeoutException e) {
                expect(!wait, "%s was neither answered nor closed within the idle timeout (%s) plus 5 s", who, idle);
                continue;
            }
            refused(who, answer);
        }
    }

    private void refused(String what, HttpProbe.Response answer) {
        Answers.refused(what, answer);
        leaks.errorAnswer(what, answer);
    }

    private void notServerError(String what, HttpProbe.Response answer) {
        Answers.notServerError(what, answer);
        if (answer.status() >= 400) {
            leaks.errorAnswer(what, answer);
        }
    }

    private static void write(Socket socket, String text) {
        try {
            socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
        } catch (IOException closedByServer) {
            // the server gave up on this client: what it answered (if anything) is read later
        }
    }

    private static void closeAll(List<Socket> sockets) {
        for (var socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    private static String chunked(String body) {
        var out = new StringBuilder();
        for (int i = 0; i < body.length(); i += 8192) {
            var chunk = body.substring(i, Math.min(body.length(), i + 8192));
            out.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        return out.append("0\r\n\r\n").toString();
    }

    private static int articles(HttpProbe.Response wall) {
        expect(wall.status() == 200, "GET wall: %d", wall.status());
        return (int) ARTICLE.matcher(wall.text()).results().count();
    }

    private static String printable(String request) {
        var text = request.replaceAll("[^\\x20-\\x7e]", "?");
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }

    private static String abbreviateMethod(String method) {
        return method.length() > 12 ? method.substring(0, 12) + "..." : method;
    }

    private static int intKnob(String info, String knob, int fallback) {
        var matcher = Pattern.compile("\"" + Pattern.quote(knob) + "\" : \"(\\d+)\"").matcher(info);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : fallback;
    }

    private static Duration durationKnob(String info, String knob, Duration fallback) {
        var matcher = Pattern.compile("\"" + Pattern.quote(knob) + "\" : \"(\\d+(ms|s|m|h))\"").matcher(info);
        return matcher.find() ? SettingsParser.duration(Knob.byKey(knob).orElseThrow(), matcher.group(1)) : fallback;
    }
}
