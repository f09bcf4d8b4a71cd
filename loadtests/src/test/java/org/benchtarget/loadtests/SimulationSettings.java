package org.benchtarget.loadtests;

import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.time.Duration;

import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * What the simulations read from system properties: the target's base URL ({@code bench.url}), the
 * concurrent users ({@code bench.users}) and how long new journeys start ({@code bench.seconds}).
 */
final class SimulationSettings {
    static final String URL = System.getProperty("bench.url", "http://127.0.0.1:8080");
    static final int USERS = Integer.getInteger("bench.users", 4);
    static final Duration DURATION = Duration.ofSeconds(Long.getLong("bench.seconds", 30));
    /** Every seeded user's password (README: Users, walls and sign-in). */
    static final String PASSWORD = System.getProperty("bench.password", "benchpass");

    private SimulationSettings() {
    }

    /** Returns the protocol: the target, and no warm-up request (Gatling's goes to an outside host). */
    static HttpProtocolBuilder protocol() {
        return http.baseUrl(URL)
                .disableWarmUp()
                .acceptHeader("text/html,application/json;q=0.9,*/*;q=0.8")
                .userAgentHeader("benchtarget-gatling");
    }
}
