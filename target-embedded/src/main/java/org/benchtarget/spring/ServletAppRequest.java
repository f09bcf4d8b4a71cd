package org.benchtarget.spring;

import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.jetty.ee11.servlet.ServletContextRequest;
import org.benchtarget.core.web.BodyLimit;
import org.benchtarget.core.web.WebRequest;
import org.benchtarget.jettyerrors.QueueStampingThreadPool;

import java.io.IOException;
import java.time.Duration;

/** A Servlet request seen as a {@link WebRequest}. Confined to the request's thread. */
final class ServletAppRequest implements WebRequest {
    private final HttpServletRequest request;
    private final long arrivalNanos;
    private final Duration bodyDeadline;

    /** {@code bodyDeadline}: the whole body must arrive within it (request.idle-timeout), see {@link BodyLimit}. */
    ServletAppRequest(HttpServletRequest request, Duration bodyDeadline) {
        this.request = request;
        this.bodyDeadline = bodyDeadline;
        this.arrivalNanos = arrival(request);
    }

    /**
     * Returns when the request reached Jetty: its begin time (first bytes parsed), less the time the pool job
     * that read it waited for a thread (QueueStampingThreadPool). Server-Timing's queue is then the pool wait
     * plus Jetty's and Spring's filters' time before the front controller.
     */
    private static long arrival(HttpServletRequest request) {
        var jetty = ServletContextRequest.getServletContextRequest(request);
        return jetty == null ? 0 : QueueStampingThreadPool.arrivalNanos(jetty.getBeginNanoTime());
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public String path() {
        // The raw path (the context is the root), not the servlet path Jetty decoded and normalised:
        // app-core's one path rule (RequestPath) judges the same bytes on every target.
        return request.getRequestURI();
    }

    @Override
    public String rawQuery() {
        return request.getQueryString();
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
    public boolean fromLoopback() {
        return WebRequest.isLoopbackLiteral(request.getRemoteAddr());
    }

    @Override
    public byte[] body(int limit) throws IOException {
        return BodyLimit.read(request.getInputStream(), request.getContentLengthLong(), limit, bodyDeadline);
    }
}
