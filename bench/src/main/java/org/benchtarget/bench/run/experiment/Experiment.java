package org.benchtarget.bench.run.experiment;

import java.time.Duration;
import java.util.List;

/**
 * One experiment, as loaded from {@code experiments/NAME.properties} (the --quick form already
 * applied): which profiles, which endpoints, which load levels, how often, and how to lay out the report;
 * {@code shape} is the seed's own chart and table (null: the generic report only). {@code warmupWhole}: warm up for the
 * whole bound even after req/s levelled off, so the steady-state figure also sees a late rise.
 */
public record Experiment(String name, String title, String seed, boolean quick, List<ProfileRef> profiles,
                         List<String> endpoints, LoadKind load, List<Integer> levels, int requests, Duration duration,
                         int runs, Restart restart, boolean keepalive, Duration timeout, Duration warmup,
                         int warmupConcurrency, boolean warmupWhole, Layout layout, String driver, boolean acceptGzip, List<String> requires,
                         String notes, ResultShape shape) {

    /** Closed loop (ab -c: N clients, each sends its next request when the last answered) or open loop (httperf --rate). */
    public enum LoadKind {
        CONCURRENCY("c"), RATE("rate");

        private final String symbol;

        LoadKind(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** When to start a fresh target: once per profile, or before each repetition of an endpoint's sweep (seed 000). */
    public enum Restart { PROFILE, RUN }

    /** Report tables: one per endpoint with a column per profile (seed 000), or one grid of endpoint x profile columns (seed 003). */
    public enum Layout { PER_ENDPOINT, GRID }

    /** Returns the number of measurements a full run makes (for the progress line). */
    public int measurementCount() {
        return profiles.size() * endpoints.size() * runs * levels.size();
    }
}
