package org.benchtarget.jetty.core;

import org.benchtarget.core.web.BodyLimit;
import org.benchtarget.core.web.WebRequest;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * A Jetty core {@link Request} seen as a {@link WebRequest} (workers=nio's selector path). Its body, if any, was read
 * whole before ({@link WholeBodyHandler}), so {@link #body} never waits. Confined to the request's thread. Also what daemon mode's Jetty front hands its static files.
 */
public final class CoreWebRequest implements WebRequest {
    private final Request request;
    private final long arrivalNanos;
    private final Duration bodyDeadline;

    public CoreWebRequest(Request request, long arrivalNanos, Duration bodyDeadline) {
        this.request = request;
        this.arrivalNanos = arrivalNanos;
        this.bodyDeadline = bodyDeadline;
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    /** The raw (still encoded) path, as the Servlet path's getRequestURI gives it: app-core's path rule judges the same bytes. */
    @Override
    public String path() {
        return rawPath(request);
    }

    /** The raw (still encoded) path, "/" for none. */
    public static String rawPath(Request request) {
        var path = request.getHttpURI().getPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    @Override
    public String rawQuery() {
        var query = request.getHttpURI().getQuery();
        return query == null || query.isEmpty() ? null : query;
    }

    @Override
    public String header(String name) {
        return request.getHeaders().get(name);
    }

    @Override
    public List<String> headers(String name) {
        return request.getHeaders().getValuesList(name); // over h2 each cookie may come as a Cookie field of its own
    }

    @Override
    public boolean secure() {
        return request.isSecure();
    }

    @Override
    public long arrivalNanos() {
        return arrivalNanos;
    }

    @Override
    public boolean fromLoopback() {
        return WebRequest.isLoopbackLiteral(Request.getRemoteAddr(request));
    }

    @Override
    public byte[] body(int limit) throws IOException {
        long declared = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        return BodyLimit.read(Content.Source.asInputStream(request), declared, limit, bodyDeadline);
    }
}
