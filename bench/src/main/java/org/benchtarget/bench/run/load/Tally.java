package org.benchtarget.bench.run.load;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.benchtarget.bench.run.result.Errors;
import org.benchtarget.bench.run.result.Latency;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts and latencies of one load level, shared by all virtual users (thread-safe). In an open loop, latency is timed
 * from each request's planned start (corrected for coordinated omission); the raw service time, from when it was
 * actually sent, is kept beside it, as wrk2 prints both: the gap between them is the time a request waited to be sent.
 */
final class Tally {
    /** Microseconds, up to an hour, 3 significant digits: HdrHistogram's usual setting for request latency. */
    private final Histogram latencies = new ConcurrentHistogram(3_600_000_000L, 3);
    private final Histogram serviceTimes;
    private final LongAdder requests = new LongAdder();
    private final LongAdder connect = new LongAdder();
    private final LongAdder timeout = new LongAdder();
    private final LongAdder reset = new LongAdder();
    private final LongAdder non2xx = new LongAdder();
    private final LongAdder other = new LongAdder();
    private final LongAdder journeys = new LongAdder();
    private final LongAdder journeyFailures = new LongAdder();

    /** @param openLoop keep the raw service times beside the corrected latencies */
    Tally(boolean openLoop) {
        serviceTimes = openLoop ? new ConcurrentHistogram(3_600_000_000L, 3) : null;
    }

    /**
     * Counts an answer; a 3xx is an error unless {@code redirectExpected} (a journey's form POST answers 303).
     *
     * @param micros        from the request's planned start (its actual start in a closed loop)
     * @param serviceMicros from its actual start
     */
    void answered(int status, long micros, long serviceMicros, boolean redirectExpected) {
        requests.increment();
        record(latencies, micros);
        if (serviceTimes != null) {
            record(serviceTimes, serviceMicros);
        }
        boolean expected = (status >= 200 && status <= 299) || (redirectExpected && status >= 300 && status <= 399);
        if (!expected) {
            non2xx.increment();
        }
    }

    private static void record(Histogram histogram, long micros) {
        histogram.recordValue(Math.max(0, Math.min(micros, histogram.getHighestTrackableValue())));
    }

    void failed(IOException error) {
        switch (kindOf(error)) {
            case "connect" -> connect.increment();
            case "timeout" -> timeout.increment();
            case "reset" -> reset.increment();
            default -> other.increment();
        }
    }

    void journey(boolean completed) {
        (completed ? journeys : journeyFailures).increment();
    }

    long journeysDone() {
        return journeys.sum() + journeyFailures.sum();
    }

    LoadDriver.Outcome outcome(double seconds) {
        return new LoadDriver.Outcome(requests.sum(), seconds, Latency.fromMicros(latencies),
                new Errors(connect.sum(), timeout.sum(), reset.sum(), non2xx.sum(), other.sum()),
                journeys.sum(), journeyFailures.sum(), latencies.copy(), serviceTimes == null ? null : Latency.fromMicros(serviceTimes));
    }

    /** Returns connect, timeout, reset or other: the kinds ab, wrk and httperf report too. */
    static String kindOf(IOException error) {
        if (error instanceof HttpHostConnectException || error instanceof ConnectException) {
            return "connect";
        }
        if (error instanceof ConnectTimeoutException || error instanceof SocketTimeoutException
                || error instanceof HttpTimeoutException || error instanceof InterruptedIOException) {
            return "timeout";
        }
        if (error instanceof SocketException || error instanceof NoHttpResponseException
                || error instanceof ConnectionClosedException) {
            return "reset";
        }
        return "other";
    }
}
