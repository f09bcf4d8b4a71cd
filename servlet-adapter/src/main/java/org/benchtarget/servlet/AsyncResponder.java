package org.benchtarget.servlet;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.benchtarget.core.web.GoneSignal;
import org.benchtarget.core.web.Responder;
import org.benchtarget.core.web.WebResult;

import java.io.IOException;
import java.util.ArrayDeque;

/**
 * An app-core {@link Responder} over a Servlet {@link AsyncContext}: the request thread returns at once, and the
 * answer is written later from the fixture timer with non-blocking IO (a {@link WriteListener}), so neither a
 * waiting request nor a slow reader holds a thread. Writes queue up and go out while the stream is ready; the
 * container's {@code onWritePossible} resumes them. An async error, timeout or failed write means the client is gone.
 * Thread-safe (the queue is drained under this object's lock).
 */
final class AsyncResponder implements Responder, WriteListener, AsyncListener {
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final ServletResultWriter writer;
    private final AsyncContext async;
    private final boolean head;
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private ServletOutputStream out;
    private boolean flushing;
    private boolean ended;
    private boolean gone;
    private final GoneSignal signal = new GoneSignal();

    private static final Object FLUSH = new Object();
    private static final Object COMPLETE = new Object();

    /** Starts async mode on {@code request}; call from the request's own thread. */
    AsyncResponder(HttpServletRequest request, HttpServletResponse response, ServletResultWriter writer) {
        this.request = request;
        this.response = response;
        this.writer = writer;
        this.head = request.getMethod().equals("HEAD");
        this.async = request.startAsync();
        async.setTimeout(0); // the fixture timer ends it, not the container
        async.addListener(this);
    }

    @Override
    public synchronized void complete(WebResult result) {
        writer.writeHead(response, result);
        response.setContentLength(result.body().length());
        if (!head) {
            result.body().parts().forEach(queue::add);
        }
        queue.add(COMPLETE);
        start();
    }

    @Override
    public synchronized void begin(WebResult head) {
        writer.writeHead(response, head); // no Content-Length: chunked
        start();
    }

    @Override
    public synchronized void write(byte[] chunk, Runnable written) {
        if (!head) {
            queue.add(chunk);
            queue.add(FLUSH);
        }
        queue.add(written);
        drain();
    }

    @Override
    public synchronized void end() {
        queue.add(COMPLETE);
        drain();
    }

    @Override
    public void onGone(Runnable listener) {
        signal.listen(listener);
    }

    /** Takes the output stream and sets the write listener: the container calls onWritePossible, which drains. */
    private void start() {
        if (out == null) {
            try {
                out = response.getOutputStream();
                out.setWriteListener(this);
            } catch (IOException | RuntimeException e) {
                fail();
            }
        } else {
            drain();
        }
    }

    @Override
    public synchronized void onWritePossible() {
        drain();
    }

    /** Writes queued parts while the stream takes them; runs {@code written} callbacks in order, completes last. */
    private void drain() {
        if (out == null || gone || ended) {
            return;
        }
        try {
            while (!queue.isEmpty()) {
                var next = queue.peek();
                if (next instanceof Runnable written) {
                    queue.poll();
                    written.run();
                } else if (next == COMPLETE) {
                    queue.poll();
                    ended = true;
                    async.complete();
                    return;
                } else if (!out.isReady()) {
                    return; // onWritePossible resumes
                } else if (next == FLUSH) {
                    queue.poll();
                    out.flush();
                } else {
                    queue.poll();
                    out.write((byte[]) next);
                }
            }
        } catch (IOException | RuntimeException e) {
            fail();
        }
    }

    @Override
    public void onError(Throwable failure) {
        fail();
    }

    @Override
    public void onError(AsyncEvent event) {
        fail();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        fail();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        fail(); // after our own complete this does nothing; before it, the container gave up on the exchange
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // not restarted
    }

    private void fail() {
        synchronized (this) {
            if (gone || ended) {
                return;
            }
            gone = true;
            queue.clear();
        }
        signal.fire();
        try {
            async.complete();
        } catch (IllegalStateException e) {
            // completed already
        }
    }
}
