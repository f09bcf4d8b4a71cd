package org.benchtarget.undertow.daemon;

import org.benchtarget.bench.verify.HardeningChecks;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bench verify's security and bad-input groups through daemon mode's Undertow front (2 backend JVMs,
 * H2-shared). One known gap is tolerated, and only that one (README, Daemon mode): a client that stops
 * sending mid-body may get Undertow's proxy's 503 (the backend timed its read out and closed) instead of a
 * 408 or a close.
 */
class DaemonHardeningIT {
    private static final String KNOWN_GAP = "a client that stopped mid-body: status 503";

    @Test
    void theFrontAndItsBackendsRefuseBadInputAndStaySecure() throws Exception {
        var settings = TestLaunch.settings(HardeningChecks.KNOBS.toArray(String[]::new));
        List<Long> pids;
        try (var daemon = Daemon.start(settings, TestLaunch.backends())) {
            pids = daemon.backendPids();
            var failures = HardeningChecks.failures(URI.create("http://127.0.0.1:" + daemon.port()));
            assertThat(failures).as("checks failed through the front").allMatch(failure -> failure.contains(KNOWN_GAP));
        }
        assertThat(TestLaunch.alive(pids)).as("backends left running after stop").isEmpty();
    }
}
