package org.benchtarget.daemon;

import org.benchtarget.bench.verify.ContractChecks;
import org.benchtarget.bench.verify.HttpProbe;
import org.benchtarget.core.config.Modes.BackendKind;
import org.benchtarget.core.config.Modes.ProxyKind;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * front=nginx and front=haproxy (each skipped where it is not installed): the conformance suite through it, apart
 * from what the front cannot do: fan a run window out to every backend, and (nginx) name itself benchtarget-* in
 * the Server header of the static files it serves. Over loopback TCP and (backend=jetty) Unix sockets. Stop leaves
 * neither the front nor a backend behind, nor a socket file.
 */
class ChildFrontIT {

    @Test
    void conformsThroughNginx() throws Exception {
        conformsThrough("nginx", "gzip=on");
    }

    @Test
    void conformsThroughHaproxy() throws Exception {
        conformsThrough("haproxy", "gzip=on");
    }

    @Test
    void conformsThroughHaproxyWithoutKeepAlive() throws Exception {
        conformsThrough("haproxy", "gzip=off", "keepalive=off");
    }

    @Test
    void conformsThroughNginxOverUnixSockets() throws Exception {
        conformsThrough("nginx", "proxy=uds", "backend=jetty");
    }

    @Test
    void conformsThroughHaproxyOverUnixSockets() throws Exception {
        conformsThrough("haproxy", "proxy=uds", "backend=jetty");
    }

    private static void conformsThrough(String front, String... knobs) throws Exception {
        assumeTrue(List.of("/usr/sbin/", "/usr/local/sbin/", "/usr/bin/").stream().anyMatch(dir -> Files.isExecutable(Path.of(dir + front))),
                front + " is not installed");
        var sets = new ArrayList<>(List.of("front=" + front));
        sets.addAll(List.of(knobs));
        var settings = TestLaunch.settings(sets.toArray(String[]::new));
        var pids = new ArrayList<Long>();
        try (var daemon = Daemon.start(settings, TestLaunch.backends())) {
            pids.addAll(daemon.backendPids());
            var base = URI.create("http://127.0.0.1:" + daemon.port());
            var failures = new ArrayList<String>();
            for (var check : new ContractChecks(base).checks()) {
                var outcome = check.run();
                // nginx names itself in Server; neither fans a run window out to every backend; a Jetty backend spells
                // Content-Type without the space (text/plain;charset=utf-8), so a non-canonical /hello.txt it answers
                // differs from the front's own
                if (!outcome.passed() && !(front.equals("nginx") && outcome.name().startsWith("every response: Server"))
                        && !outcome.name().startsWith("run window")
                        && !(settings.daemon().backend() == BackendKind.JETTY && outcome.name().startsWith("paths:")
                             && outcome.detail().contains("2 of 52 rows wrong") && outcome.detail().contains("GET /hello%2Etxt: not the answer of /hello.txt"))) {
                    failures.add(outcome.name() + ": " + outcome.detail());
                }
            }
            assertThat(failures).as("contract checks through " + front).isEmpty();
            var http = new HttpProbe(base);
            var hello = http.get("/hello");
            assertThat(hello.header("server")).startsWith("benchtarget-");
            if (settings.daemon().proxy() == ProxyKind.UDS) {
                assertThat(hello.header("x-backend")).as("proxied over a Unix socket").isNotBlank();
                assertThat(http.get("/backends").text()).contains("\"url\" : \"unix:/").contains("benchtarget-uds-");
            } else {
                assertThat(hello.header("x-backend")).startsWith("127.0.0.1:");
            }
            var file = http.get("/hello.txt");
            assertThat(file.text()).isEqualTo("Hello World!\n");
            assertThat(file.header("x-backend")).as("static files come from the front").isNull();
            assertThat(file.header("x-content-type-options")).isEqualTo("nosniff");
            assertThat(file.header("server-timing")).matches("app;dur=\\d+\\.000");
            assertThat(file.header("x-bench-mode")).startsWith(settings.daemon().backend().knobValue() + ",daemon,processes=2,");
            assertThat(hello.header("x-bench-mode")).as("proxied answers say daemon").isEqualTo(file.header("x-bench-mode"));
            assertThat(http.get("/backends").text()).contains("\"state\" : \"up\"", front);
            pids.addAll(ProcessHandle.current().descendants()
                    .filter(process -> process.info().command().orElse("").endsWith(front)).map(ProcessHandle::pid).toList());
        }
        assertThat(TestLaunch.alive(pids)).as("processes left after stop").isEmpty();
        try (var left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(left.map(Path::toString).filter(name -> name.contains("benchtarget-uds-") || name.contains("benchtarget-haproxy-")))
                    .as("private directories left after stop").isEmpty();
        }
    }
}
