package org.benchtarget.bench.run.load;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * One virtual user's conversation with the target: its own cookies, every request timed and counted, over HTTP/1.1
 * or HTTP/2 ({@link Transport}). Not thread-safe: one session per virtual user and journey.
 */
public final class HttpSession {
    private final Transport transport;
    private final URI base;
    private final Tally tally;
    private long originNanos;

    HttpSession(Transport transport, URI base, Tally tally, long originNanos) {
        this.transport = transport;
        this.base = base;
        this.tally = tally;
        this.originNanos = originNanos;
    }

    /** A response as a journey sees it; body is empty unless asked for. */
    public record Response(int status, String body, String location) {
    }

    /** Sets a cookie this session sends to the target from now on, as a browser that had signed in before would. */
    public void cookie(String name, String value) {
        transport.cookie(base, name, value);
    }

    /** GETs a path and discards the body (cheapest for the driver). */
    public int fetch(String path) throws IOException {
        return send("GET", path, null, false).status();
    }

    /** GETs a path and keeps the body, e.g. to read a form's hidden fields. */
    public Response get(String path) throws IOException {
        return send("GET", path, null, true);
    }

    /** POSTs an urlencoded form; redirects are not followed (a journey checks them). */
    public Response postForm(String path, Map<String, String> fields) throws IOException {
        return postEncoded(path, fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&")));
    }

    /** POSTs an already urlencoded form body (repeated names allowed, as multiple-choice answers need). */
    public Response postEncoded(String path, String encodedForm) throws IOException {
        return send("POST", path, encodedForm, true);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** A body the journey reads (a form's hidden fields, links), inflated when the target gzipped it. */
    private static String text(Transport.Answer answer) throws IOException {
        if (answer.body() == null) {
            return "";
        }
        if (!"gzip".equalsIgnoreCase(answer.contentEncoding())) {
            return new String(answer.body(), StandardCharsets.UTF_8);
        }
        try (var in = new GZIPInputStream(new ByteArrayInputStream(answer.body()))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Response send(String method, String path, String form, boolean keepBody) throws IOException {
        // open loop: the first request is timed from when it should have been sent (no coordinated omission)
        long sent = System.nanoTime();
        long start = originNanos != 0 ? originNanos : sent;
        originNanos = 0;
        try {
            var answer = transport.send(method, base.resolve(path), form, keepBody);
            var response = new Response(answer.status(), text(answer), answer.location());
            // a form POST is answered 303 (post/redirect/get): not a failed request
            long end = System.nanoTime();
            tally.answered(response.status(), (end - start) / 1_000, (end - sent) / 1_000, form != null);
            return response;
        } catch (IOException e) {
            tally.failed(e);
            throw e;
        }
    }
}
