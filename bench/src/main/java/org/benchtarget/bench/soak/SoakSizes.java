package org.benchtarget.bench.soak;

import java.time.Duration;
import java.util.List;

/**
 * How hard and how long each soak test pushes: the full sizes of issue 10, or a bounded quick form
 * for CI. {@code requestTimeout} is how long a request may go unanswered before it counts as timed out.
 * {@code slow}: the slow-client attacks ({@link SlowClients}).
 */
public record SoakSizes(List<Integer> connections, Duration hold, Duration requestTimeout, int surveyUsers, int surveyCompletions,
                        Duration surveyMaxTime, Duration outage, int shutdownUsers, Slow slow) {

    /**
     * Each slow attack: {@code connections} slow clients for {@code hold}, while probes of /hello and /db must all
     * answer 200 with a p99 within {@code probeP99}: 100 ms in the full form (issue 28's goal); the quick form, run
     * by CI on shared 2-core machines, bounds it at 1 s (a starved target takes the probes' 10 s timeout).
     */
    public record Slow(int connections, Duration hold, Duration probeP99) {
    }

    public static SoakSizes full() {
        return new SoakSizes(List.of(1_000, 2_000), Duration.ofSeconds(30), Duration.ofSeconds(15), 100, 10_000,
                Duration.ofMinutes(10), Duration.ofSeconds(10), 20, new Slow(1_000, Duration.ofSeconds(30), Duration.ofMillis(100)));
    }

    public static SoakSizes quick() {
        return new SoakSizes(List.of(1_000, 2_000), Duration.ofSeconds(2), Duration.ofSeconds(15), 50, 350,
                Duration.ofMinutes(3), Duration.ofSeconds(3), 10, new Slow(1_000, Duration.ofSeconds(6), Duration.ofSeconds(1)));
    }
}
