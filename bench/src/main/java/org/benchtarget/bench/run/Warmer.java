package org.benchtarget.bench.run;

import org.benchtarget.bench.run.experiment.Experiment;
import org.benchtarget.bench.run.experiment.Experiment.LoadKind;
import org.benchtarget.bench.run.load.EmbeddedDriver;
import org.benchtarget.bench.run.load.LoadDriver;
import org.benchtarget.bench.run.load.RunControl;
import org.benchtarget.bench.run.load.Workload;
import org.benchtarget.bench.run.result.Warmup;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Warms a fresh target up before an endpoint is measured: rounds of closed-loop load with the embedded
 * driver until a round is no more than 5% faster than the best before it (the JIT has settled), or the
 * experiment's warm-up bound is spent. The seeds made one request; a JVM needs far more. Records when req/s became
 * steady (within 5% of the last round's) from the rounds' figures.
 */
final class Warmer {
    private static final double STILL_RISING = 1.05;

    private Warmer() {
    }

    /** Warms up; with {@code wholeBound} for the experiment's whole warm-up bound even after throughput levelled off. */
    static Warmup warm(Experiment experiment, String profile, URI base, Workload workload, RunControl control, boolean wholeBound)
            throws IOException, InterruptedException {
        return warm(experiment, profile, base, workload, control, wholeBound, new EmbeddedDriver(), List.of(), false);
    }

    /**
     * As above with {@code driver} (pinned by {@code cpuPrefix}): h2load warms an HTTP/2 target ({@code http2}) over
     * HTTP/2, whose code paths HTTP/1.1 would leave cold.
     */
    static Warmup warm(Experiment experiment, String profile, URI base, Workload workload, RunControl control, boolean wholeBound,
                       LoadDriver driver, List<String> cpuPrefix, boolean http2) throws IOException, InterruptedException {
        var bound = experiment.warmup();
        // h2load runs whole seconds (-D): rounds of at least one
        var round = Duration.ofMillis(Math.max(driver instanceof EmbeddedDriver ? 500 : 1_000, Math.min(3_000, bound.toMillis() / 4)));
        long start = System.nanoTime();
        double best = 0;
        long requests = 0;
        int rounds = 0;
        boolean levelled = false;
        double last = 0;
        var history = new ArrayList<Warmup.Round>();
        while (!control.cancelled() && System.nanoTime() - start + round.toNanos() <= bound.toNanos() + round.toNanos() / 2) {
            double roundStart = (System.nanoTime() - start) / 1e9;
            var outcome = driver.drive(new LoadDriver.Spec(base, workload, LoadKind.CONCURRENCY,
                    experiment.warmupConcurrency(), 0, round, experiment.keepalive(), experiment.acceptGzip(), experiment.timeout(), cpuPrefix, http2), control);
            rounds++;
            requests += outcome.requests();
            last = outcome.throughput();
            history.add(new Warmup.Round(roundStart, last));
            if (rounds >= 2 && last <= best * STILL_RISING) {
                levelled = true;
                if (!wholeBound) {
                    break;
                }
            }
            best = Math.max(best, last);
        }
        return new Warmup(profile, workload.label(), rounds, requests, Math.round((System.nanoTime() - start) / 1e7) / 100.0,
                Math.round(last), levelled, Warmup.steadySeconds(history));
    }
}
