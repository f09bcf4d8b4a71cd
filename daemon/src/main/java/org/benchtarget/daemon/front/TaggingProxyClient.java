package org.benchtarget.daemon.front;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.proxy.ProxyCallback;
import io.undertow.server.handlers.proxy.ProxyClient;
import io.undertow.server.handlers.proxy.ProxyConnection;
import io.undertow.util.HttpString;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A proxy client that names, in an {@code X-Backend} response header, the backend that answered
 * (the same {@code host:port} nginx's {@code $upstream_addr} gives). The proxy copies the backend's
 * headers without overwriting this one; a retry on another backend overwrites it. Thread-safe.
 */
final class TaggingProxyClient implements ProxyClient {
    static final HttpString X_BACKEND = HttpString.tryFromString("X-Backend");

    private final ProxyClient delegate;

    TaggingProxyClient(ProxyClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public ProxyTarget findTarget(HttpServerExchange exchange) {
        return delegate.findTarget(exchange);
    }

    @Override
    public List<ProxyTarget> getAllTargets() {
        return delegate.getAllTargets();
    }

    @Override
    public void getConnection(ProxyTarget target, HttpServerExchange exchange, ProxyCallback<ProxyConnection> callback,
                              long timeout, TimeUnit timeUnit) {
        delegate.getConnection(target, exchange, new ProxyCallback<>() {
            @Override
            public void completed(HttpServerExchange exchange, ProxyConnection connection) {
                var peer = connection.getConnection().getPeerAddress(InetSocketAddress.class);
                if (peer != null) {
                    exchange.getResponseHeaders().put(X_BACKEND, peer.getHostString() + ":" + peer.getPort());
                }
                callback.completed(exchange, connection);
            }

            @Override
            public void failed(HttpServerExchange exchange) {
                callback.failed(exchange);
            }

            @Override
            public void couldNotResolveBackend(HttpServerExchange exchange) {
                callback.couldNotResolveBackend(exchange);
            }

            @Override
            public void queuedRequestFailed(HttpServerExchange exchange) {
                callback.queuedRequestFailed(exchange);
            }
        }, timeout, timeUnit);
    }
}
