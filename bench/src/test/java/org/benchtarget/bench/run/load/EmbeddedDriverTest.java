package org.benchtarget.bench.run.load;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.benchtarget.core.config.SettingsParser;
import org.benchtarget.core.config.TlsSettings;
import org.benchtarget.core.tls.ServerTls;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.benchtarget.bench.run.experiment.Experiment.LoadKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded driver against a real HTTP server (the JDK's) on a loopback port: counts, errors, journeys with cookies. */
class EmbeddedDriverTest {
    private HttpServer server;
    private final AtomicInteger gzipped = new AtomicInteger();
    private final List<String> wallRequests = new CopyOnWriteArrayList<>();
    private URI base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/hello", exchange -> answer(exchange, 200, "hello", Map.of()));
        server.createContext("/missing", exchange -> answer(exchange, 404, "no", Map.of()));
        server.createContext("/login", exchange -> {
            if (exchange.getRequestMethod().equals("GET")) {
                answer(exchange, 200, "<form method=\"post\"><input type=\"hidden\" name=\"csrf\" value=\"t0k\">", Map.of());
                return;
            }
            var form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean ok = form.contains("csrf=t0k") && form.contains("username=user") && form.contains("password=pw");
            answer(exchange, ok ? 303 : 401, "", ok ? Map.of("Location", "/wall/1", "Set-Cookie", "sessionid=s1; Path=/") : Map.of());
        });
        server.createContext("/wall/", exchange -> {
            var cookie = exchange.getRequestHeaders().getFirst("Cookie");
            wallRequests.add(exchange.getRequestURI().getPath() + " " + cookie);
            boolean in = cookie != null && (cookie.contains("sessionid=s1") || cookie.matches("sessionid=\\d+\\..+"));
            answer(exchange, in ? 200 : 302, in ? "<a href=\"/wall/2\">2</a> <a href=\"/wall/3\">3</a>" : "",
                    in ? Map.of() : Map.of("Location", "/login"));
        });
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void closedLoopMakesExactlyTheRequestsAsked() throws Exception {
        var outcome = drive(new Workload.Get("/hello"), LoadKind.CONCURRENCY, 4, 200, true);
        assertThat(outcome.requests()).isEqualTo(200);
        assertThat(outcome.journeys()).isEqualTo(200);
        assertThat(outcome.errors().total()).isZero();
        assertThat(outcome.latencyMs().p50()).isNotNull();
        assertThat(outcome.latencyMs().p999()).isGreaterThanOrEqualTo(outcome.latencyMs().p50());
    }

    @Test
    void withoutKeepaliveEveryRequestIsAnswered() throws Exception {
        var outcome = drive(new Workload.Get("/hello"), LoadKind.CONCURRENCY, 8, 100, false);
        assertThat(outcome.requests()).isEqualTo(100);
        assertThat(outcome.errors().total()).isZero();
    }

    /** A plain GET loop keeps one connection per user (wrk -c), or opens one per request without keep-alive (ab). */
    @Test
    void eachUserKeepsItsOwnConnectionOrOpensOnePerRequest() throws Exception {
        Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
        server.createContext("/port", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            answer(exchange, 200, "ok", Map.of());
        });
        assertThat(drive(new Workload.Get("/port"), LoadKind.CONCURRENCY, 4, 200, true).requests()).isEqualTo(200);
        assertThat(clientPorts).hasSizeBetween(1, 4);
        clientPorts.clear();
        assertThat(drive(new Workload.Get("/port"), LoadKind.CONCURRENCY, 4, 40, false).requests()).isEqualTo(40);
        assertThat(clientPorts).hasSize(40);
    }

    /**
     * Asked for HTTP/2 (the profile serves it) against a server that speaks HTTP/1.1 only: every answer is an error,
     * so a run can never report HTTP/1.1 figures under HTTP/2's name.
     */
    @Test
    void anAnswerOverHttp11WhenHttp2WasAskedForIsAnError() throws Exception {
        for (var kind : List.of(LoadKind.CONCURRENCY, LoadKind.RATE)) {
            var spec = new LoadDriver.Spec(base, new Workload.Get("/hello"), kind, kind == LoadKind.CONCURRENCY ? 2 : 100, 10,
                    Duration.ZERO, true, false, Duration.ofSeconds(10), List.of(), true);
            var outcome = new EmbeddedDriver().drive(spec, new RunControl());
            assertThat(outcome.requests()).as("%s", kind).isZero();
            assertThat(outcome.errors().other()).as("%s", kind).isEqualTo(10);
        }
    }

    /** A server that accepts and never answers: each request fails as a timeout at the bound, and the level ends. */
    @Test
    void aSilentServerIsATimeoutAtTheBound() throws Exception {
        try (var silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress()); var accepting = Executors.newVirtualThreadPerTaskExecutor()) {
            var held = new CopyOnWriteArrayList<Socket>();
            accepting.submit(() -> {
                while (!silent.isClosed()) {
                    held.add(silent.accept()); // read nothing, answer nothing
                }
                return null;
            });
            var spec = new LoadDriver.Spec(URI.create("http://127.0.0.1:" + silent.getLocalPort()), new Workload.Get("/hello"),
                    LoadKind.CONCURRENCY, 2, 4, Duration.ZERO, true, false, Duration.ofMillis(300), List.of());
            var outcome = new EmbeddedDriver().drive(spec, new RunControl());
            assertThat(outcome.requests()).isZero();
            assertThat(outcome.errors().timeout()).isEqualTo(4);
            silent.close();
            for (var socket : held) {
                socket.close();
            }
        }
    }

    /** Garbage instead of an HTTP answer is an error of kind other, not an answer. */
    @Test
    void aResponseThatIsNotHttpIsAnError() throws Exception {
        try (var garbage = new ServerSocket(0, 50, InetAddress.getLoopbackAddress()); var accepting = Executors.newVirtualThreadPerTaskExecutor()) {
            accepting.submit(() -> {
                while (!garbage.isClosed()) {
                    try (var socket = garbage.accept()) {
                        socket.getInputStream().read(new byte[1024]);
                        socket.getOutputStream().write("NOT HTTP AT ALL\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                }
                return null;
            });
            var spec = new LoadDriver.Spec(URI.create("http://127.0.0.1:" + garbage.getLocalPort()), new Workload.Get("/hello"),
                    LoadKind.CONCURRENCY, 1, 3, Duration.ZERO, true, false, Duration.ofSeconds(5), List.of());
            var outcome = new EmbeddedDriver().drive(spec, new RunControl());
            assertThat(outcome.requests()).isZero();
            assertThat(outcome.errors().total()).isEqualTo(3);
            assertThat(outcome.journeyFailures()).isEqualTo(3);
            garbage.close();
        }
    }

    @Test
    void non2xxAnswersAreCountedAsAnswersAndErrors() throws Exception {
        var outcome = drive(new Workload.Get("/missing"), LoadKind.CONCURRENCY, 2, 20, true);
        assertThat(outcome.requests()).isEqualTo(20);
        assertThat(outcome.errors().non2xx()).isEqualTo(20);
        assertThat(outcome.journeyFailures()).isEqualTo(20);
    }

    /** Over https against a self-signed certificate (as bench run starts a tls=on target): new and kept connections. */
    @Test
    void drivesAnHttpsServerWithASelfSignedCertificate() throws Exception {
        var identity = ServerTls.create(TlsSettings.of(SettingsParser.parse(null, Map.of(), List.of("tls=on"))), "127.0.0.1");
        var https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        https.setHttpsConfigurator(new HttpsConfigurator(identity.context()));
        https.createContext("/hello", exchange -> answer(exchange, 200, "hello", Map.of()));
        https.start();
        try {
            for (boolean keepalive : List.of(true, false)) {
                var spec = new LoadDriver.Spec(URI.create("https://127.0.0.1:" + https.getAddress().getPort()), new Workload.Get("/hello"),
                        LoadKind.CONCURRENCY, 2, 20, Duration.ZERO, keepalive, false, Duration.ofSeconds(10), List.of());
                var outcome = new EmbeddedDriver().drive(spec, new RunControl());
                assertThat(outcome.requests()).as("keepalive %s", keepalive).isEqualTo(20);
                assertThat(outcome.errors().total()).as("keepalive %s", keepalive).isZero();
            }
        } finally {
            https.stop(0);
        }
    }

    @Test
    void noServerIsAConnectError() throws Exception {
        int port;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        var spec = new LoadDriver.Spec(URI.create("http://127.0.0.1:" + port), new Workload.Get("/hello"),
                LoadKind.CONCURRENCY, 2, 10, Duration.ZERO, true, false, Duration.ofSeconds(5), List.of());
        var outcome = new EmbeddedDriver().drive(spec, new RunControl());
        assertThat(outcome.requests()).isZero();
        assertThat(outcome.errors().connect()).isEqualTo(10);
    }

    @Test
    void openLoopSendsTheScheduledCount() throws Exception {
        var outcome = drive(new Workload.Get("/hello"), LoadKind.RATE, 200, 40, true);
        assertThat(outcome.requests()).isEqualTo(40);
        assertThat(outcome.errors().total()).isZero();
        // timed from the planned start (corrected), and the raw service time beside it, never longer
        assertThat(outcome.rawLatencyMs()).isNotNull();
        assertThat(outcome.rawLatencyMs().p50()).isPositive().isLessThanOrEqualTo(outcome.latencyMs().p50());
        assertThat(outcome.rawLatencyMs().max()).isLessThanOrEqualTo(outcome.latencyMs().max());
    }

    @Test
    void aClosedLoopHasNoSeparateRawLatency() throws Exception {
        // each request is sent when the last one is answered: planned and actual start are one
        assertThat(drive(new Workload.Get("/hello"), LoadKind.CONCURRENCY, 2, 10, true).rawLatencyMs()).isNull();
    }

    @Test
    void loginWallJourneyCarriesHiddenFieldsAndTheCookie() throws Exception {
        var workload = Journeys.workload("journey:login-wall?users=5&walls=3&password=pw");
        var outcome = drive(workload, LoadKind.CONCURRENCY, 2, 6, true);
        assertThat(outcome.journeys()).isEqualTo(6);
        assertThat(outcome.journeyFailures()).isZero();
        // GET /login, POST /login, the first wall, two more walls
        assertThat(outcome.requests()).isEqualTo(6 * 5);
    }

    @Test
    void loginWallJourneyReadsGzippedPages() throws Exception {
        // seed 002 asks for gzip: the sign-in form's hidden fields and the wall's links arrive compressed
        var spec = new LoadDriver.Spec(base, Journeys.workload("journey:login-wall?users=5&walls=3&password=pw"),
                LoadKind.CONCURRENCY, 2, 6, Duration.ZERO, true, true, Duration.ofSeconds(10), List.of());
        var outcome = new EmbeddedDriver().drive(spec, new RunControl());
        assertThat(gzipped.get()).as("answers the test server gzipped").isGreaterThan(0);
        assertThat(outcome.journeyFailures()).isZero();
        assertThat(outcome.journeys()).isEqualTo(6);
        assertThat(outcome.requests()).isEqualTo(6 * 5);
    }

    @Test
    void wallJourneySendsEachUserItsOwnSignedCookieAtTheRate() throws Exception {
        var mint = new SessionMint("test-secret");
        var outcome = drive(Journeys.workload("journey:wall?users=300", mint), LoadKind.RATE, 200, 40, false);
        assertThat(outcome.journeys()).isEqualTo(40);
        assertThat(outcome.journeyFailures()).isZero();
        assertThat(outcome.requests()).as("one GET per journey, no sign-in").isEqualTo(40);
        assertThat(wallRequests).hasSize(40).allSatisfy(request -> {
            var pathAndCookie = request.split(" ", 2);
            var value = pathAndCookie[1].substring("sessionid=".length());
            int user = Integer.parseInt(value.substring(0, value.indexOf('.')));
            assertThat(user).isBetween(1, 300);
            assertThat(value).as("the mint's cookie for user %d", user).isEqualTo(mint.cookie(user));
            assertThat(pathAndCookie[0]).isEqualTo("/wall/" + ((user - 1) % 200 + 1));
        });
    }

    @Test
    void aWrongPasswordFailsTheJourney() throws Exception {
        var outcome = drive(Journeys.workload("journey:login-wall?password=wrong"), LoadKind.CONCURRENCY, 1, 3, true);
        assertThat(outcome.journeys()).isZero();
        assertThat(outcome.journeyFailures()).isEqualTo(3);
    }

    /** Cancelled while every request waits on a silent server with a long timeout: the level still ends at once. */
    @Test
    void cancellingEndsRequestsThatWaitForAnAnswer() throws Exception {
        try (var silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress()); var accepting = Executors.newVirtualThreadPerTaskExecutor()) {
            var held = new CopyOnWriteArrayList<Socket>();
            accepting.submit(() -> {
                while (!silent.isClosed()) {
                    held.add(silent.accept());
                }
                return null;
            });
            var control = new RunControl();
            var spec = new LoadDriver.Spec(URI.create("http://127.0.0.1:" + silent.getLocalPort()), new Workload.Get("/hello"),
                    LoadKind.CONCURRENCY, 3, 0, Duration.ofMinutes(5), true, false, Duration.ofMinutes(5), List.of());
            var cancel = Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException ignored) {
                    return;
                }
                control.cancel();
            });
            var outcome = new EmbeddedDriver().drive(spec, control);
            cancel.join();
            assertThat(outcome.requests()).isZero();
            assertThat(outcome.seconds()).isLessThan(60);
            silent.close();
            for (var socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void cancellingStopsTheLoad() throws Exception {
        var control = new RunControl();
        control.cancel();
        var spec = new LoadDriver.Spec(base, new Workload.Get("/hello"), LoadKind.CONCURRENCY, 2, 0,
                Duration.ofSeconds(30), true, false, Duration.ofSeconds(5), List.of());
        var outcome = new EmbeddedDriver().drive(spec, control);
        assertThat(outcome.requests()).isZero();
    }

    private LoadDriver.Outcome drive(Workload workload, LoadKind kind, int level, int requests, boolean keepalive) throws Exception {
        var spec = new LoadDriver.Spec(base, workload, kind, level, requests, Duration.ZERO, keepalive, false,
                Duration.ofSeconds(10), List.of());
        return new EmbeddedDriver().drive(spec, new RunControl());
    }

    /** Answers gzipped when the client accepts it, as the targets do with gzip=on. */
    private void answer(HttpExchange exchange, int status, String body, Map<String, String> headers) throws IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        var accept = exchange.getRequestHeaders().getFirst("Accept-Encoding");
        if (bytes.length > 0 && accept != null && accept.contains("gzip")) {
            var zipped = new ByteArrayOutputStream();
            try (var gzip = new GZIPOutputStream(zipped)) {
                gzip.write(bytes);
            }
            bytes = zipped.toByteArray();
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            gzipped.incrementAndGet();
        }
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
