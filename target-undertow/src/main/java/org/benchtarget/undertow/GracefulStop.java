package org.benchtarget.undertow;

import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.GracefulShutdownHandler;
import io.undertow.util.DateUtils;
import io.undertow.util.Headers;

import java.nio.charset.StandardCharsets;
import java.util.Date;

/**
 * The outermost handler of an Undertow server (the app's or daemon mode's front) and how it stops:
 * requests that arrive once stopping has begun get a 503 with Retry-After and the connection closes;
 * requests in flight finish (bounded by {@code shutdown.timeout}); then the server stops. It does not call
 * Undertow's {@code ListenerInfo.suspend()}, which closes every open connection, in-flight requests included.
 * Thread-safe.
 */
public final class GracefulStop implements HttpHandler {
    private final GracefulShutdownHandler inFlight;
    private final String server;
    private volatile boolean stopping;

    public GracefulStop(HttpHandler next, String server) {
        this.inFlight = Handlers.gracefulShutdown(next);
        this.server = server;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (stopping) {
            exchange.setStatusCode(503);
            exchange.setPersistent(false);
            var headers = exchange.getResponseHeaders();
            headers.put(Headers.SERVER, server);
            headers.put(Headers.DATE, DateUtils.toDateString(new Date()));
            headers.put(Headers.RETRY_AFTER, "1");
            headers.put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
            exchange.getResponseSender().send("shutting down: retry on another server or later\n", StandardCharsets.UTF_8);
            return;
        }
        inFlight.handleRequest(exchange);
    }

    /** Refuses new requests, waits up to {@code timeoutMillis} for those in flight, then stops {@code undertow}. */
    public void stop(Undertow undertow, long timeoutMillis) {
        stopping = true;
        inFlight.shutdown();
        try {
            inFlight.awaitShutdown(timeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        undertow.stop();
    }
}
