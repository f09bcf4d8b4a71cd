package org.benchtarget.deploy;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchtarget-cassandra image (build-images --cassandra-only) as components/cassandra runs it: the cassandra user
 * (uid 999), read-only root, no capabilities, only /tmp and its data volume writable. It must accept CQL (a keyspace, a
 * write, a read through the published port), tell clients the container's address (not 0.0.0.0), and stop on
 * SIGTERM without SIGKILL (Cassandra is PID 1). One container; about 30 s after the image's build.
 */
class CassandraImageIT {
    @Test
    void theNodeStartsNonRootOnAReadOnlyRootAndServesCql() throws Exception {
        var image = Images.cassandra();
        var name = "benchtarget-cassandra-it-" + UUID.randomUUID().toString().substring(0, 8);
        var run = new ArrayList<>(List.of("run", "--detach", "--name", name, "--publish", "127.0.0.1::9042",
                "--user", "999:999", "--read-only", "--tmpfs", "/tmp", "--cap-drop", "ALL", "--security-opt", "no-new-privileges"));
        run.addAll(Podman.LIMITS);
        run.add(image);
        try {
            Podman.run(Duration.ofMinutes(2), run.toArray(String[]::new)).expectSuccess("podman run " + image);
            var published = Podman.run(Duration.ofSeconds(30), "port", name, "9042/tcp").expectSuccess("podman port").output().strip();
            var port = Integer.parseInt(published.substring(published.lastIndexOf(':') + 1));
            var address = Podman.run(Duration.ofSeconds(30), "inspect", "--format", "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}", name)
                    .expectSuccess("podman inspect").output().strip();
            try (var session = connect(name, port)) {
                session.execute("CREATE KEYSPACE IF NOT EXISTS it WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
                session.execute("CREATE TABLE IF NOT EXISTS it.t (k text PRIMARY KEY, v int)");
                session.execute("INSERT INTO it.t (k, v) VALUES ('answer', 42)");
                assertThat(session.execute("SELECT v FROM it.t WHERE k = 'answer'").one().getInt(0)).isEqualTo(42);
                var local = session.execute("SELECT rpc_address, listen_address FROM system.local").one();
                assertThat(local.getInetAddress(0).getHostAddress()).as("the address clients are told").isEqualTo(address);
                assertThat(local.getInetAddress(1).getHostAddress()).isEqualTo(address);
            }
            assertThat(Podman.run(Duration.ofSeconds(30), "exec", name, "id", "-u").output().strip()).isEqualTo("999");
            Podman.run(Duration.ofMinutes(2), "stop", "--time", "60", name).expectSuccess("podman stop");
            var exit = Podman.run(Duration.ofSeconds(30), "inspect", "--format", "{{.State.ExitCode}}", name).output().strip();
            assertThat(exit).as("exit after SIGTERM (137: SIGKILLed)").isNotEqualTo("137");
            assertThat(Podman.run(Duration.ofSeconds(30), "logs", name).output()).contains("Startup complete", "cassandra-node: " + address);
        } finally {
            Podman.run(Duration.ofMinutes(1), "rm", "--force", "--time", "0", name);
        }
    }

    /** Connects once the node answers CQL (a cold start takes 10-60 s on two busy cores); fails with its log after 4 min. */
    private static CqlSession connect(String name, int port) throws IOException, InterruptedException {
        var config = DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
                .withBoolean(DefaultDriverOption.TIMESTAMP_GENERATOR_FORCE_JAVA_CLOCK, true)
                .build();
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        RuntimeException last;
        do {
            try {
                return CqlSession.builder().addContactPoint(new InetSocketAddress("127.0.0.1", port))
                        .withLocalDatacenter("datacenter1").withConfigLoader(config).build();
            } catch (RuntimeException notYet) {
                last = notYet;
            }
            var state = Podman.run(Duration.ofSeconds(30), "inspect", "--format", "{{.State.Running}}", name).output().strip();
            if (!state.equals("true")) {
                throw new AssertionError("the Cassandra container exited before it served CQL:\n" + Podman.run(Duration.ofSeconds(30), "logs", name).output());
            }
            Thread.sleep(2_000);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no CQL within 4 min (" + last.getMessage() + "):\n" + Podman.run(Duration.ofSeconds(30), "logs", name).output());
    }
}
