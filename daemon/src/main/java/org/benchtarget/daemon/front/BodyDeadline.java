package org.benchtarget.daemon.front;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import org.xnio.IoUtils;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection whose request body has not arrived whole within the deadline (request.idle-timeout). The
 * front buffers bodies on its IO threads, so a body trickled just under the idle timeout (R.U.D.Y.) holds no thread,
 * but without this it would hold its connection and buffers as long as the client liked. The backends' own bound is
 * app-core's BodyLimit. Thread-safe.
 */
final class BodyDeadline implements HttpHandler {
    private final HttpHandler next;
    private final long millis;

    BodyDeadline(HttpHandler next, Duration deadline) {
        this.next = next;
        this.millis = deadline.toMillis();
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (!exchange.isRequestComplete()) {
            var connection = exchange.getConnection();
            // on the exchange's own IO thread: no race with the buffering reads
            var timer = exchange.getIoThread().executeAfter(() -> {
                if (!exchange.isRequestComplete()) {
                    IoUtils.safeClose(connection);
                }
            }, millis, TimeUnit.MILLISECONDS);
            exchange.addExchangeCompleteListener((done, nextListener) -> {
                timer.remove();
                nextListener.proceed();
            });
        }
        next.handleRequest(exchange);
    }
}
