package org.benchtarget.e2e;

import org.benchtarget.bench.soak.SoakSizes;
import org.benchtarget.bench.soak.SoakSuite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bench soak --quick} against target-undertow's jar (built in its package phase), in-process (undertow-nio) and daemon
 * mode (daemon-p2-t10), each as its own process on the suite's own PostgreSQL: overload at 1,000 and 2,000
 * connections, 1,000 slow clients of each kind (bodies, heads, reads), 350 surveys exactly once (in daemon mode again while a backend is SIGKILLed), PostgreSQL stopped
 * and started under load, SIGTERM under load. Every row must pass. Bounded: about a minute per profile.
 */
class SoakIT {
    private static final Path OUT = Path.of("target", "soak");

    @BeforeAll
    static void benchHome() {
        // failsafe runs in e2e/; the clone's root holds target-undertow/target/benchtarget-undertow.jar
        System.setProperty("bench.home", Path.of("").toAbsolutePath().getParent().toString());
    }

    @AfterEach
    void noTargetLeftRunning() {
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(process -> process.info().commandLine().orElse("").contains("benchtarget-undertow.jar")).toList()).isEmpty();
    }

    @Test
    void quickSoakPassesInProcessAndInDaemonMode() throws Exception {
        // a short idle timeout bounds the bad-input row's slow clients (each waits for it)
        var tables = SoakSuite.run(List.of("undertow-nio", "daemon-p2-t10"), SoakSizes.quick(), List.of("request.idle-timeout=3s"),
                OUT, new PrintStream(System.out, true));

        assertThat(tables.get("undertow-nio")).extracting(row -> row.test()).containsExactly(
                "overload /hello", "overload /hello", "overload /db", "overload /db", "slow bodies", "slowloris", "slow reads", "surveys, exactly once", "bad input", "security", "database outage", "graceful shutdown");
        assertThat(tables.get("daemon-p2-t10")).extracting(row -> row.test()).contains("surveys, backend killed");
        tables.forEach((profile, rows) -> assertThat(rows).allSatisfy(row ->
                assertThat(row.passed()).as("%s %s: %s", profile, row.test(), row.detail()).isTrue()));
    }
}
