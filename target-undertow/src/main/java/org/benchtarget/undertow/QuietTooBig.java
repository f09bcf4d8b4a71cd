package org.benchtarget.undertow;

import io.undertow.server.RequestTooBigException;

import java.io.PrintStream;

/**
 * System.err without the stack traces Undertow prints itself (not through a logger) when a chunked request body
 * passes max-entity-size (its ChunkedStreamSourceConduit calls {@code printStackTrace(System.err)}): expected bad input
 * (bench verify sends it) gets one line, as the client gets its 413 or a close. Everything else passes unchanged.
 */
final class QuietTooBig extends PrintStream {
    /** Set while the frames of a swallowed trace follow; guarded by this (Throwable prints a trace holding it). */
    private boolean inTrace;

    private QuietTooBig(PrintStream err) {
        super(err, true);
    }

    /** Replaces System.err (once, at the start of main). */
    static void install() {
        if (!(System.err instanceof QuietTooBig)) {
            System.setErr(new QuietTooBig(System.err));
        }
    }

    @Override
    public void println(Object x) {
        synchronized (this) {
            if (x instanceof RequestTooBigException tooBig) {
                inTrace = true;
                super.println("benchtarget-undertow: request refused: " + tooBig.getMessage());
                return;
            }
            if (x instanceof String line) {
                println(line); // Throwable prints its frames as objects
                return;
            }
            inTrace = false;
            super.println(x);
        }
    }

    @Override
    public void println(String x) {
        synchronized (this) {
            if (inTrace && x != null && (x.startsWith("\t") || x.startsWith("Caused by: "))) {
                return; // a frame ("\tat ...", "\t... 3 more", "\tSuppressed: ...") or cause of the swallowed trace
            }
            inTrace = false;
            super.println(x);
        }
    }
}
