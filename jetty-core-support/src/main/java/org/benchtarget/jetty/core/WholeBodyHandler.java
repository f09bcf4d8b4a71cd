package org.benchtarget.jetty.core;

import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.content.ByteBufferContentSource;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads a request's whole body without a thread, as Jetty's core API allows (read what has arrived, then
 * demand a callback for the rest), and only then hands the request to the Servlet layer, which would block a
 * pool thread in every read. 1,000 bodies trickling in held all the pool's threads, and /hello and /db timed
 * out for everyone (slowhttptest -B). Here a slow body costs a connection and its bytes, never a thread:
 * <ul>
 * <li>the body must arrive whole within {@code request.idle-timeout} of the request's arrival, else 408 and a
 *     close;</li>
 * <li>bodies still arriving hold at most a quarter of the heap between them; one that would take more gets 503
 *     (its declared length is counted, {@code request.max-body} for a chunked one);</li>
 * <li>over {@code request.max-body}: 413; a broken body: 400.</li>
 * </ul>
 * Used by embedded Jetty, Spring on Jetty and (Jetty XML, {@code etc/benchtarget-jetty-core.xml}) the standalone
 * Jetty of container mode. Thread-safe.
 */
public final class WholeBodyHandler extends Handler.Wrapper {
    private final int maxBody;
    private final long deadlineMillis;
    private final long budgetBytes;
    private final AtomicLong unfinishedBytes = new AtomicLong();

    /** {@code maxBody}: request.max-body; {@code deadlineMillis}: request.idle-timeout. */
    public WholeBodyHandler(int maxBody, long deadlineMillis) {
        this(maxBody, deadlineMillis, Runtime.getRuntime().maxMemory() / 4);
    }

    WholeBodyHandler(int maxBody, long deadlineMillis, long budgetBytes) {
        this.maxBody = maxBody;
        this.deadlineMillis = deadlineMillis;
        this.budgetBytes = budgetBytes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        var headers = request.getHeaders();
        long declared = headers.getLongField(HttpHeader.CONTENT_LENGTH);
        if (declared <= 0 && !headers.contains(HttpHeader.TRANSFER_ENCODING)) {
            return super.handle(request, response, callback);
        }
        if (declared > maxBody) {
            refuse(request, response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413, tooLarge());
            return true;
        }
        long reserved = declared > 0 ? declared : maxBody;
        if (unfinishedBytes.addAndGet(reserved) > budgetBytes) {
            unfinishedBytes.addAndGet(-reserved);
            refuse(request, response, callback, HttpStatus.SERVICE_UNAVAILABLE_503,
                    "too many request bodies arriving at once (" + budgetBytes / 1024 + " KiB held): try again");
            return true;
        }
        new BodyReader(request, response, callback, declared, reserved).start();
        return true;
    }

    private String tooLarge() {
        return "request body larger than " + maxBody + " bytes";
    }

    private static void refuse(Request request, Response response, Callback callback, int status, String reason) {
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString()); // the rest may still come
        Response.writeError(request, response, callback, status, reason);
    }

    /** One body being read: by whichever thread Jetty calls back on, and at most once settled (read, refused or late). */
    private final class BodyReader implements Runnable {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final long reserved;
        private final ByteArrayOutputStream bytes;
        private final AtomicBoolean settled = new AtomicBoolean();
        private volatile Scheduler.Task deadline;

        BodyReader(Request request, Response response, Callback callback, long declared, long reserved) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.reserved = reserved;
            this.bytes = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
        }

        void start() {
            long arrived = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - request.getBeginNanoTime());
            deadline = request.getComponents().getScheduler().schedule(this::expire, Math.max(1, deadlineMillis - arrived),
                    TimeUnit.MILLISECONDS);
            run();
        }

        /** Reads what has arrived, then asks to be called again when more has. */
        @Override
        public void run() {
            while (!settled.get()) {
                var chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    fail(chunk.getFailure());
                    return;
                }
                var buffer = chunk.getByteBuffer();
                boolean last = chunk.isLast();
                if (bytes.size() + buffer.remaining() > maxBody) {
                    chunk.release();
                    settle(HttpStatus.PAYLOAD_TOO_LARGE_413, tooLarge());
                    return;
                }
                while (buffer.hasRemaining()) {
                    bytes.write(buffer.get());
                }
                chunk.release();
                if (last) {
                    serve();
                    return;
                }
            }
        }

        private void serve() {
            if (!settle()) {
                return;
            }
            var whole = new WholeBodyRequest(request, bytes.toByteArray());
            try {
                if (!WholeBodyHandler.super.handle(whole, response, callback)) {
                    Response.writeError(whole, response, callback, HttpStatus.NOT_FOUND_404);
                }
            } catch (Throwable x) {
                callback.failed(x);
            }
        }

        private void expire() {
            settle(HttpStatus.REQUEST_TIMEOUT_408, "request body not received within " + deadlineMillis + " ms");
        }

        private void fail(Throwable failure) {
            if (failure instanceof TimeoutException) {
                settle(HttpStatus.REQUEST_TIMEOUT_408, "request body not received in time");
            } else if (failure instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
                settle(http.getCode(), failure.getMessage());
            } else {
                settle(HttpStatus.BAD_REQUEST_400, "request body incomplete or malformed");
            }
        }

        private void settle(int status, String reason) {
            if (settle()) {
                refuse(request, response, callback, status, reason);
            }
        }

        /** Returns whether this call settled the body (the first one does): releases its bytes from the budget. */
        private boolean settle() {
            if (!settled.compareAndSet(false, true)) {
                return false;
            }
            var timer = deadline;
            if (timer != null) {
                timer.cancel();
            }
            unfinishedBytes.addAndGet(-reserved);
            return true;
        }
    }

    /** The request with its body already read: the Servlet layer reads it from memory, never waiting. */
    private static final class WholeBodyRequest extends Request.Wrapper {
        private final Content.Source body;

        WholeBodyRequest(Request request, byte[] body) {
            super(request);
            this.body = new ByteBufferContentSource(ByteBuffer.wrap(body));
        }

        @Override
        public Content.Chunk read() {
            return body.read();
        }

        @Override
        public void demand(Runnable demandCallback) {
            body.demand(demandCallback);
        }

        @Override
        public void fail(Throwable failure) {
            body.fail(failure);
        }
    }
}
