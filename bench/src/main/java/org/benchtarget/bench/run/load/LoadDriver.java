package org.benchtarget.bench.run.load;

import org.HdrHistogram.Histogram;
import org.benchtarget.bench.run.experiment.Experiment.LoadKind;
import org.benchtarget.bench.run.result.Errors;
import org.benchtarget.bench.run.result.Latency;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** Puts one load level on a target and says what came back. Implementations: the embedded driver, ab, wrk, httperf. */
public interface LoadDriver {

    String name();

    /**
     * Returns how many cores this driver can keep busy at most: 1 for ab, wrk -t1 and httperf (one thread each); the
     * embedded driver, on virtual threads, the CPUs it may run on. At about that much CPU the driver, not the target,
     * limits the run ({@code driver-bound}).
     */
    default int cores() {
        return 1;
    }

    /** Returns null when this driver can drive the spec's load, else one line saying why not. */
    String cannotDrive(LoadKind kind, Workload workload);

    Outcome drive(Spec spec, RunControl control) throws IOException, InterruptedException;

    /**
     * True when the warm-up should run on this driver rather than the embedded one (HTTP/1.1): a driver speaking
     * another protocol leaves that protocol's code paths in the target cold otherwise.
     */
    default boolean warmsUpItself() {
        return false;
    }

    /**
     * One load level: closed loop ({@code level} clients) or open loop ({@code level} requests per second),
     * for {@code requests} journeys or, when that is 0, for {@code duration}. {@code http2}: the target serves HTTP/2
     * (h2 by ALPN over https, h2c over http); drivers that speak it (h2load) use it then, HTTP/1.1 otherwise.
     */
    record Spec(URI base, Workload workload, LoadKind kind, int level, int requests, Duration duration,
                boolean keepalive, boolean acceptGzip, Duration timeout, List<String> cpuPrefix, boolean http2) {
        /** A level against an HTTP/1.1 target. */
        public Spec(URI base, Workload workload, LoadKind kind, int level, int requests, Duration duration,
                    boolean keepalive, boolean acceptGzip, Duration timeout, List<String> cpuPrefix) {
            this(base, workload, kind, level, requests, duration, keepalive, acceptGzip, timeout, cpuPrefix, false);
        }
    }

    /**
     * What one level produced; requests are answers received, whatever their status. {@code histogram} holds every
     * latency in microseconds when the driver has them (the embedded driver; ab, wrk and httperf print percentiles only).
     */
    record Outcome(long requests, double seconds, Latency latencyMs, Errors errors, long journeys, long journeyFailures,
                   Histogram histogram, Latency rawLatencyMs) {
        public Outcome(long requests, double seconds, Latency latencyMs, Errors errors, long journeys, long journeyFailures,
                       Histogram histogram) {
            this(requests, seconds, latencyMs, errors, journeys, journeyFailures, histogram, null);
        }

        public Outcome(long requests, double seconds, Latency latencyMs, Errors errors, long journeys, long journeyFailures) {
            this(requests, seconds, latencyMs, errors, journeys, journeyFailures, null);
        }

        public double throughput() {
            return seconds <= 0 ? 0 : requests / seconds;
        }
    }
}
