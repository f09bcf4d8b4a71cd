package org.benchtarget.daemon;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A backend that took the request and does not answer (an injected 5 s delay): each front answers 504, with a
 * one-line reason, once proxy.timeout (1 s) has passed, instead of holding the client until the backend answers.
 */
class FrontTimeoutIT {

    @ParameterizedTest
    @ValueSource(strings = {"undertow", "jetty", "nginx", "haproxy"})
    void silentBackendAnswers504AtTheBound(String front) throws Exception {
        assumeTrue(front.equals("undertow") || front.equals("jetty") || List.of("/usr/sbin/", "/usr/bin/").stream().anyMatch(dir -> Files.isExecutable(Path.of(dir + front))),
                front + " is not installed");
        var settings = TestLaunch.settings("front=" + front, "processes=1", "proxy.timeout=1s", "inject.headers=on", "inject.max-delay=5s");
        try (var daemon = Daemon.start(settings, TestLaunch.backends());
             var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.port() + "/hello"))
                    .header("X-Delay", "5s").timeout(Duration.ofSeconds(15)).build();
            var response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(front + ": " + response.body()).isEqualTo(504);
            assertThat(response.body().strip()).as("one line").doesNotContain("\n", "<html");
            assertThat(response.headers().firstValue("server")).as("the front's own 504 names a server").isPresent();
            assertThat(response.headers().firstValue("date")).as("and is dated").isPresent();
            // the backend is still fine for the next request
            var hello = client.send(HttpRequest.newBuilder(request.uri()).timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(hello.statusCode()).isEqualTo(200);
        }
    }
}
