package org.benchtarget.bench.verify;

import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.benchtarget.core.config.Knob;
import org.benchtarget.core.config.SettingsParser;

import static org.benchtarget.bench.verify.Check.expect;

/**
 * The protocol knobs (tls, http2) seen from outside: each answer over the protocol asked for, HTTP/1.1 beside
 * HTTP/2 on one port, cookies Secure over TLS, /bytes/{n} byte-exact and its framing, and the bad input only TLS
 * and h2 have (silent and garbage handshakes, a broken preface, streams opened and reset as fast as possible).
 * Adapts to /info's tls and http2; {@link ClientTransport} says how the other checks connect.
 */
public final class ProtocolChecks {
    /** More than any server should allow at once; a target advertising none or more serves streams without bound. */
    private static final long MAX_STREAMS_ALLOWED = 1_000;
    /** Streams a rapid-reset client opens and resets on one connection. */
    private static final int RAPID_RESETS = 5_000;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int SEED = 0x2545F491;

    private final URI base;
    private String info;

    public ProtocolChecks(URI base) {
        this.base = base;
    }

    public List<Check> checks() {
        var checks = new ArrayList<Check>();
        checks.add(new Check("protocols: /info and X-Bench-Mode name tls and http2; each answer over the protocol asked for, HTTP/1.1 on the same port", this::versions));
        checks.add(new Check("protocols: /bytes/{n} byte-exact (published rule), Content-Length or chunked=1, bad n 400", this::bytes));
        checks.add(new Check("protocols: cookies Secure over TLS, not in the clear; over h2 a session in its own Cookie field (as browsers split them) is seen", this::secureCookies));
        checks.add(new Check("protocols: TLS clients that never finish the handshake, or send garbage, are closed; others unaffected", this::badHandshakes));
        checks.add(new Check("protocols: h2 advertises a stream limit; a broken preface gets GOAWAY or a close, never a 5xx", this::h2Preface));
        checks.add(new Check("protocols: h2 rapid reset (" + RAPID_RESETS + " streams opened and reset): bounded, others unaffected", this::rapidReset));
        return checks;
    }

    private boolean tls() {
        return "https".equalsIgnoreCase(base.getScheme());
    }

    private String knob(String name) throws Exception {
        if (info == null) {
            var response = send(client(false), "/info");
            expect(response.statusCode() == 200, "/info answered %d", response.statusCode());
            info = new String(response.body(), StandardCharsets.UTF_8);
        }
        var matcher = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(info);
        expect(matcher.find(), "/info has no knob %s", name);
        return matcher.group(1);
    }

    private boolean http2() throws Exception {
        return knob("http2").equals("on");
    }

    private void versions() throws Exception {
        expect(knob("tls").equals(tls() ? "on" : "off"), "/info says tls=%s but the URL is %s", knob("tls"), base.getScheme());
        var h1 = send(client(false), "/hello");
        expect(h1.statusCode() == 200 && h1.version() == HttpClient.Version.HTTP_1_1, "HTTP/1.1 /hello: %d over %s", h1.statusCode(), h1.version());
        var mode = h1.headers().firstValue("x-bench-mode").orElse("");
        expect(knob("manifest").equals("off") || mode.contains("tls=" + knob("tls")) && mode.contains("http2=" + knob("http2")),
                "X-Bench-Mode '%s' does not name tls=%s and http2=%s", mode, knob("tls"), knob("http2"));
        expect(h1.headers().firstValue("connection").map(value -> !value.contains("upgrade")).orElse(true), "HTTP/1.1 answer offers an upgrade");
        if (!http2()) {
            return;
        }
        // the JDK client asks for h2 by ALPN over TLS, by Upgrade: h2c in the clear (its first request on a connection)
        var client = client(true);
        for (int i = 0; i < 2; i++) {
            var h2 = send(client, "/hello");
            expect(h2.statusCode() == 200, "HTTP/2 /hello: %d", h2.statusCode());
            expect(h2.version() == HttpClient.Version.HTTP_2, "/hello asked over HTTP/2 came over %s", h2.version());
            for (var name : List.of("connection", "keep-alive", "transfer-encoding", "upgrade")) {
                expect(h2.headers().firstValue(name).isEmpty(), "an h2 answer has the HTTP/1.1 header %s", name);
            }
        }
    }

