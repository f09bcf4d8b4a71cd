package org.benchtarget.undertow;

import io.undertow.server.HttpServerExchange;
import org.benchtarget.core.web.BodyLimit;
import org.benchtarget.core.web.HttpProblem;
import org.benchtarget.core.web.WebRequest;
import org.xnio.IoUtils;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** An Undertow exchange seen as a {@link WebRequest}. Confined to the exchange's thread. */
public final class ExchangeRequest implements WebRequest {
    private final HttpServerExchange exchange;
    private final long arrivalNanos;
    private final Duration bodyDeadline;

    /** {@code bodyDeadline}: the whole body must arrive within it (request.idle-timeout), see {@link BodyLimit}. */
    public ExchangeRequest(HttpServerExchange exchange, long arrivalNanos, Duration bodyDeadline) {
        this.exchange = exchange;
        this.arrivalNanos = arrivalNanos;
        this.bodyDeadline = bodyDeadline;
    }

    @Override
    public long arrivalNanos() {
        return arrivalNanos;
    }

    @Override
    public String method() {
        return exchange.getRequestMethod().toString();
    }

    @Override
    public String path() {
        return exchange.getRequestPath();
    }

    @Override
    public String rawQuery() {
        var query = exchange.getQueryString();
        return query.isEmpty() ? null : query;
    }

    @Override
    public String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    @Override
    public boolean fromLoopback() {
        var peer = exchange.getSourceAddress();
        return peer != null && peer.getAddress() != null && peer.getAddress().isLoopbackAddress();
    }

    @Override
    public byte[] body(int limit) throws IOException {
        // The smaller of the app's limit and request.max-body (MAX_ENTITY_SIZE). Undertow may deliver one byte
        // more, so BodyLimit sees the excess and answers 413, where Undertow would fail the read (a 400).
        int effective = (int) Math.min(limit, exchange.getMaxEntitySize());
        exchange.setMaxEntitySize(effective + 1L);
        if (!exchange.isBlocking()) {
            exchange.startBlocking();
        }
        // A client that stops sending mid-body would block this worker in a read for good: at the deadline the
        // connection is closed, which fails the read. Armed only while a body is read, unlike a socket read
        // timeout, which re-arms a timer on every read of every request (/hello ~5% slower with it, side by side).
        var watchdog = exchange.getIoThread().executeAfter(() -> IoUtils.safeClose(exchange.getConnection()),
                bodyDeadline.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return BodyLimit.read(exchange.getInputStream(), exchange.getRequestContentLength(), effective, bodyDeadline);
        } catch (RuntimeException e) {
            if (exchange.getConnection().isOpen()) {
                throw e;
            }
            // the client went away mid-body; Undertow's stream may then fail unchecked (an NPE on its freed buffer)
            throw HttpProblem.badRequest("request body incomplete: the client closed the connection");
        } finally {
            watchdog.remove();
        }
    }
}
