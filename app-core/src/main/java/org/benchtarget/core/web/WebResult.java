package org.benchtarget.core.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What an endpoint answers: status, content type, extra headers and the whole body. Adapters write
 * it as it is; Date and Server headers are theirs. Immutable.
 */
public record WebResult(int status, String contentType, List<Header> headers, Body body) {
    public static final String TEXT = "text/plain; charset=utf-8";
    public static final String HTML = "text/html; charset=utf-8";
    public static final String JSON = "application/json";

    public WebResult {
        headers = headers == null ? List.of() : headers;
        body = body == null ? Body.EMPTY : body;
    }

    public WebResult(int status, String contentType, List<Header> headers, byte[] body) {
        this(status, contentType, headers, Body.of(body));
    }

    public static WebResult text(int status, String text) {
        return new WebResult(status, TEXT, List.of(), (text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    public static WebResult ok(String contentType, byte[] body) {
        return new WebResult(200, contentType, List.of(), body);
    }

    public static WebResult ok(String contentType, Body body) {
        return new WebResult(200, contentType, List.of(), body);
    }

    public static WebResult empty(int status, List<Header> headers) {
        return new WebResult(status, null, headers, Body.EMPTY);
    }

    /** Returns a copy with one more header. */
    public WebResult withHeader(String name, String value) {
        var more = new ArrayList<Header>(headers.size() + 1);
        more.addAll(headers);
        more.add(new Header(name, value));
        return new WebResult(status, contentType, more, body);
    }

    /**
     * Returns a copy with {@code more} headers appended (one copy for several; none when this result
     * has no headers of its own, so the caller must not change {@code more} afterwards).
     */
    public WebResult withHeaders(List<Header> more) {
        if (more.isEmpty()) {
            return this;
        }
        if (headers.isEmpty()) {
            return new WebResult(status, contentType, more, body);
        }
        var all = new ArrayList<Header>(headers.size() + more.size());
        all.addAll(headers);
        all.addAll(more);
        return new WebResult(status, contentType, all, body);
    }

    /** Returns a copy without the headers named {@code name} (any case). */
    public WebResult withoutHeader(String name) {
        return new WebResult(status, contentType, headers.stream().filter(header -> !header.name().equalsIgnoreCase(name)).toList(), body);
    }

    public String header(String name) {
        for (var header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                return header.value();
            }
        }
        return null;
    }
}