    private void bytes() throws Exception {
        var client = client(http2());
        for (int n : List.of(0, 1, 1000, 65_536, 100_000, 10 * 1024 * 1024)) {
            var answer = send(client, "/bytes/" + n);
            expect(answer.statusCode() == 200, "/bytes/%d answered %d", n, answer.statusCode());
            expect(java.util.Arrays.equals(answer.body(), expected(n)), "/bytes/%d: %d bytes, not the published content", n, answer.body().length);
            expect(answer.headers().firstValue("content-length").map(length -> length.equals(Integer.toString(n))).orElse(n == 0 || answer.version() == HttpClient.Version.HTTP_2),
                    "/bytes/%d: Content-Length %s", n, answer.headers().firstValue("content-length").orElse("absent"));
        }
        var chunked = send(client(false), "/bytes/100000?chunked=1");
        expect(chunked.statusCode() == 200 && java.util.Arrays.equals(chunked.body(), expected(100_000)), "/bytes/100000?chunked=1: %d, %d bytes",
                chunked.statusCode(), chunked.body().length);
        expect(chunked.headers().firstValue("content-length").isEmpty(), "/bytes/100000?chunked=1 has Content-Length");
        for (var bad : List.of("-1", "10485761", "abc", "1.5", "99999999999", "1e3")) {
            var answer = send(client, "/bytes/" + bad);
            expect(answer.statusCode() == 400, "/bytes/%s answered %d, not 400", bad, answer.statusCode());
            var reason = new String(answer.body(), StandardCharsets.UTF_8);
            expect(reason.endsWith("\n") && reason.indexOf('\n') == reason.length() - 1, "/bytes/%s: not a one-line reason: %s", bad, reason);
        }
        var badQuery = send(client, "/bytes/10?chunked=yes");
        expect(badQuery.statusCode() == 400, "/bytes/10?chunked=yes answered %d, not 400", badQuery.statusCode());
    }

    /** The published rule: byte i is the low byte of the (i % 65536 + 1)-th xorshift32 state from 0x2545F491. */
    static byte[] expected(int n) {
        var bytes = new byte[n];
        int x = SEED;
        for (int i = 0; i < n; i++) {
            if (i % 65_536 == 0) {
                x = SEED;
            }
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            bytes[i] = (byte) x;
        }
        return bytes;
    }

