package org.benchtarget.undertow;

import io.undertow.server.HttpServerExchange;
import org.benchtarget.core.web.BodyLimit;
import org.benchtarget.core.web.HttpProblem;
import org.benchtarget.core.web.WebRequest;

/**
 * An Undertow exchange seen as a {@link WebRequest}. Its body was read whole before the app ran
 * ({@link BodyFirst}), so {@link #body} never blocks. Confined to the exchange's thread.
 */
public final class ExchangeRequest implements WebRequest {
    private static final byte[] NO_BODY = new byte[0];

    private final HttpServerExchange exchange;
    private final long arrivalNanos;
    private final byte[] body;
    private final HttpProblem bodyProblem;

    private ExchangeRequest(HttpServerExchange exchange, long arrivalNanos, byte[] body, HttpProblem bodyProblem) {
        this.exchange = exchange;
        this.arrivalNanos = arrivalNanos;
        this.body = body;
        this.bodyProblem = bodyProblem;
    }

    /** A request that came without a body. */
    public static ExchangeRequest withoutBody(HttpServerExchange exchange, long arrivalNanos) {
        return new ExchangeRequest(exchange, arrivalNanos, NO_BODY, null);
    }

    /** A request whose whole body has been read. */
    static ExchangeRequest withBody(HttpServerExchange exchange, long arrivalNanos, byte[] body) {
        return new ExchangeRequest(exchange, arrivalNanos, body, null);
    }

    /** A request whose body could not be read: the app answers {@code problem} if it asks for the body. */
    static ExchangeRequest withUnreadableBody(HttpServerExchange exchange, long arrivalNanos, HttpProblem problem) {
        return new ExchangeRequest(exchange, arrivalNanos, NO_BODY, problem);
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
        return rawPath(exchange);
    }

    /**
     * Returns the path as the client sent it. Not {@code getRequestPath()}: Undertow cuts {@code ;parameters}
     * off it. An absolute-form target loses its scheme and authority, as Undertow's proxy forwards it.
     */
    public static String rawPath(HttpServerExchange exchange) {
        var uri = exchange.getRequestURI();
        if (!exchange.isHostIncludedInRequestURI()) {
            return uri;
        }
        int authority = uri.indexOf("//");
        int slash = authority < 0 ? -1 : uri.indexOf('/', authority + 2);
        return slash < 0 ? "/" : uri.substring(slash);
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
    public java.util.List<String> headers(String name) {
        var values = exchange.getRequestHeaders().get(name);
        return values == null ? java.util.List.of() : values;
    }

    @Override
    public boolean secure() {
        return exchange.getConnection().getSslSessionInfo() != null;
    }

    @Override
    public boolean fromLoopback() {
        var peer = exchange.getSourceAddress();
        return peer != null && peer.getAddress() != null && peer.getAddress().isLoopbackAddress();
    }

    @Override
    public byte[] body(int limit) {
        if (bodyProblem != null) {
            throw bodyProblem;
        }
        return BodyLimit.within(body, limit);
    }
}
