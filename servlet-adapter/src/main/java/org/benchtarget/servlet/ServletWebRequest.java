package org.benchtarget.servlet;

import jakarta.servlet.http.HttpServletRequest;
import org.benchtarget.core.web.BodyLimit;
import org.benchtarget.core.web.WebRequest;
import org.benchtarget.jetty.core.QueueStampingThreadPool;
import org.eclipse.jetty.ee11.servlet.ServletContextRequest;

import java.io.IOException;
import java.time.Duration;

/** A Servlet request seen as a {@link WebRequest}, on every Servlet target. Confined to the request's thread. */
final class ServletWebRequest implements WebRequest {
    private final HttpServletRequest request;
    private final String path;
    private final long arrivalNanos;
    private final Duration bodyDeadline;

    /** {@code bodyDeadline}: the whole body must arrive within it (request.idle-timeout), see {@link BodyLimit}. */
    ServletWebRequest(HttpServletRequest request, Duration bodyDeadline) {
        this.request = request;
        this.bodyDeadline = bodyDeadline;
        this.arrivalNanos = JettyArrival.VISIBLE ? JettyArrival.of(request) : 0;
        // The raw (undecoded) path below the context, not the servlet path the container decoded and normalised:
        // app-core's one path rule (RequestPath) judges the same bytes on every target.
        var uri = request.getRequestURI();
        var context = request.getContextPath();
        this.path = context.isEmpty() ? uri : uri.substring(context.length());
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public String path() {
        return path;
    }

    /** Returns the query as sent, or null when there is none (as on Undertow), also for a bare {@code ?}. */
    @Override
    public String rawQuery() {
        var query = request.getQueryString();
        return query == null || query.isEmpty() ? null : query;
    }

    @Override
    public long arrivalNanos() {
        return arrivalNanos;
    }

    @Override
    public String header(String name) {
        return request.getHeader(name);
    }

    @Override
    public java.util.List<String> headers(String name) {
        return java.util.Collections.list(request.getHeaders(name));
    }

    @Override
    public boolean secure() {
        return request.isSecure();
    }

    @Override
    public boolean fromLoopback() {
        return WebRequest.isLoopbackLiteral(request.getRemoteAddr());
    }

    @Override
    public byte[] body(int limit) throws IOException {
        return BodyLimit.read(request.getInputStream(), request.getContentLengthLong(), limit, bodyDeadline);
    }

    /**
     * Embedded Jetty, plain or under Spring: Jetty's begin time less the wait of the pool job that read the request
     * (QueueStampingThreadPool), so Server-Timing's queue is the pool wait plus the time before the app. A WAR in the
     * standalone Jetty cannot see Jetty's classes (server classes are hidden from web apps): there the arrival is
     * unknown (0) and Server-Timing has no queue. Only this class links them.
     */
    private static final class JettyArrival {
        static final boolean VISIBLE = visible();

        static long of(HttpServletRequest request) {
            var jetty = ServletContextRequest.getServletContextRequest(request);
            return jetty == null ? 0 : QueueStampingThreadPool.arrivalNanos(jetty.getBeginNanoTime());
        }

        private static boolean visible() {
            try {
                var loader = ServletWebRequest.class.getClassLoader();
                Class.forName("org.eclipse.jetty.ee11.servlet.ServletContextRequest", false, loader);
                Class.forName("org.benchtarget.jetty.core.QueueStampingThreadPool", false, loader);
                return true;
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        }
    }
}
