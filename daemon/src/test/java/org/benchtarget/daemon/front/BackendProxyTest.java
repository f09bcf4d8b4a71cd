package org.benchtarget.daemon.front;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.io.Transport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
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
        try (var backend = new RecordingBackend()) {
            var tcp = BackendProxy.Target.of(URI.create("http://127.0.0.1:" + backend.port()));
            for (var pathQuery : List.of("/db?id=%zz", "//hello", "/x|y?q={}&r=%", "/static/..%2fhello.txt")) {
                var response = BackendProxy.addressed(client, tcp, pathQuery).timeout(10, TimeUnit.SECONDS).send();
                assertThat(response.getStatus()).as(pathQuery).isEqualTo(204);
                assertThat(backend.requestLines.poll(10, TimeUnit.SECONDS)).isEqualTo("GET " + pathQuery + " HTTP/1.1");
            }
        }
    }

    /**
     * A backend that answers every request 204 and keeps the connection open, recording each request line: the client
     * may reuse a connection or open a new one, the test sees the same lines either way.
     */
    private static final class RecordingBackend implements AutoCloseable {
        final BlockingQueue<String> requestLines = new LinkedBlockingQueue<>();
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());

        RecordingBackend() throws IOException {
            Thread.ofVirtual().start(this::accept);
        }

        int port() {
            return server.getLocalPort();
        }

        private void accept() {
            try {
                while (true) {
                    var socket = server.accept();
                    Thread.ofVirtual().start(() -> serve(socket));
                }
            } catch (IOException closed) {
                // the test is over
            }
        }

        private void serve(Socket socket) {
            try (socket) {
                var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
                for (String line; (line = in.readLine()) != null; ) {
                    requestLines.add(line);
                    while ((line = in.readLine()) != null && !line.isEmpty()) {
                        // headers: a GET without a body ends at the blank line
                    }
                    socket.getOutputStream().write("HTTP/1.1 204 No Content\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                }
            } catch (IOException gone) {
                // the client closed the connection
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
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
