package org.benchtarget.bench.soak;

import java.time.Duration;
import java.util.List;

/**
 * How hard and how long each soak test pushes: the full sizes of issue 10, or a bounded quick form
 * for CI. {@code requestTimeout} is how long a request may go unanswered before it counts as timed out.
 */
public record SoakSizes(List<Integer> connections, Duration hold, Duration requestTimeout, int surveyUsers, int surveyCompletions,
                        Duration surveyMaxTime, Duration outage, int shutdownUsers) {

    public static SoakSizes full() {
        return new SoakSizes(List.of(1_000, 2_000), Duration.ofSeconds(30), Duration.ofSeconds(15), 100, 10_000,
                Duration.ofMinutes(10), Duration.ofSeconds(10), 20);
    }

    public static SoakSizes quick() {
        return new SoakSizes(List.of(1_000, 2_000), Duration.ofSeconds(2), Duration.ofSeconds(15), 50, 350,
                Duration.ofMinutes(3), Duration.ofSeconds(3), 10);
    }
}
