package org.benchtarget.core.web;

/**
 * An endpoint that answers later through a {@link Responder} (a delay, a stream): it checks its input at once (bad
 * input throws {@link HttpProblem}, answered at once) and then only schedules work on a timer, so no thread waits
 * with it. Adapters ask {@code App.isAsync} and hand such requests to {@code App.handleAsync}.
 */
@FunctionalInterface
public interface AsyncEndpoint extends Endpoint {
    void start(WebRequest request, PathParams params, Responder responder) throws HttpProblem;

    /** Never called: the pipeline serves an asynchronous endpoint through {@link #start}. */
    @Override
    default WebResult handle(WebRequest request, PathParams params) {
        throw new UnsupportedOperationException("an asynchronous endpoint answers through a Responder");
    }
}
