package org.benchtarget.undertow;

import org.benchtarget.bench.verify.HoldOpen;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 10,000 delayed requests held open at once on undertow-nio (a client in its own JVM opens 10,000 connections, each
 * asking once for /delay/fixed:8s, long enough for all to be open together on a busy machine; /delay/fixed:1s held at
 * 10,000 needs 10,000 answers a second, see docs/fixture.md for that run): every one answered 200, none refused or
 * reset, the target's thread count grows by fewer than 500 (a thread held per delay would add 9,000) and its RSS by
 * less than 128 MB over the most a warm-up with a tenth of them took. The target shares this test JVM's heap, whose
 * growth under the burst is most of the RSS figure (Jetty: +37 MB on a quiet machine, +79 MB on a busy one).
 * max-connections (10,000 by default) leaves room for the /metrics reads. Memory, not speed: no timing is asserted.
 */
class FixtureMemoryIT {

    @Test
    void tenThousandOpenDelaysCostLittleMemory() throws Exception {
        try (var server = H2Target.start("undertow-nio", "host=127.0.0.1", "max-connections=11000")) {
            var base = URI.create("http://127.0.0.1:" + server.port());
            var held = HoldOpen.measure(base, ProcessHandle.current().pid(), 10_000, "/delay/fixed:8s", Duration.ofSeconds(1));
            System.out.println("%s: %s".formatted("undertow-nio", held));
            assertThat(held.failures(10_000, 128L * 1024 * 1024)).isEmpty();
        }
    }
}
