package org.benchtarget.jetty.core;

import org.benchtarget.core.App;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.time.Duration;

/**
 * workers=nio on Jetty: app-core over Jetty's core Handler API. Declared non-blocking, so Jetty calls it where it read
 * the request (the selector thread); requests that cannot block (what {@link App#mayBlock} says: hello, static, the
 * anonymous home, metrics, status) are answered right there, without the Servlet layer. The rest goes once to Jetty's
 * pool and on to the wrapped handler (the Servlet path of workers=threads). A request with a body reaches this
 * handler after {@link WholeBodyHandler} read it, on whatever thread read the last bytes; it is dispatched all the
 * same, as that thread may be the selector. Thread-safe.
 */
public final class CoreAppHandler extends Handler.Wrapper {
    private final App app;
    private final CoreResultWriter writer;
    private final Duration bodyDeadline;

    /** {@code blocking}: serves what may block, on a pool thread (the Servlet context). */
    public CoreAppHandler(App app, Handler blocking) {
        super(blocking);
        this.app = app;
        this.writer = new CoreResultWriter(app.serverHeader(), app.settings().keepalive());
        this.bodyDeadline = app.settings().limits().idleTimeout();
    }

    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING; // what blocks is dispatched below, never run on the caller's thread
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        // Jetty began the request where it read it, before any wait for a pool thread: that is its arrival.
        var webRequest = new CoreWebRequest(request, request.getBeginNanoTime(), bodyDeadline);
        var match = app.resolve(webRequest.method(), webRequest.path());
        // an asynchronous answer (/delay, /stream, /events) takes the Servlet path's async support: the pool thread
        // only starts it, the fixture timer completes it
        if (app.mayBlock(match, webRequest) || app.isAsync(match)) {
            getServer().getThreadPool().execute(() -> toPool(request, response, callback));
        } else {
            writer.write(response, app.handle(match, webRequest), callback);
        }
        return true;
    }

    private void toPool(Request request, Response response, Callback callback) {
        // The request began before this job waited: the Servlet path must not take the wait again as its arrival.
        QueueStampingThreadPool.takeJobWait();
        try {
            if (!super.handle(request, response, callback)) {
                Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
            }
        } catch (Throwable x) {
            callback.failed(x);
        }
    }
}
