package org.benchtarget.daemon.front;

import io.undertow.Undertow;
import io.undertow.attribute.ExchangeAttribute;
import io.undertow.attribute.ReadOnlyAttributeException;
import io.undertow.predicate.Predicates;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.ResponseCodeHandler;
import io.undertow.server.handlers.encoding.ContentEncodingRepository;
import io.undertow.server.handlers.encoding.EncodingHandler;
import io.undertow.server.handlers.encoding.GzipEncodingProvider;
import io.undertow.server.handlers.proxy.LoadBalancingProxyClient;
import io.undertow.server.handlers.proxy.ProxyHandler;
import io.undertow.server.handlers.RequestBufferingHandler;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import org.benchtarget.core.App;
import org.benchtarget.core.BuildInfo;
import org.benchtarget.core.config.Modes.ProxyProtocol;
import org.benchtarget.core.config.Settings;
import org.benchtarget.core.files.StaticFiles;
import org.benchtarget.core.fixture.Manifest;
import org.benchtarget.core.tls.ServerTls;
import org.benchtarget.core.web.Cookies;
import org.benchtarget.core.web.HttpDate;
import org.benchtarget.core.web.HttpProblem;
import org.benchtarget.core.web.SecurityHeaders;
import org.benchtarget.undertow.ServerOptions;
import org.benchtarget.undertow.ResultWriter;
import org.benchtarget.undertow.GracefulStop;
import org.benchtarget.undertow.HandshakeDeadline;
import org.xnio.Options;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The built-in front: Undertow's reverse proxy ({@link ProxyHandler} over a round-robin
 * {@link LoadBalancingProxyClient} with kept-alive HTTP/1.1 connections to every backend) plus the
 * static files, served on the IO threads. It never opens the database. Thread-safe.
 */
final class UndertowFront implements Front {
    /** Undertow's smallest pooled buffer (it sizes them from the heap): enough buffers of it hold request.max-body. */
    private static final int MIN_BUFFER_BYTES = 512;
    /** Requests beyond the backends' connections wait in the front's queue (like mod_wsgi's listen queue) rather than fail. */
    private static final int MAX_QUEUE = 10_000;
    /** An idempotent request whose backend died under it is retried on another (then 503). */
    private static final int RETRIES = 2;
    private static final int FRONT_WORKER_THREADS = 2;
    private static final HttpString BENCH_MODE = HttpString.tryFromString(Manifest.HEADER);
    private static final HttpString NOSNIFF = HttpString.tryFromString(SecurityHeaders.NOSNIFF.name());

    private final Undertow undertow;
    private final GracefulStop graceful;
    private final LoadBalancingProxyClient balancer;
    private final Set<URI> routed = new HashSet<>();
    private final long shutdownMillis;
    private final boolean h2c;

    private UndertowFront(Undertow undertow, GracefulStop graceful, LoadBalancingProxyClient balancer, long shutdownMillis, boolean h2c) {
        this.undertow = undertow;
        this.graceful = graceful;
        this.balancer = balancer;
        this.shutdownMillis = shutdownMillis;
        this.h2c = h2c;
    }

