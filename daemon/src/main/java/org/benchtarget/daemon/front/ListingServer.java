package org.benchtarget.daemon.front;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * {@code GET /backends} for a front that cannot render it itself (HAProxy loads files once, at start):
 * the JDK's HTTP server on a loopback port the front proxies that one path to. Thread-safe.
 */
final class ListingServer implements AutoCloseable {
    private final HttpServer server;

    private ListingServer(HttpServer server) {
        this.server = server;
    }

    static ListingServer start(Supplier<String> listing, String serverName) {
        try {
            var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            server.createContext("/backends", exchange -> {
                try (exchange) {
                    var body = listing.get().getBytes(StandardCharsets.UTF_8);
                    var headers = exchange.getResponseHeaders();
                    headers.set("Server", serverName);
                    headers.set("Content-Type", "application/json");
                    headers.set("Cache-Control", "no-store");
                    boolean head = exchange.getRequestMethod().equals("HEAD");
                    exchange.sendResponseHeaders(200, head ? -1 : body.length);
                    if (!head) {
                        exchange.getResponseBody().write(body);
                    }
                }
            });
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return new ListingServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
