package org.benchtarget.undertow;

import io.undertow.server.HttpServerExchange;
import org.benchtarget.core.web.BodyLimit;
import org.benchtarget.core.web.WebRequest;

import java.io.IOException;

/** An Undertow exchange seen as a {@link WebRequest}. Confined to the exchange's thread. */
public final class ExchangeRequest implements WebRequest {
    private final HttpServerExchange exchange;
    private final long arrivalNanos;

    public ExchangeRequest(HttpServerExchange exchange, long arrivalNanos) {
        this.exchange = exchange;
        this.arrivalNanos = arrivalNanos;
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
    public byte[] body(int limit) throws IOException {
        if (!exchange.isBlocking()) {
            exchange.startBlocking();
        }
        return BodyLimit.read(exchange.getInputStream(), exchange.getRequestContentLength(), limit);
    }
}
