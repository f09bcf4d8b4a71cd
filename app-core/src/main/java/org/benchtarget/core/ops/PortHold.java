package org.benchtarget.core.ops;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The target's port while it cannot start yet (db.wait): every request, /health and /ready included, answers 503 with
 * one line and Retry-After, so a container's health check and Kubernetes' probes see "not yet" instead of a refused
 * connection, and load tools get an answer. The JDK's own small HTTP server: the real one binds once the app is built.
 */
public final class PortHold implements AutoCloseable {
    private final HttpServer server;

    private PortHold(HttpServer server) {
        this.server = server;
    }

    /** Listens on {@code host:port} until closed, answering {@code reason} with 503 to everything. */
    public static PortHold open(String host, int port, String reason) throws IOException {
        var server = HttpServer.create(new InetSocketAddress(host, port), 64);
        byte[] body = (reason + "\n").getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
                var headers = exchange.getResponseHeaders();
                headers.set("Content-Type", "text/plain; charset=utf-8");
                headers.set("Retry-After", "5");
                headers.set("Connection", "close");
                boolean head = exchange.getRequestMethod().equals("HEAD");
                exchange.sendResponseHeaders(503, head ? -1 : body.length);
                if (!head) {
                    exchange.getResponseBody().write(body);
                }
            }
        });
        server.start();
        return new PortHold(server);
    }

    /** Returns the bound port (the one asked for, unless that was 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops listening at once: the real server binds the port next. */
    @Override
    public void close() {
        server.stop(0);
    }
}
