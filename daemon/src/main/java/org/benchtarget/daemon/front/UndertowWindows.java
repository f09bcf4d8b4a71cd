package org.benchtarget.daemon.front;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import org.benchtarget.core.fixture.RunWindows;
import org.benchtarget.core.web.HttpDate;
import org.benchtarget.undertow.ResultWriter;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.function.Supplier;

/**
 * The Undertow front's {@link WindowFanOut}: on a worker thread, each backend reached over loopback TCP with the
 * JDK's HTTP client (the Undertow front has no Unix sockets). Thread-safe.
 */
final class UndertowWindows implements HttpHandler {
    private final WindowFanOut windows;
    private final String server;
    private final HttpDate date;
    private final boolean keepalive;

    UndertowWindows(Supplier<Collection<URI>> backends, String server, HttpDate date, boolean keepalive) {
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.windows = new WindowFanOut(backends, (backend, method, token) -> {
            var request = HttpRequest.newBuilder(backend.resolve("/bench/window")).timeout(Duration.ofSeconds(10))
                    .method(method, HttpRequest.BodyPublishers.noBody());
            if (token != null) {
                request.header(RunWindows.TOKEN_HEADER, token);
            }
            var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new WindowFanOut.Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body());
        });
        this.server = server;
        this.date = date;
        this.keepalive = keepalive;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this);
            return;
        }
        var result = windows.fanOut(exchange.getRequestMethod().toString(), exchange.getRequestHeaders().getFirst(RunWindows.TOKEN_HEADER));
        ResultWriter.write(exchange, result, server, date.now(), keepalive);
    }
}
