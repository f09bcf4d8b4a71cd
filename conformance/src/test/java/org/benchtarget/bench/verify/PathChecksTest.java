package org.benchtarget.bench.verify;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PathChecksTest {

    /**
     * A real server on port 0 that does what the rule forbids: it decodes every escape and resolves dot segments,
     * then serves files below {@code www/} (without checking that the file is still below it).
     */
    @Test
    void aServerThatDecodesAllAndResolvesDotsFailsTheTableAndTheTraversals(@TempDir Path dir) throws Exception {
        var www = Files.createDirectories(dir.resolve("www"));
        Files.createDirectories(www.resolve("static"));
        Files.writeString(www.resolve("hello.txt"), "Hello World!\n");
        Files.writeString(www.resolve("static/site.css"), "body {}\n");
        Files.writeString(dir.resolve("pom.xml"), "<project>secret build</project>\n");
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            var file = www.resolve(decodeAll(exchange.getRequestURI().getRawPath()).substring(1)).normalize();
            byte[] body = Files.isRegularFile(file) ? Files.readAllBytes(file) : "not found\n".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(Files.isRegularFile(file) ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            var checks = new PathChecks(URI.create("http://127.0.0.1:" + server.getAddress().getPort())).checks();
            var table = checks.get(0).run();
            assertThat(table.passed()).isFalse();
            assertThat(table.detail()).contains("GET /static/../hello.txt: 200, expected 400", "GET /static/%2e%2e/hello.txt: 200, expected 400",
                    "GET /static//site.css: 200, expected 404", "GET /static/..%2fhello.txt: 200, expected 400");
            var traversals = checks.get(1).run();
            assertThat(traversals.passed()).isFalse();
            assertThat(traversals.detail()).contains("GET /static/../../pom.xml: 200 <project>secret build</project>",
                    "GET /static/%2e%2e/%2e%2e/pom.xml: 200");
        } finally {
            server.stop(0);
        }
    }

    private static String decodeAll(String raw) {
        var out = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) == '%' && i + 2 < raw.length()) {
                out.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(raw.charAt(i));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
