package org.benchtarget.e2e;

import org.benchtarget.bench.run.target.TargetProcess;
import org.benchtarget.core.config.SettingsParser;
import org.benchtarget.db.testing.CeilingAnswers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Each ceiling profile as {@code bench run} starts it beside the targets: its own JVM from its target's jar (on H2), the
 * ceiling's answers, a log line naming it, and nothing left running once closed. What each ceiling serves in-process
 * (on PostgreSQL too) and which knobs it refuses is tested in its target's module.
 */
class CeilingProfilesIT {

    @BeforeAll
    static void benchHome() {
        // failsafe runs in e2e/; the clone's root holds the targets' jars
        System.setProperty("bench.home", Path.of("").toAbsolutePath().getParent().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ceiling-undertow", "ceiling-jetty", "ceiling-jetty-servlet", "ceiling-spring"})
    void startsAndStopsAsBenchRunStartsTargets(String profile) throws Exception {
        var sets = List.of("host=127.0.0.1", "port=0");
        var log = Path.of("target", "ceilings", profile + ".log");
        ProcessHandle handle;
        try (var process = TargetProcess.start(SettingsParser.parse(profile, Map.of(), sets), sets, List.of(), List.of(), log,
                Duration.ofSeconds(120))) {
            handle = process.handle();
            CeilingAnswers.check(process.port());
        }
        assertThat(handle.isAlive()).isFalse();
        assertThat(Files.readString(log)).contains("benchtarget-" + profile + " listening on port");
    }

    /** ceiling-nginx, from the daemon's jar: nginx under a waiting JVM, /hello answered, all of it gone once closed. */
    @Test
    void nginxStartsAndStopsAsBenchRunStartsTargets() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/nginx")), "nginx is not installed");
        var sets = List.of("host=127.0.0.1", "port=0");
        var log = Path.of("target", "ceilings", "ceiling-nginx.log");
        List<ProcessHandle> tree;
        try (var process = TargetProcess.start(SettingsParser.parse("ceiling-nginx", Map.of(), sets), sets, List.of(), List.of(), log,
                Duration.ofSeconds(60)); var client = HttpClient.newHttpClient()) {
            tree = process.handle().descendants().toList();
            assertThat(tree).as("nginx's master and workers under the JVM").isNotEmpty();
            var hello = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + process.port() + "/hello")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(hello.statusCode()).isEqualTo(200);
            assertThat(hello.body()).hasSize(24);
        }
        assertThat(tree).noneMatch(ProcessHandle::isAlive);
        assertThat(Files.readString(log)).contains("benchtarget-ceiling-nginx listening on port", "ceiling-nginx: nginx/");
    }
}
