package org.benchtarget.daemon.front;

import org.benchtarget.core.ceiling.CeilingSettings;
import org.benchtarget.core.config.Modes.Workers;
import org.benchtarget.core.config.SettingsException;
import org.benchtarget.core.config.SettingsParser;
import org.benchtarget.db.testing.CeilingAnswers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * ceiling-nginx: nginx answering /hello (24 bytes, ctime-shaped, text/plain like the targets') and /hello.txt, 404
 * elsewhere; its quit leaves no nginx and no directory; knobs it would not honour, and target=nginx outside a
 * ceiling, are refused with one line.
 */
class NginxCeilingIT {
    private static final String CTIME = "(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ 1-3]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}";

    @BeforeAll
    static void nginxIsHere() {
        assumeTrue(List.of("/usr/sbin/nginx", "/usr/local/sbin/nginx").stream().anyMatch(path -> Files.isExecutable(Path.of(path))),
                "nginx is not installed");
    }

    @Test
    void answersHelloAndTheFileAndQuitsCleanly() throws Exception {
        var settings = CeilingSettings.parse("nginx", Workers.NIO, List.of("ceiling-nginx", "--set", "host=127.0.0.1", "--set", "port=0"), Map.of());
        var before = ceilingDirs();
        List<ProcessHandle> children;
        try (var ceiling = NginxCeiling.start(settings); var client = HttpClient.newHttpClient()) {
            children = ProcessHandle.current().descendants().filter(process -> process.info().command().orElse("").endsWith("nginx")).toList();
            assertThat(children).as("nginx's master and its 2 workers (io-threads)").hasSize(3);
            var hello = get(client, ceiling.port(), "/hello");
            assertThat(hello.statusCode()).isEqualTo(200);
            assertThat(hello.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
            assertThat(hello.body()).hasSize(24).matches(CTIME);
            assertThat(get(client, ceiling.port(), "/hello.txt").body()).isEqualTo("Hello World!\n");
            for (var path : List.of("/db", "/", "/hello/", "/info")) {
                assertThat(get(client, ceiling.port(), path).statusCode()).as(path).isEqualTo(404);
            }
            assertThat(ceilingDirs()).hasSize(before.size() + 1);
        }
        assertThat(children).noneMatch(ProcessHandle::isAlive);
        assertThat(ceilingDirs()).as("its private directory, removed").isEqualTo(before);
    }

    private static List<Path> ceilingDirs() throws java.io.IOException {
        try (var all = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return all.filter(path -> path.getFileName().toString().startsWith("benchtarget-nginx-ceiling-")).sorted().toList();
        }
    }

    @Test
    void knobsItWouldNotHonourAreOneLine() throws Exception {
        var line = CeilingAnswers.refusal(List.of(ProcessHandle.current().info().command().orElseThrow(), "-cp", "target/benchtarget-daemon.jar",
                NginxCeiling.class.getName(), "ceiling-nginx", "--set", "gzip=on"));
        assertThat(line).isEqualTo("benchtarget-ceiling-nginx: gzip=on: a ceiling honours only host, port, threads, io-threads, "
                + "backlog, db, db.url, db.user, db.password, db.pool");
        assertThatThrownBy(() -> SettingsParser.parse("undertow-nio", Map.of(), List.of("target=nginx")))
                .isInstanceOf(SettingsException.class)
                .hasMessage("target=nginx: nginx runs only as the reference ceiling (profile ceiling-nginx), not mode=in-process");
    }

    private static HttpResponse<String> get(HttpClient client, int port, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
