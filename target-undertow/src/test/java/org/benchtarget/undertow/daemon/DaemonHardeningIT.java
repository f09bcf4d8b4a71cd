package org.benchtarget.undertow.daemon;

import org.benchtarget.bench.verify.HardeningChecks;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bench verify's security and bad-input groups through daemon mode's Undertow front (2 backend JVMs, H2-shared). */
class DaemonHardeningIT {

    @Test
    void theFrontAndItsBackendsRefuseBadInputAndStaySecure() throws Exception {
        var settings = TestLaunch.settings(HardeningChecks.KNOBS.toArray(String[]::new));
        List<Long> pids;
        try (var daemon = Daemon.start(settings, TestLaunch.backends())) {
            pids = daemon.backendPids();
            var failures = HardeningChecks.failures(URI.create("http://127.0.0.1:" + daemon.port()));
            assertTrue(failures.isEmpty(), () -> "checks failed through the front:\n" + String.join("\n", failures));
        }
        assertThat(TestLaunch.alive(pids)).as("backends left running after stop").isEmpty();
    }
}
