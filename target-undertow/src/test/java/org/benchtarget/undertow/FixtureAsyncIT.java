package org.benchtarget.undertow;

import org.benchtarget.bench.verify.HangUps;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * /delay and /stream on undertow-nio hold no thread while they wait, and 1,000 clients that hang up mid-delay or
 * mid-stream free everything at once (bench_fixture_pending and bench_fixture_timers back to 0, read from /metrics).
 */
class FixtureAsyncIT {
    private static UndertowServer server;
    private static URI base;

    @BeforeAll
    static void start() {
        server = H2Target.start("undertow-nio", "host=127.0.0.1");
        base = URI.create("http://127.0.0.1:" + server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void clientsHangingUpMidDelayFreeEverything() throws Exception {
        assertThat(HangUps.check(base, 1000, "/delay/fixed:5s", Duration.ofSeconds(5))).isEmpty();
    }

    @Test
    void clientsHangingUpMidStreamFreeEverything() throws Exception {
        assertThat(HangUps.check(base, 1000, "/stream/1000?interval=5s&size=1k", Duration.ofSeconds(5))).isEmpty();
    }
}
