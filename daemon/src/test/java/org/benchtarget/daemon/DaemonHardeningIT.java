package org.benchtarget.daemon;

import org.benchtarget.bench.verify.HardeningChecks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bench verify's security and bad-input groups through daemon mode's Java fronts (Undertow, Jetty; 2 backend JVMs,
 * H2-shared): zero failures. The front buffers request bodies before proxying, so a client that stops mid-body is
 * timed out at the front and never holds a backend connection (bystanders keep their answers).
 */
class DaemonHardeningIT {
    @ParameterizedTest
    @ValueSource(strings = {"undertow", "jetty"})
    void theFrontAndItsBackendsRefuseBadInputAndStaySecure(String front) throws Exception {
        var knobs = new ArrayList<>(HardeningChecks.KNOBS);
        knobs.add("front=" + front);
        var settings = TestLaunch.settings(knobs.toArray(String[]::new));
        List<Long> pids;
        try (var daemon = Daemon.start(settings, TestLaunch.backends())) {
            pids = daemon.backendPids();
            var failures = HardeningChecks.failures(URI.create("http://127.0.0.1:" + daemon.port()));
            assertThat(failures).as("checks failed through the " + front + " front").isEmpty();
        }
        assertThat(TestLaunch.alive(pids)).as("backends left running after stop").isEmpty();
    }
}
