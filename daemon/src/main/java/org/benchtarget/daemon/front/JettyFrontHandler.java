package org.benchtarget.daemon.front;

import org.benchtarget.core.fixture.RunWindows;
import org.benchtarget.core.web.Header;
import org.benchtarget.core.web.WebResult;
import org.benchtarget.jetty.core.CoreResultWriter;
import org.benchtarget.jetty.core.CoreWebRequest;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The Jetty front's routing, by the backends' one path rule: the static files and {@code GET /backends} answered here,
 * run windows fanned out to every backend, everything else to {@code proxied} (bodies read whole, then the proxy).
 * Every answer stamped ({@link FrontStamp}). Non-blocking: Jetty may call it on the selector; the window fan-out, which
 * waits for the backends, runs on the pool. Thread-safe.
 */
final class JettyFrontHandler extends Handler.AbstractContainer {
    private static final String ROUTED = JettyFrontHandler.class.getName() + ".routed";

    private final Handler files;
    private final Handler proxied;
    private final Supplier<String> listing;
    private final WindowFanOut windows;
    private final CoreResultWriter writer;
    private final FrontStamp stamp;

    /** {@code files}: a handler over {@link #filesHandler} (gzip=on: compressed); {@code proxied}: what takes the rest. */
    JettyFrontHandler(Handler files, Handler proxied, Supplier<String> listing, WindowFanOut windows, CoreResultWriter writer, FrontStamp stamp) {
        this.files = files;
        this.proxied = proxied;
        this.listing = listing;
        this.windows = windows;
        this.writer = writer;
        this.stamp = stamp;
        addBean(files, true);
        addBean(proxied, true);
    }

    /** Answers the static files from {@code frontFiles}; {@code bodyDeadline}: request.idle-timeout (no body is read). */
    static Handler filesHandler(FrontFiles frontFiles, CoreResultWriter writer, Duration bodyDeadline) {
        return new Handler.Abstract(InvocationType.NON_BLOCKING) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                long start = request.getBeginNanoTime();
                var answer = frontFiles.answer((String) request.getAttribute(ROUTED), new CoreWebRequest(request, start, bodyDeadline), start);
                writer.write(response, answer, callback);
                return true;
            }
        };
    }

    @Override
    public List<Handler> getHandlers() {
        return List.of(files, proxied);
    }

    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING; // the proxy only starts the exchange; the window fan-out is dispatched
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        stamp.apply(response);
        var method = request.getMethod();
        var path = FrontFiles.routed(CoreWebRequest.rawPath(request));
        if (FrontFiles.isFile(method, path)) {
            request.setAttribute(ROUTED, path);
            return files.handle(request, response, callback);
        }
        if (FrontFiles.isListing(method, path)) {
            writer.write(response, new WebResult(200, WebResult.JSON, List.of(new Header("Cache-Control", "no-store")),
                    listing.get().getBytes(StandardCharsets.UTF_8)), callback);
            return true;
        }
        if (FrontFiles.isWindow(method, path)) {
            getServer().getThreadPool().execute(() -> window(request, response, callback));
            return true;
        }
        return proxied.handle(request, response, callback);
    }

    private void window(Request request, Response response, Callback callback) {
        try {
            writer.write(response, windows.fanOut(request.getMethod(), request.getHeaders().get(RunWindows.TOKEN_HEADER)), callback);
        } catch (IOException e) {
            Response.writeError(request, response, callback, HttpStatus.BAD_GATEWAY_502, "run window: a backend failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            callback.failed(e);
        }
    }
}
