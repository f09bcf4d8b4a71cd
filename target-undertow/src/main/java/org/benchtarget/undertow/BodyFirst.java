package org.benchtarget.undertow;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import org.benchtarget.core.web.BodyLimit;
import org.benchtarget.core.web.HttpProblem;
import org.xnio.IoUtils;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Reads a request's whole body on the IO thread, without a worker, before the app runs. A worker blocked in a
 * read of a slow body is a worker lost: 1,000 bodies trickling in held all 32 workers of the thread pool, and
 * /hello and /db timed out for everyone (slowhttptest -B). Here a slow body costs a connection and its bytes,
 * never a thread:
 * <ul>
 * <li>the body must arrive whole within {@code request.idle-timeout} of the request's arrival, else the
 *     connection is closed (the read is pending on the IO thread; there is no thread to answer from);</li>
 * <li>bodies still arriving hold at most a quarter of the heap between them: a body that would take more
 *     is refused with 503 (its declared length is counted, {@code request.max-body} for a chunked one);</li>
 * <li>a body over {@code request.max-body} is 413, a broken one 400, answered by the app like any bad input.</li>
 * </ul>
 * Thread-safe.
 */
final class BodyFirst {
    private final int maxBody;
    private final Duration deadline;
    private final long budgetBytes;
    private final AtomicLong unfinishedBytes = new AtomicLong();

    BodyFirst(int maxBody, Duration deadline, long budgetBytes) {
        this.maxBody = maxBody;
        this.deadline = deadline;
        this.budgetBytes = budgetBytes;
    }

    /** The budget the targets use: a quarter of the heap. */
    static long defaultBudget() {
        return Runtime.getRuntime().maxMemory() / 4;
    }

    /** Reads the body of {@code exchange} (which must still be in its IO thread's call), then hands the request to {@code then}. */
    void read(HttpServerExchange exchange, long arrivalNanos, Consumer<ExchangeRequest> then) {
        long declared = exchange.getRequestContentLength();
        if (declared > maxBody) {
            refuse(exchange, arrivalNanos, BodyLimit.tooLarge(maxBody), then);
            return;
        }
        long reserved = declared >= 0 ? declared : maxBody;
        if (unfinishedBytes.addAndGet(reserved) > budgetBytes) {
            unfinishedBytes.addAndGet(-reserved);
            refuse(exchange, arrivalNanos, new HttpProblem(503, "too many request bodies arriving at once ("
                    + budgetBytes / 1024 + " KiB held): try again"), then);
            return;
        }
        var settled = new AtomicBoolean();
        Runnable release = () -> {
            if (settled.compareAndSet(false, true)) {
                unfinishedBytes.addAndGet(-reserved);
            }
        };
        long leftMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline.toNanos() - (System.nanoTime() - arrivalNanos)));
        var watchdog = exchange.getIoThread().executeAfter(() -> {
            release.run();
            IoUtils.safeClose(exchange.getConnection());
        }, leftMillis, TimeUnit.MILLISECONDS);
        exchange.getRequestReceiver().receiveFullBytes((done, body) -> {
            watchdog.remove();
            release.run();
            then.accept(ExchangeRequest.withBody(done, arrivalNanos, body));
        }, (failed, e) -> {
            watchdog.remove();
            release.run();
            if (!failed.getConnection().isOpen()) {
                failed.endExchange(); // the deadline or the client closed it: no one to answer
                return;
            }
            refuse(failed, arrivalNanos, problem(e), then);
        });
    }

    private void refuse(HttpServerExchange exchange, long arrivalNanos, HttpProblem problem, Consumer<ExchangeRequest> then) {
        exchange.setPersistent(false); // the rest of the body may still be on its way
        then.accept(ExchangeRequest.withUnreadableBody(exchange, arrivalNanos, problem));
    }

    private HttpProblem problem(IOException e) {
        return e instanceof RequestTooBigException ? BodyLimit.tooLarge(maxBody)
                : HttpProblem.badRequest("request body incomplete or malformed");
    }
}
