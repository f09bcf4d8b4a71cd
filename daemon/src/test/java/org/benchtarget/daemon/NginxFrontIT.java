package org.benchtarget.daemon;

import org.benchtarget.bench.verify.ContractChecks;
import org.benchtarget.bench.verify.HttpProbe;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * front=nginx (skipped where nginx is not installed): the conformance suite through nginx, apart
 * from the one thing open-source nginx cannot do, naming itself benchtarget-* in the Server header
 * of the static files it serves. Stop leaves neither nginx nor a backend behind.
 */
class NginxFrontIT {

    @Test
    void conformsThroughNginx() throws Exception {
        assumeTrue(List.of("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx").stream().anyMatch(path -> Files.isExecutable(Path.of(path))),
                "nginx is not installed");
        var settings = TestLaunch.settings("front=nginx", "gzip=on");
        var pids = new ArrayList<Long>();
        try (var daemon = Daemon.start(settings, TestLaunch.backends())) {
            pids.addAll(daemon.backendPids());
            var base = URI.create("http://127.0.0.1:" + daemon.port());
            var failures = new ArrayList<String>();
            for (var check : new ContractChecks(base).checks()) {
                var outcome = check.run();
                // nginx names itself in Server, and cannot fan a run window out to every backend
                if (!outcome.passed() && !outcome.name().startsWith("every response: Server") && !outcome.name().startsWith("run window")) {
                    failures.add(outcome.name() + ": " + outcome.detail());
                }
            }
            assertThat(failures).as("contract checks through nginx").isEmpty();
            var http = new HttpProbe(base);
            var hello = http.get("/hello");
            assertThat(hello.header("server")).startsWith("benchtarget-");
            assertThat(hello.header("x-backend")).startsWith("127.0.0.1:");
            var file = http.get("/hello.txt");
            assertThat(file.text()).isEqualTo("Hello World!\n");
            assertThat(file.header("x-content-type-options")).isEqualTo("nosniff");
            assertThat(file.header("server-timing")).matches("app;dur=\\d+\\.000");
            assertThat(file.header("x-bench-mode")).startsWith("undertow,daemon,processes=2,");
            assertThat(hello.header("x-bench-mode")).as("proxied answers say daemon").isEqualTo(file.header("x-bench-mode"));
            assertThat(http.get("/backends").text()).contains("\"state\" : \"up\"", "nginx");
            pids.addAll(ProcessHandle.current().descendants()
                    .filter(process -> process.info().command().orElse("").endsWith("nginx")).map(ProcessHandle::pid).toList());
        }
        assertThat(TestLaunch.alive(pids)).as("processes left after stop").isEmpty();
    }
}