    static UndertowFront start(Settings settings, ServerTls tls, List<URI> backends, Supplier<String> listing) {
        QuietAbandonedProxyRequests.install();
        var balancer = new LoadBalancingProxyClient()
                .setConnectionsPerThread(connectionsPerIoThread(settings))
                .setSoftMaxConnectionsPerThread(connectionsPerIoThread(settings))
                .setMaxQueueSize(MAX_QUEUE)
                .setProblemServerRetry(1);
        var server = "benchtarget-" + settings.target();
        var date = new HttpDate(Clock.systemUTC());
        var proxy = ProxyHandler.builder()
                .setProxyClient(new TaggingProxyClient(balancer))
                .setMaxRequestTime(Math.toIntExact(settings.daemon().timeout().toMillis()))
                .setMaxConnectionRetries(RETRIES)
                .setNext(ResponseCodeHandler.HANDLE_404)
                // An HTTP/1.0 client may send no Host; the backend connection is HTTP/1.1, which requires one.
                .addRequestHeader(Headers.HOST, new HostAndPort())
                .build();
        HttpHandler files = new StaticAtFront(new FrontFiles(StaticFiles.load(BuildInfo.load().time()), settings.gzip(),
                settings.fixture().serverTiming()), date, server, settings.keepalive());
        if (settings.gzip()) {
            files = new EncodingHandler(files, new ContentEncodingRepository().addEncodingHandler(
                    "gzip", new GzipEncodingProvider(), 50, Predicates.maxContentSize(App.GZIP_MIN_BYTES - 1)));
        }
        var front = new UndertowFront[1];
        var windows = new UndertowWindows(() -> front[0].live(), server, date, settings.keepalive());
        // Bodies are read whole at the front before a backend connection is taken (nginx's proxy_request_buffering):
        // a client that stalls mid-body then holds only its own connection, not one of the few to a backend.
        HttpHandler buffered = new BodyDeadline(new RequestBufferingHandler(proxy, settings.limits().maxBodyBytes() / MIN_BUFFER_BYTES + 1),
                settings.limits().idleTimeout());
        var graceful = new GracefulStop(stamped(router(files, buffered, windows, listing, server, date, settings.keepalive(),
                settings.limits().maxBodyBytes()), settings.fixture().manifest() ? Manifest.of(settings) : null, tls != null), server);
        // with bodies buffered at the front, a stalled body times out here, before any backend saw it
        // the request line reaches the backend as the client wrote it (DECODE_URL off): the backend's parser judges it
        var undertow = ServerOptions.builder(settings, tls)
                .setWorkerThreads(FRONT_WORKER_THREADS)
                .setHandler(graceful)
                .build();
        front[0] = new UndertowFront(undertow, graceful, balancer, settings.shutdownTimeout().toMillis(),
                settings.daemon().protocol() == ProxyProtocol.H2C);
        backends.forEach(front[0]::backendUp);
        undertow.start();
        if (tls != null) {
            HandshakeDeadline.apply(undertow, settings.limits().idleTimeout());
        }
        return front[0];
    }

    /** Enough connections per IO thread for every backend thread to have one request: T / IO threads, rounded up. */
    static int connectionsPerIoThread(Settings settings) {
        return Math.max(1, (settings.threads() + settings.ioThreads() - 1) / settings.ioThreads());
    }

    /**
     * Every answer, the front's own and the proxied ones, carries nosniff and (manifest=on) the front's
     * X-Bench-Mode, which replaces the backend's: it says daemon, where each backend runs in-process. Over TLS the
     * backends' cookies (set over cleartext HTTP behind the front) are marked Secure, as an in-process target's are.
     */
    private static HttpHandler stamped(HttpHandler next, String manifest, boolean tls) {
        return exchange -> {
            exchange.addResponseCommitListener(committed -> {
                var headers = committed.getResponseHeaders();
                if (manifest != null) {
                    headers.put(BENCH_MODE, manifest);
                }
                if (!headers.contains(NOSNIFF)) {
                    headers.put(NOSNIFF, SecurityHeaders.NOSNIFF.value());
                }
                var cookies = tls ? headers.get(Headers.SET_COOKIE) : null;
                if (cookies != null) {
                    for (int i = 0; i < cookies.size(); i++) {
                        cookies.set(i, Cookies.secure(cookies.get(i)));
                    }
                }
            });
            next.handleRequest(exchange);
        };
    }

