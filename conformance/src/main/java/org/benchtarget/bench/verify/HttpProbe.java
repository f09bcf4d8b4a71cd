package org.benchtarget.bench.verify;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The client side of the checks: HttpClient for ordinary requests and a raw socket where the
 * wire itself is checked (HTTP/1.0 keep-alive, exact request lines). Thread-safe.
 */
public final class HttpProbe {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    static {
        // A server may close an idle kept-alive connection just as the client reuses it for the next request (Jetty does
        // when it could not consume a body it did not read). The answer then never started, so retrying on a new
        // connection is safe; the JDK retries only GET unless told so, and a check would fail on a race, not on the
        // server's answer. Read once, when the JDK's HTTP client first sends: set before any client exists.
        System.setProperty("jdk.httpclient.enableAllMethodRetry", "true");
    }

    private final URI base;
    private final HttpClient client = ClientTransport.newClient()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT)
            .build();

    public HttpProbe(URI base) {
        this.base = base.toString().endsWith("/") ? URI.create(base.toString().replaceAll("/+$", "")) : base;
    }

    public URI base() {
        return base;
    }

    /** A response: status, headers (names lower-cased, first value) and the raw body. */
    public record Response(int status, Map<String, String> headers, byte[] body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    public Response get(String pathAndQuery, String... headerPairs) throws IOException, InterruptedException {
        return send("GET", pathAndQuery, headerPairs);
    }

    public Response send(String method, String pathAndQuery, String... headerPairs) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(TIMEOUT)
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headerPairs.length; i += 2) {
            request.header(headerPairs[i], headerPairs[i + 1]);
        }
        var response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        var headers = new LinkedHashMap<String, String>();
        response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
        return new Response(response.statusCode(), headers, response.body());
    }

    /** Sends a GET exactly as written (no client-side URI checks), on a fresh connection. */
    public Response rawGet(String pathAndQuery) throws IOException {
        try (var connection = raw()) {
            connection.send("GET " + pathAndQuery + " HTTP/1.1\r\nHost: verify\r\nConnection: close\r\n\r\n");
            return connection.read();
        }
    }

    /** Opens a raw connection for wire-level checks. */
    public RawConnection raw() throws IOException {
        return new RawConnection(ClientTransport.socket(base, (int) TIMEOUT.toMillis()));
    }

    /** One TCP connection; sends request text, reads responses with Content-Length bodies. */
    public static final class RawConnection implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        RawConnection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        public void send(String requestText) throws IOException {
            out.write(requestText.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        /** Reads one response; status -1 when the server closed the connection first. */
        public Response read() throws IOException {
            return read(false);
        }

        /** Reads the response to a HEAD request: Content-Length without a body. */
        public Response readHead() throws IOException {
            return read(true);
        }

        private Response read(boolean headRequest) throws IOException {
            var head = new ByteArrayOutputStream();
            while (!endsWithBlankLine(head)) {
                int b = in.read();
                if (b < 0) {
                    return new Response(-1, Map.of(), new byte[0]);
                }
                head.write(b);
            }
            var lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            var headers = RawHttp.headers(lines);
            var length = headers.get("content-length");
            var body = headRequest || length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length));
            return new Response(status, headers, body);
        }

        private static boolean endsWithBlankLine(ByteArrayOutputStream head) {
            var bytes = head.toByteArray();
            int n = bytes.length;
            return n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n';
        }

        /** Returns whether the server has closed the connection (reads end-of-stream). */
        public boolean closedByServer() throws IOException {
            try {
                return in.read() < 0;
            } catch (java.net.SocketException e) {
                return true;
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
