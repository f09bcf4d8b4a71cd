package org.benchtarget.daemon.front;

import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.io.Transport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What the Jetty front asks of a backend: the request line exactly as the client wrote it, at the backend's address. */
class BackendProxyTest {
    private static HttpClient client;

    @BeforeAll
    static void client() throws Exception {
        client = new HttpClient();
        client.start();
    }

    @AfterAll
    static void stop() throws Exception {
        client.stop();
    }

    @Test
    void pathAndQueryGoOnAsTheClientWroteThem() {
        var tcp = BackendProxy.Target.of(URI.create("http://127.0.0.1:40001"));
        for (var pathQuery : List.of("/hello", "//hello", "//evil.example/x", "/static/..%2fhello.txt", "/a/./b/../c", "/%2e%2e/hello.txt",
                "/db?id=%zz", "/db?id=1&id=2", "/hello%00", "/x|y?q={}", "/surveys/1/done?response=" + "x".repeat(300))) {
            var request = BackendProxy.addressed(client, tcp, pathQuery);
            var sent = request.getPath() + (request.getQuery() == null ? "" : "?" + request.getQuery());
            assertThat(sent).as(pathQuery).isEqualTo(pathQuery);
            assertThat(request.getHost() + ":" + request.getPort()).as(pathQuery).isEqualTo("127.0.0.1:40001");
        }
    }

    /** What the client then writes on the wire: the request line as the client wrote it, malformed escapes too. */
    @Test
    void requestLineReachesTheBackendUnchanged() throws Exception {
        try (var backend = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            var tcp = BackendProxy.Target.of(URI.create("http://127.0.0.1:" + backend.getLocalPort()));
            for (var pathQuery : List.of("/db?id=%zz", "//hello", "/x|y?q={}&r=%", "/static/..%2fhello.txt")) {
                BackendProxy.addressed(client, tcp, pathQuery).timeout(10, TimeUnit.SECONDS).send(new BufferingResponseListener() {
                    @Override
                    public void onComplete(Result result) {
                    }
                });
                try (var socket = backend.accept()) {
                    var line = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1)).readLine();
                    assertThat(line).isEqualTo("GET " + pathQuery + " HTTP/1.1");
                    socket.getOutputStream().write("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
            }
        }
    }

    @Test
    void aUnixSocketBackendIsReachedThroughItsSocket() {
        var uds = BackendProxy.Target.of(URI.create("unix:/tmp/benchtarget-uds-1/b1.sock"));
        assertThat(uds.name()).isEqualTo("/tmp/benchtarget-uds-1/b1.sock");
        var request = BackendProxy.addressed(client, uds, "/hello");
        assertThat(request.getTransport()).isEqualTo(new Transport.TCPUnix(Path.of("/tmp/benchtarget-uds-1/b1.sock")));
        assertThat(request.getPath()).isEqualTo("/hello");
    }
}