    private static HttpHandler router(HttpHandler files, HttpHandler proxy, HttpHandler windows, Supplier<String> listing,
                                      String server, HttpDate date, boolean keepalive, int maxBodyBytes) {
        return exchange -> {
            // routed by the backends' one path rule; a path it refuses goes to a backend, which answers its 400
            var path = StaticAtFront.routed(exchange);
            var method = exchange.getRequestMethod().toString();
            if (FrontFiles.isFile(method, path)) {
                files.handleRequest(exchange);
            } else if (FrontFiles.isListing(method, path)) {
                listing(exchange, listing.get(), server, date);
            } else if (FrontFiles.isWindow(method, path)) {
                windows.handleRequest(exchange);
            } else {
                if (!keepalive) {
                    exchange.setPersistent(false);
                }
                var refusal = refusal(exchange, maxBodyBytes);
                if (refusal != null) {
                    ResultWriter.write(exchange, refusal.toResult(), server, date.now(), keepalive);
                    return;
                }
                // Answers the proxy makes itself (503 with no backend, 504) carry Server and Date too.
                exchange.addResponseCommitListener(committed -> {
                    var headers = committed.getResponseHeaders();
                    if (!headers.contains(Headers.SERVER)) {
                        headers.put(Headers.SERVER, server);
                    }
                    if (!headers.contains(Headers.DATE)) {
                        headers.put(Headers.DATE, date.now());
                    }
                });
                proxy.handleRequest(exchange);
            }
        };
    }

    /**
     * Returns what the front refuses itself rather than proxy, or null: a declared body over request.max-body
     * (the proxy would fail reading it: a 503), a Cookie header Undertow cannot parse (its balancer reads
     * cookies for sticky sessions and would fail: a 500).
     */
    private static HttpProblem refusal(HttpServerExchange exchange, int maxBodyBytes) {
        if (exchange.getRequestContentLength() > maxBodyBytes) {
            return new HttpProblem(413, "request body larger than " + maxBodyBytes + " bytes");
        }
        try {
            exchange.requestCookies(); // parsed once per exchange; the balancer reuses them
        } catch (IllegalArgumentException malformed) {
            return HttpProblem.badRequest("malformed Cookie header");
        }
        return null;
    }

    private static void listing(HttpServerExchange exchange, String json, String server, HttpDate date) {
        var headers = exchange.getResponseHeaders();
        headers.put(Headers.SERVER, server);
        headers.put(Headers.DATE, date.now());
        headers.put(Headers.CONTENT_TYPE, "application/json");
        headers.put(Headers.CACHE_CONTROL, "no-store");
        exchange.getResponseSender().send(json, StandardCharsets.UTF_8);
    }

    /** The client's Host, or the front's own address when an HTTP/1.0 client sent none. */
    private static final class HostAndPort implements ExchangeAttribute {
        @Override
        public String readAttribute(HttpServerExchange exchange) {
            return exchange.getHostAndPort();
        }

        @Override
        public void writeAttribute(HttpServerExchange exchange, String newValue) throws ReadOnlyAttributeException {
            throw new ReadOnlyAttributeException("Host", newValue);
        }
    }

    @Override
    public int port() {
        return ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    }

    @Override
    public String describe() {
        return "undertow " + io.undertow.Version.getVersionString();
    }

    /** Returns the backends the balancer routes to now. */
    synchronized java.util.List<URI> live() {
        return java.util.List.copyOf(routed);
    }

    @Override
    public synchronized void backendDown(URI backend) {
        if (routed.remove(backend)) {
            balancer.removeHost(proxied(backend));
        }
    }

    @Override
    public synchronized void backendUp(URI backend) {
        if (routed.add(backend)) {
            balancer.addHost(proxied(backend));
        }
    }

    /**
     * How the balancer names a backend: as is for HTTP/1.1; {@code h2c-prior://} for proxy.protocol=h2c, Undertow's
     * client for HTTP/2 in the clear by prior knowledge (one connection carries many requests at once).
     */
    private URI proxied(URI backend) {
        return h2c ? URI.create("h2c-prior://" + backend.getHost() + ":" + backend.getPort()) : backend;
    }

    @Override
    public void close() {
        graceful.stop(undertow, shutdownMillis);
    }
}
