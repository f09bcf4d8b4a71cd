package org.benchtarget.core;

import org.benchtarget.core.web.GoneSignal;
import org.benchtarget.core.web.Responder;
import org.benchtarget.core.web.WebResult;

import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;

/**
 * The pipeline's side of an asynchronous answer: passes an endpoint's calls on to the adapter's {@link Responder},
 * adds the headers every answer carries to the head, and counts the answer once when it ends, whether completed,
 * ended or abandoned by the client ({@link #GONE}). After that, nothing more reaches the adapter. Thread-safe.
 */
final class AsyncExchange implements Responder {
    /** The status an answer the client hung up on is counted under (nginx's "client closed request"). */
    static final int GONE = 499;

    private final Responder adapter;
    private final UnaryOperator<WebResult> decorate;
    private final IntConsumer answered;
    private final GoneSignal gone = new GoneSignal();
    private int status;
    private boolean finished;

    AsyncExchange(Responder adapter, UnaryOperator<WebResult> decorate, IntConsumer answered) {
        this.adapter = adapter;
        this.decorate = decorate;
        this.answered = answered;
        adapter.onGone(this::clientGone);
    }

    @Override
    public void complete(WebResult result) {
        if (finish(result.status())) {
            adapter.complete(decorate.apply(result));
        }
    }

    @Override
    public void begin(WebResult head) {
        synchronized (this) {
            if (finished) {
                return;
            }
            status = head.status();
        }
        adapter.begin(decorate.apply(head));
    }

    @Override
    public void write(byte[] chunk, Runnable written) {
        synchronized (this) {
            if (finished) {
                return;
            }
        }
        adapter.write(chunk, written);
    }

    @Override
    public void end() {
        int begun;
        synchronized (this) {
            begun = status;
        }
        if (finish(begun)) {
            adapter.end();
        }
    }

    @Override
    public void onGone(Runnable listener) {
        gone.listen(listener);
    }

    private void clientGone() {
        if (finish(GONE)) {
            gone.fire();
        }
    }

    /** Counts the answer once; returns false when it was counted already (ended, or the client went). */
    private boolean finish(int answeredStatus) {
        synchronized (this) {
            if (finished) {
                return false;
            }
            finished = true;
        }
        answered.accept(answeredStatus);
        return true;
    }
}
