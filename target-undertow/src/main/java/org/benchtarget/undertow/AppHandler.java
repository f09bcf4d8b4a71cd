package org.benchtarget.undertow;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.SameThreadExecutor;
import org.benchtarget.core.App;
import org.benchtarget.core.config.Modes.Workers;
import org.benchtarget.core.web.Routes;

import java.util.concurrent.Executor;

/**
 * The one Undertow handler: route, pick the thread, let app-core answer, write the result.
 * workers=nio answers requests that cannot block (hello, static, home, metrics) on the IO thread and
 * dispatches the rest once to the worker pool; threads dispatches everything to the pool; virtual
 * runs each request on a new virtual thread. A body is read whole on the IO thread first ({@link BodyFirst}), so no
 * worker ever waits for a client. Thread-safe.
 */
final class AppHandler implements HttpHandler {
    private final App app;
    private final Workers workers;
    private final Executor virtualThreads;
    private final boolean keepalive;
    private final String server;
    private final BodyFirst bodies;

    AppHandler(App app, Executor virtualThreads) {
        this.app = app;
        this.workers = app.settings().workers();
        this.virtualThreads = virtualThreads;
        this.keepalive = app.settings().keepalive();
        this.server = app.serverHeader();
        var limits = app.settings().limits();
        this.bodies = new BodyFirst(limits.maxBodyBytes(), limits.idleTimeout(), BodyFirst.defaultBudget());
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        long arrival = System.nanoTime();
        var match = app.resolve(exchange.getRequestMethod().toString(), ExchangeRequest.rawPath(exchange));
        if (exchange.isRequestComplete()) {
            route(exchange, match, ExchangeRequest.withoutBody(exchange, arrival));
        } else {
            bodies.read(exchange, arrival, request -> route(exchange, match, request));
        }
    }

    private void route(HttpServerExchange exchange, Routes.Match match, ExchangeRequest request) {
        if (app.isAsync(match)) { // a delay or stream: answered later from the fixture timer, holding no thread
            exchange.dispatch(SameThreadExecutor.INSTANCE, () -> app.handleAsync(match, request, new ExchangeResponder(exchange, app)));
        } else if (!exchange.isInIoThread() || (workers == Workers.NIO && !app.mayBlock(match, request))) {
            serve(exchange, match, request);
        } else if (workers == Workers.VIRTUAL) {
            exchange.dispatch(virtualThreads, () -> serve(exchange, match, request));
        } else {
            exchange.dispatch(() -> serve(exchange, match, request));
        }
    }

    private void serve(HttpServerExchange exchange, Routes.Match match, ExchangeRequest request) {
        ResultWriter.write(exchange, app.handle(match, request), server, app.httpDate(), keepalive);
    }
}
