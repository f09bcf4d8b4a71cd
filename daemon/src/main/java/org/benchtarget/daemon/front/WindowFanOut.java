package org.benchtarget.daemon.front;

import org.benchtarget.core.web.WebResult;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code POST} and {@code DELETE /bench/window} at a Java front: a window is per process, so the front opens and
 * closes it on every live backend and answers the backends' summaries side by side with their total, instead of the
 * one backend round robin would pick. Whatever the front's server: it gives how to reach a backend ({@link Call}).
 * Blocking: run it on a worker thread. Thread-safe.
 */
final class WindowFanOut {
    private static final Pattern REQUESTS = Pattern.compile("^  \"requests\" : (\\d+)", Pattern.MULTILINE);

    /** One backend's answer. */
    record Reply(int status, String contentType, String body) {
    }

    /** Sends {@code method /bench/window} (with the window token, or none) to one backend and waits for its answer. */
    @FunctionalInterface
    interface Call {
        Reply send(URI backend, String method, String token) throws IOException, InterruptedException;
    }

    private final Supplier<Collection<URI>> backends;
    private final Call call;

    WindowFanOut(Supplier<Collection<URI>> backends, Call call) {
        this.backends = backends;
        this.call = call;
    }

    /** Returns the front's answer: the first refusal (403 token, 409 order: the backends agree on both), else the summaries. */
    WebResult fanOut(String method, String token) throws IOException, InterruptedException {
        var bodies = new ArrayList<String>();
        long total = 0;
        for (var backend : backends.get()) {
            var reply = call.send(backend, method, token);
            if (reply.status() >= 300) {
                return new WebResult(reply.status(), reply.contentType() == null ? WebResult.TEXT : reply.contentType(), List.of(),
                        reply.body().getBytes(StandardCharsets.UTF_8));
            }
            bodies.add(reply.body());
            var requests = REQUESTS.matcher(reply.body());
            total += requests.find() ? Long.parseLong(requests.group(1)) : 0;
        }
        var body = method.equals("POST") ? "{\"window\":\"open\",\"backends\":" + bodies.size() + "}"
                : "{\n  \"requests\" : " + total + ",\n  \"backends\" : [ " + String.join(", ", bodies) + " ]\n}";
        return new WebResult(method.equals("POST") ? 201 : 200, WebResult.JSON, List.of(), body.getBytes(StandardCharsets.UTF_8));
    }
}
