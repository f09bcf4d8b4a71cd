package org.benchtarget.core.web;

/**
 * Where an {@link AsyncEndpoint} answers later, from a timer, without holding a thread while it waits: each adapter
 * implements it over its server's asynchronous response (Undertow's dispatched exchange, a Servlet AsyncContext with
 * a WriteListener). Callable from any thread, one call at a time; nothing blocks.
 */
public interface Responder {
    /** Answers whole (status, headers, body) and ends the exchange. */
    void complete(WebResult result);

    /** Sends the status and headers of {@code head} (its body is ignored); a chunked body follows by {@link #write}. */
    void begin(WebResult head);

    /** Writes and flushes one chunk; {@code written} runs once it has left, and only then may the next be written. */
    void write(byte[] chunk, Runnable written);

    /** Ends a body begun by {@link #begin}. */
    void end();

    /**
     * Runs {@code gone} once when the exchange ends early: the client hung up or a write failed. Runs at once when it
     * has already ended so; never after {@link #complete} or {@link #end}. One listener per responder.
     */
    void onGone(Runnable gone);
}
