package org.benchtarget.core.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/** Reads a request body stream up to a limit, for adapters' {@link WebRequest#body} implementations. */
public final class BodyLimit {
    private static final int CHUNK_BYTES = 8 * 1024;
    private BodyLimit() {
    }

    /**
     * Returns all bytes of {@code in}, or a problem: 413 when there are more than {@code limit}, 408
     * when the client stopped sending (the server's idle timeout) or the whole body took longer than
     * {@code deadline} (a body trickled just under the idle timeout, R.U.D.Y., would otherwise hold the
     * thread as long as the client likes), 400 when the body ended early or its framing (chunks) is
     * malformed. A client that sent a broken body is not a server fault.
     */
    public static byte[] read(InputStream in, long declaredLength, int limit, Duration deadline) throws IOException {
        return read(in, declaredLength, limit, deadline, System::nanoTime);
    }

    /** {@link #read(InputStream, long, int, Duration)} timed by {@code nanoTime} (tests give a clock they advance). */
    static byte[] read(InputStream in, long declaredLength, int limit, Duration deadline, LongSupplier nanoTime) throws IOException {
        if (declaredLength > limit) {
            throw tooLarge(limit);
        }
        long end = nanoTime.getAsLong() + deadline.toNanos();
        var bytes = new ByteArrayOutputStream(declaredLength >= 0 ? (int) declaredLength : 1024);
        var chunk = new byte[(int) Math.min(CHUNK_BYTES, limit + 1L)];
        try {
            for (int read; (read = in.read(chunk, 0, (int) Math.min(chunk.length, limit + 1L - bytes.size()))) > 0; ) {
                bytes.write(chunk, 0, read);
                if (bytes.size() > limit) {
                    throw tooLarge(limit);
                }
                if (nanoTime.getAsLong() - end > 0) {
                    throw new HttpProblem(408, "request body not received within " + (deadline.toMillis() % 1000 == 0
                            ? deadline.toSeconds() + " s" : deadline.toMillis() + " ms"));
                }
            }
        } catch (IOException e) {
            throw unreadable(e);
        }
        if (declaredLength >= 0 && bytes.size() < declaredLength) {
            throw HttpProblem.badRequest("request body ended after " + bytes.size() + " of " + declaredLength + " bytes");
        }
        return bytes.toByteArray();
    }

    /**
     * Returns {@code body}, a body the adapter read whole before the app ran, or the 413 problem when it is
     * larger than {@code limit} (the route's own limit, which may be below {@code request.max-body}).
     */
    public static byte[] within(byte[] body, int limit) {
        if (body.length > limit) {
            throw tooLarge(limit);
        }
        return body;
    }

    public static HttpProblem tooLarge(int limit) {
        return new HttpProblem(413, "request body larger than " + limit + " bytes");
    }

    /** Returns the problem a failed body read stands for. */
    static HttpProblem unreadable(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            // Jetty: TimeoutException; sockets: SocketTimeoutException; Undertow (XNIO): ReadTimeoutException, all timeouts
            if (cause instanceof TimeoutException || cause instanceof InterruptedIOException) {
                return new HttpProblem(408, "request body not received in time");
            }
        }
        return HttpProblem.badRequest("request body incomplete or malformed");
    }
}