    /** Returns the SHA-256 of /bytes/{n}'s content, lower-case hex (README publishes a few). */
    static String digest(int n) throws Exception {
        return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(expected(n)));
    }

    private void secureCookies() throws Exception {
        var login = send(client(http2()), "/login");
        expect(login.statusCode() == 200, "/login answered %d", login.statusCode());
        var cookies = login.headers().allValues("set-cookie");
        expect(!cookies.isEmpty(), "/login set no cookie");
        for (var cookie : cookies) {
            expect(cookie.contains("; Secure") == tls(), "over %s the cookie '%s' %s Secure", base.getScheme(), cookie.split(";")[0],
                    tls() ? "is not" : "is");
        }
        if (!http2()) {
            return;
        }
        var browser = new Browser(base);
        browser.signIn("user1");
        var request = HttpRequest.newBuilder(URI.create(base + "/wall/1")).timeout(TIMEOUT)
                .header("Cookie", "csrftoken=verify").header("Cookie", browser.cookies()).build();
        var wall = client(true).send(request, HttpResponse.BodyHandlers.discarding());
        expect(wall.statusCode() == 200, "over h2 /wall/1 with the session in a second Cookie field answered %d (the session was not seen)",
                wall.statusCode());
    }

    private void badHandshakes() throws Exception {
        if (!tls()) {
            return;
        }
        var idle = SettingsParser.duration(Knob.REQUEST_IDLE_TIMEOUT, knob(Knob.REQUEST_IDLE_TIMEOUT.key()));
        var silent = new ArrayList<Socket>();
        try (var bystander = Bystander.start(base)) {
            for (int i = 0; i < 5; i++) {
                silent.add(new Socket(base.getHost(), base.getPort())); // TCP only: never a ClientHello
                var partial = new Socket(base.getHost(), base.getPort()); // a ClientHello's record header, then nothing
                partial.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x02, 0x00, 0x01});
                silent.add(partial);
            }
            for (var garbage : List.of("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n", "\u0000\u00ff\u0016\u0003\u0003 not a hello at all\r\n\r\n")) {
                try (var socket = new Socket(base.getHost(), base.getPort())) {
                    socket.setSoTimeout((int) TIMEOUT.toMillis());
                    socket.getOutputStream().write(garbage.getBytes(StandardCharsets.ISO_8859_1));
                    var answer = new String(readToClose(socket), StandardCharsets.ISO_8859_1);
                    expect(!answer.matches("(?s)HTTP/1\\.\\d 5.*"), "garbage instead of a ClientHello got %s", answer.lines().findFirst().orElse(""));
                }
            }
            bystander.stopAndExpectUnaffected("while TLS handshakes hung");
        }
        boolean wait = idle.compareTo(Duration.ofSeconds(30)) <= 0;
        long deadline = System.nanoTime() + idle.plusSeconds(5).toNanos();
        try {
            for (var socket : silent) {
                socket.setSoTimeout((int) Math.max(1, wait ? (deadline - System.nanoTime()) / 1_000_000 : 1));
                try {
                    readToClose(socket);
                } catch (java.net.SocketTimeoutException e) {
                    expect(!wait, "a client that never finished its TLS handshake was not closed within request.idle-timeout (%s) plus 5 s", idle);
                }
            }
        } finally {
            for (var socket : silent) {
                socket.close();
            }
        }
    }

    private static byte[] readToClose(Socket socket) throws java.io.IOException {
        var out = new ByteArrayOutputStream();
        var buffer = new byte[4096];
        try {
            for (int n = socket.getInputStream().read(buffer); n >= 0 && out.size() < 65_536; n = socket.getInputStream().read(buffer)) {
                out.write(buffer, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // a reset is a close
        }
        return out.toByteArray();
    }

    private void h2Preface() throws Exception {
        if (!http2()) {
            return;
        }
        try (var wire = H2Wire.open(base, (int) TIMEOUT.toMillis())) {
            wire.preface();
            var settings = wire.readUntil(H2Wire.SETTINGS);
            expect(settings != null, "no SETTINGS frame after the preface");
            long streams = H2Wire.setting(settings, H2Wire.SETTINGS_MAX_CONCURRENT_STREAMS);
            expect(streams > 0 && streams <= MAX_STREAMS_ALLOWED, "SETTINGS_MAX_CONCURRENT_STREAMS is %s: expected a limit from 1 to %d",
                    streams < 0 ? "not advertised" : Long.toString(streams), MAX_STREAMS_ALLOWED);
        }
        for (var broken : List.of("PRI * HTTP/2.0\r\n\r\nXX\r\n\r\n" + "\u0000".repeat(9), "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\u0000\u0000\u0004\u00ff\u00ff\u0000\u0000\u0000\u0000garbage")) {
            try (var wire = H2Wire.open(base, (int) TIMEOUT.toMillis())) {
                wire.write(broken.getBytes(StandardCharsets.ISO_8859_1));
                var frame = wire.readUntil(H2Wire.GOAWAY);
                expect(frame == null || frame.type() == H2Wire.GOAWAY, "a broken preface got frame type %d", frame == null ? -1 : frame.type());
            } catch (java.io.IOException closed) {
                // closed during the handshake or the first write: a close is an answer
            }
        }
        var health = send(client(false), "/health");
        expect(health.statusCode() == 200, "after the broken prefaces /health answered %d", health.statusCode());
    }

    private void rapidReset() throws Exception {
        if (!http2()) {
            return;
        }
        int sent = 0;
        try (var bystander = Bystander.start(base); var wire = H2Wire.open(base, (int) TIMEOUT.toMillis())) {
            wire.preface();
            var batch = new ByteArrayOutputStream();
            try {
                for (int stream = 1; sent < RAPID_RESETS; stream += 2, sent++) {
                    batch.writeBytes(wire.get(stream, "/hello"));
                    batch.writeBytes(H2Wire.reset(stream));
                    if (batch.size() > 16 * 1024) {
                        wire.write(batch.toByteArray());
                        batch.reset();
                    }
                }
                wire.write(batch.toByteArray());
            } catch (java.io.IOException closed) {
                // the server closed the connection: the bound at work
            }
            // a server bounding resets ends the connection (GOAWAY, ENHANCE_YOUR_CALM or similar) or closes it
            var end = wire.readUntil(H2Wire.GOAWAY);
            expect(end == null || end.type() == H2Wire.GOAWAY, "no GOAWAY or close after %d streams opened and reset", sent);
            bystander.stopAndExpectUnaffected("while a client opened and reset " + sent + " streams");
        }
        var health = send(client(false), "/health");
        expect(health.statusCode() == 200, "after the rapid reset /health answered %d", health.statusCode());
    }

    private static HttpClient client(boolean http2) {
        var builder = ClientTransport.newClient().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(TIMEOUT);
        return builder.version(http2 ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1).build();
    }

    private HttpResponse<byte[]> send(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
