package org.benchtarget.daemon.front;

import org.benchtarget.core.BuildInfo;
import org.benchtarget.core.config.RequestLimits;
import org.benchtarget.core.config.Settings;
import org.benchtarget.core.files.StaticFiles;
import org.benchtarget.core.fixture.Manifest;
import org.benchtarget.core.haproxy.HaproxyConf;
import org.benchtarget.core.tls.ServerTls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code front=haproxy}: HAProxy as a child process (foreground, {@code -db}) with a generated configuration in a
 * private temporary directory, removed on stop. HAProxy answers the static files from memory ({@code http-request
 * return}, loaded from the directory at start) and routes around a dead backend by itself (a connect check every
 * second, a failed connection redispatched); backends come back at the same address, so its configuration never
 * changes. {@code /backends} changes, so HAProxy asks the daemon for it ({@link ListingServer}). Thread-safe.
 */
final class HaproxyFront implements Front {
    private static final List<String> PLACES = List.of("/usr/sbin/haproxy", "/usr/local/sbin/haproxy");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);
    private static final String TEXT = "\"text/plain; charset=utf-8\"";
    private static final String CERT_AND_KEY = "cert-and-key.pem";

    private final ChildFronts.Child child;
    private final ListingServer listing;

    private HaproxyFront(ChildFronts.Child child, ListingServer listing) {
        this.child = child;
        this.listing = listing;
    }

    /** Returns the haproxy binary on PATH or in the usual places, or stops with one line. */
    static String binary() {
        return ChildFronts.binary("haproxy", PLACES);
    }

    static HaproxyFront start(Settings settings, ServerTls tls, List<String> backends, Supplier<String> listing) {
        var haproxy = binary();
        var server = "benchtarget-" + settings.target();
        var listingServer = ListingServer.start(listing, server);
        try {
            var dir = ChildFronts.workDir("benchtarget-haproxy-");
            int port = ChildFronts.portOrFree(settings.host(), settings.port());
            var shape = FrontShape.of(settings, tls, port);
            if (tls != null) {
                // HAProxy reads certificate and key from one file; it lives in the private directory, removed on stop
                Files.writeString(dir.resolve(CERT_AND_KEY), Files.readString(tls.certFile()) + Files.readString(tls.keyFile()));
            }
            var config = dir.resolve("haproxy.cfg");
            Files.writeString(config, config(dir, shape, server, backends, StaticFiles.load(BuildInfo.load().time()), listingServer.port()));
            var process = new ProcessBuilder(haproxy, "-db", "-f", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("haproxy.out").toFile())
                    .start();
            var version = ChildFronts.firstLine("haproxy", haproxy, "-v").replaceFirst("^HAProxy version (\\S+).*", "haproxy $1");
            var front = new HaproxyFront(new ChildFronts.Child(dir, process, port, settings.shutdownTimeout(), version), listingServer);
            ChildFronts.awaitListening(process, "haproxy", settings.host(), port, START_TIMEOUT, dir.resolve("haproxy.out"));
            return front;
        } catch (IOException | RuntimeException e) {
            listingServer.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /**
     * The haproxy.cfg (HaproxyConf, as bench lb haproxy's): the static files answered from the configuration for paths
     * in canonical form, {@code /backends} from the daemon, the rest proxied round robin over kept-alive connections;
     * HAProxy's own answers (errors, refusals) as one line of text with the backends' headers. {@code backends} are
     * HAProxy server addresses: {@code 127.0.0.1:40001}, or a Unix socket's path.
     */
    static String config(Path dir, FrontShape shape, String server, List<String> backends, StaticFiles files, int listingPort) {
        var limits = shape.limits();
        var frontend = new ArrayList<>(List.of(
                "# bodies are read at the front before a backend connection is taken (as nginx's proxy_request_buffering)",
                "option http-buffer-request",
                "timeout http-request " + limits.idleTimeout().toMillis() + "ms",
                "http-request return status 413 content-type " + TEXT + " string \"request body larger than " + limits.maxBodyBytes()
                        + " bytes\" if { req.hdr_val(content-length) gt " + limits.maxBodyBytes() + " }",
                "# an HTTP/1.0 client may send no Host; the connection to a backend is HTTP/1.1, which requires one",
                "http-request set-header Host %[dst]:%[dst_port] unless { req.hdr(host) -m found }",
                "acl read method GET HEAD",
                "# app-core's one path rule (RequestPath): a file only for a path in canonical form; any other goes to a backend",
                "acl canonical path_reg ^/(hello[.]txt|static(/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)+)$"));
        frontend.addAll(staticFiles(dir, files, shape.serverTiming()));
        frontend.addAll(List.of("use_backend listing if read { path /backends }"));
        var after = new ArrayList<String>();
        if (!shape.keepalive()) {
            after.add("http-after-response set-header Connection close");
        }
        if (shape.manifest() != null) {
            after.add("# proxied answers say daemon (the backends run in-process and say so)");
            after.add("http-after-response set-header " + Manifest.HEADER + " \"" + shape.manifest() + "\"");
        }
        after.addAll(List.of("http-after-response set-header X-Content-Type-Options nosniff unless { res.hdr(x-content-type-options) -m found }",
                "http-after-response set-header Server " + server + " unless { res.hdr(server) -m found }",
                "http-after-response set-header Date \"%[date,http_date]\" unless { res.hdr(date) -m found }"));
        frontend.addAll(after);
        if (shape.tls() != null) {
            frontend.add("# over TLS the backends' cookies (set over cleartext HTTP behind the front) are marked Secure");
            frontend.add("http-response replace-header Set-Cookie '^(.*)$' '\\1; Secure'"); // single quotes: no $ expansion
        }
        if (shape.gzip()) {
            frontend.addAll(List.of("compression algo gzip", "compression type text/css text/javascript image/svg+xml"));
        }
        var servers = new ArrayList<String>();
        for (var backend : backends) {
            // a connect check, not an HTTP one: the backends' request counts stay the clients'
            servers.add("b" + (servers.size() + 1) + " " + backend + (shape.h2cBackends() ? " proto h2" : "") + " check inter 1s fall 1 rise 1");
        }
        var listen = shape.host().contains(":") && !shape.host().startsWith("[") ? "[" + shape.host() + "]" : shape.host();
        return HaproxyConf.in(dir)
                .comment("generated by benchtarget daemon mode (front=haproxy); deleted when it stops")
                .global(List.of("nbthread " + shape.workers(),
                        // the largest request head, plus HAProxy's room for rewriting headers
                        "tune.bufsize " + Math.max(16_384, limits.maxHeaderBytes() + 1024)))
                .defaults(errors(limits))
                .timeouts(limits.idleTimeout().toMillis() + "ms", shape.timeout().toMillis() + "ms", "65s")
                // in the clear HAProxy also takes h2c by prior knowledge on the same port
                .bind(listen + ":" + shape.port() + (shape.tls() == null ? "" : " ssl crt " + dir.resolve(CERT_AND_KEY)
                        + " ssl-min-ver TLSv1.2 alpn " + (shape.http2() ? "h2,http/1.1" : "http/1.1")))
                .frontend(frontend)
                .backend("backends", List.of("# a backend killed under a kept-alive connection: a GET is sent again to another, a POST is not",
                        "retry-on conn-failure empty-response", "http-request disable-l7-retry unless METH_GET || METH_HEAD",
                        "option redispatch 1", "http-reuse always"), servers)
                .sections(List.of("backend listing", "    server listing 127.0.0.1:" + listingPort))
                .render();
    }

    /** The static files, answered from memory: 304 for a matching conditional GET, else 200; an unknown /static/ path 404. */
    private static List<String> staticFiles(Path dir, StaticFiles files, boolean serverTiming) {
        var lines = new ArrayList<String>();
        for (var file : files.described()) {
            var headers = new StringBuilder();
            file.headers().forEach(header -> headers.append(" hdr ").append(header.name()).append(" '").append(header.value()).append('\''));
            if (serverTiming) {
                // HAProxy answers these from memory, inside its own millisecond clock
                headers.append(" hdr Server-Timing app;dur=0.000");
            }
            var lastModified = file.headers().stream().filter(header -> header.name().equals("Last-Modified")).findFirst().orElseThrow().value();
            var when = " if read canonical { path " + file.path() + " }";
            var tag = file.etag().replace("\"", "");
            // If-None-Match: this ETag, weak or strong, alone or in a list, or *
            lines.add("http-request return status 304" + headers + when + " { req.fhdr(if-none-match) -m sub " + tag + " }");
            lines.add("http-request return status 304" + headers + when + " { req.fhdr(if-none-match) -m str * }");
            // If-Modified-Since: the Last-Modified sent, as clients send it back (a later date answers 200, which is allowed)
            lines.add("http-request return status 304" + headers + when + " !{ req.hdr(if-none-match) -m found } { req.fhdr(if-modified-since) -m str '"
                    + lastModified + "' }");
            lines.add("http-request return status 200 content-type \"" + file.contentType() + "\" file " + dir + "/public" + file.path() + headers + when);
        }
        lines.add("http-request return status 404 content-type " + TEXT + " string \"not found: no such static file\" if read canonical");
        return lines;
    }

    /** HAProxy's own error answers: one line of text, as the backends' (CONTRACT: bad input gets a one-line reason). */
    private static List<String> errors(RequestLimits limits) {
        return List.of(
                error(400, "bad request: HAProxy refused the request (malformed request line or headers)"),
                error(408, "request timeout: the request did not arrive within " + limits.idleTimeout().toMillis() + " ms"),
                error(500, "internal error at the front"),
                error(502, "bad gateway: the backend failed to answer"),
                error(503, "service unavailable: no backend is up"),
                error(504, "gateway timeout: the backend did not answer in time"));
    }

    private static String error(int status, String reason) {
        return "http-error status " + status + " content-type " + TEXT + " string \"" + reason + "\\n\"";
    }

    @Override
    public int port() {
        return child.port();
    }

    @Override
    public String describe() {
        return child.describe();
    }

    @Override
    public void backendDown(URI backend) {
        // HAProxy's connect check takes it out; /backends is rendered per request
    }

    @Override
    public void backendUp(URI backend) {
        // HAProxy's connect check puts it back
    }

    /** Graceful: SIGUSR1 (soft stop) lets open requests finish; after the shutdown timeout, SIGKILL. */
    @Override
    public void close() {
        try {
            new ProcessBuilder("kill", "-USR1", Long.toString(child.process().pid())).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(5, TimeUnit.SECONDS);
            child.awaitStop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            listing.close();
        }
    }
}
