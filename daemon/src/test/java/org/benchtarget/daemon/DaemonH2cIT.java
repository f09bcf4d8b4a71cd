package org.benchtarget.daemon;

import org.benchtarget.bench.verify.ContractChecks;
import org.benchtarget.core.config.SettingsException;
import org.benchtarget.core.config.SettingsParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * proxy.protocol=h2c through HAProxy and the Jetty front: the contract holds, and what tells h2c from HTTP/1.1 on the wire: 40 requests
 * held at once at the backends travel over a few multiplexed connections, where HTTP/1.1 needs one per request in
 * flight. nginx, which cannot speak h2c to a backend, is refused with one line. (The Undertow front over h2c:
 * DaemonConformanceIT; its proxy pool takes a connection per request, multiplexing or not, so it does not pool fewer.)
 */
class DaemonH2cIT {
    private static final int IN_FLIGHT = 40;
    private static final Pattern BACKEND_URL = Pattern.compile("\"url\" : \"http://127\\.0\\.0\\.1:(\\d+)\"");

    @Test
    void haproxyMultiplexesItsBackendsOverH2c() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/haproxy")), "haproxy is not installed");
        // HTTP/1.1 would hold a connection per request in flight: 40 (measured: 42 with the checks' idle ones)
        assertThat(connectionsWhileHeld("haproxy", "proxy.protocol=h2c")).as("front-to-backend connections over h2c").isBetween(2, 10);
    }

    /** Jetty's HttpClient multiplexes h2c: the Jetty front holds the same 40 requests over a few connections too. */
    @Test
    void jettyMultiplexesItsBackendsOverH2c() throws Exception {
        assertThat(connectionsWhileHeld("jetty", "proxy.protocol=h2c")).as("front-to-backend connections over h2c").isBetween(2, 10);
    }

    @Test
    void nginxIsRefusedWithOneLine() {
        assertThatThrownBy(() -> Daemon.start(TestLaunch.settings("front=nginx", "proxy.protocol=h2c"), TestLaunch.backends()).close())
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("proxy.protocol=h2c: front=nginx proxies HTTP/1.x only")
                .hasMessageNotContaining("\n");
    }

    /** Starts a daemon with {@code front} and {@code protocol}, checks the contract, and counts its backend connections while 40 requests wait there. */
    private static int connectionsWhileHeld(String front, String protocol) throws Exception {
        var settings = SettingsParser.parse("daemon-p2-t10", Map.of(), List.of("host=127.0.0.1", "port=0", "threads=16", "front=" + front, protocol));
        try (var daemon = Daemon.start(settings, TestLaunch.backends())) {
            var base = URI.create("http://127.0.0.1:" + daemon.port());
            conforms(base, front);
            var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
            var ports = backendPorts(client, base);
            var held = new ArrayList<CompletableFuture<HttpResponse<String>>>();
            for (int i = 0; i < IN_FLIGHT; i++) {
                held.add(client.sendAsync(HttpRequest.newBuilder(base.resolve("/delay/fixed:2s")).timeout(Duration.ofSeconds(20)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            Thread.sleep(1_000); // all sent and waiting at the backends
            int connections = established(ports);
            for (var answer : held) {
                assertThat(answer.get().statusCode()).isEqualTo(200);
            }
            return connections;
        }
    }

    private static void conforms(URI base, String front) {
        var failures = new ArrayList<String>();
        for (var check : new ContractChecks(base).checks()) {
            var outcome = check.run();
            // a child front does not fan a run window out to every backend (as ChildFrontIT says); the Jetty front does
            if (!outcome.passed() && !(front.equals("haproxy") && outcome.name().startsWith("run window"))) {
                failures.add(outcome.name() + ": " + outcome.detail());
            }
        }
        assertThat(failures).as("contract checks through " + base).isEmpty();
    }

    private static Set<Integer> backendPorts(HttpClient client, URI base) throws Exception {
        var listing = client.send(HttpRequest.newBuilder(base.resolve("/backends")).build(), HttpResponse.BodyHandlers.ofString()).body();
        var ports = BACKEND_URL.matcher(listing).results().map(match -> Integer.parseInt(match.group(1))).collect(Collectors.toSet());
        assertThat(ports).as("backends in " + listing).hasSize(2);
        return ports;
    }

    /** Established TCP connections to one of {@code ports}, counted once, from the connecting side (/proc/net/tcp). */
    private static int established(Set<Integer> ports) throws IOException {
        int count = 0;
        for (var table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (var line : Files.readAllLines(Path.of(table)).stream().skip(1).toList()) {
                var fields = line.trim().split("\\s+");
                var remote = fields[2];
                int port = Integer.parseInt(remote.substring(remote.indexOf(':') + 1), 16);
                if (fields[3].equals("01") && ports.contains(port)) {
                    count++;
                }
            }
        }
        return count;
    }
}
