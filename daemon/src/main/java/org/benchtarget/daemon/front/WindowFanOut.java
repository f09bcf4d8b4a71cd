package org.benchtarget.daemon.front;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import org.benchtarget.core.fixture.RunWindows;
import org.benchtarget.core.web.HttpDate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code POST} and {@code DELETE /bench/window} at the front: a window is per process, so the front
 * opens and closes it on every live backend and answers the backends' summaries side by side with
 * their total, instead of the one backend round robin would pick. Runs on a worker thread.
 */
final class WindowFanOut implements HttpHandler {
    private static final Pattern REQUESTS = Pattern.compile("^  \"requests\" : (\\d+)", Pattern.MULTILINE);

    private final Supplier<Collection<URI>> backends;
    private final String server;
    private final HttpDate date;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    WindowFanOut(Supplier<Collection<URI>> backends, String server, HttpDate date) {
        this.backends = backends;
        this.server = server;
        this.date = date;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this);
            return;
        }
        var method = exchange.getRequestMethod().toString();
        var token = exchange.getRequestHeaders().getFirst(RunWindows.TOKEN_HEADER);
        var bodies = new ArrayList<String>();
        long total = 0;
        for (var backend : backends.get()) {
            var request = HttpRequest.newBuilder(backend.resolve("/bench/window")).timeout(Duration.ofSeconds(10))
                    .method(method, HttpRequest.BodyPublishers.noBody());
            if (token != null) {
                request.header(RunWindows.TOKEN_HEADER, token);
            }
            var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                // the first refusal (403 token, 409 order) is the answer: the backends agree on both
                send(exchange, response.statusCode(), response.headers().firstValue("Content-Type").orElse("text/plain; charset=utf-8"), response.body());
                return;
            }
            bodies.add(response.body());
            var requests = REQUESTS.matcher(response.body());
            total += requests.find() ? Long.parseLong(requests.group(1)) : 0;
        }
        if (method.equals("POST")) {
            send(exchange, 201, "application/json", "{\"window\":\"open\",\"backends\":" + bodies.size() + "}");
        } else {
            send(exchange, 200, "application/json", "{\n  \"requests\" : " + total + ",\n  \"backends\" : [ "
                    + String.join(", ", bodies) + " ]\n}");
        }
    }

    private void send(HttpServerExchange exchange, int status, String contentType, String body) {
        exchange.setStatusCode(status);
        var headers = exchange.getResponseHeaders();
        headers.put(Headers.SERVER, server);
        headers.put(Headers.DATE, date.now());
        headers.put(Headers.CONTENT_TYPE, contentType);
        exchange.getResponseSender().send(body, StandardCharsets.UTF_8);
    }
}
