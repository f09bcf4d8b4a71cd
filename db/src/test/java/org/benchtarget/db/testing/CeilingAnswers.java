package org.benchtarget.db.testing;

import org.benchtarget.db.PublishedDigests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What every ceiling (a bare server: /hello and /db only) answers, checked against a running one; for the targets' tests. */
public final class CeilingAnswers {
    private static final String CTIME = "(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ 1-3]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}";

    private CeilingAnswers() {
    }

    /** /hello: 24 bytes of ctime, text/plain; /db: one of the ten published rows, several times; elsewhere 404. */
    public static void check(int port) throws IOException, InterruptedException {
        try (var client = HttpClient.newHttpClient()) {
            var hello = get(client, port, "/hello");
            assertThat(hello.statusCode()).isEqualTo(200);
            assertThat(hello.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
            assertThat(hello.body()).hasSize(24);
            assertThat(new String(hello.body(), StandardCharsets.US_ASCII)).matches(CTIME);
            for (int i = 0; i < 12; i++) {
                var db = get(client, port, "/db");
                assertThat(db.statusCode()).isEqualTo(200);
                assertThat(db.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
                assertThat(PublishedDigests.ROWS).as("SHA-256 of a /db body").contains(sha256(db.body()));
            }
            for (var path : List.of("/", "/hello.txt", "/dbx", "/hello/", "/info")) {
                assertThat(get(client, port, path).statusCode()).as(path).isEqualTo(404);
            }
        }
    }

    /** Runs {@code command} (a ceiling given a bad knob): it exits 2 with one line on stderr, which is returned. */
    public static String refusal(List<String> command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        var stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exited").isTrue();
        assertThat(process.exitValue()).as("exit status; stderr: " + stderr).isEqualTo(2);
        var lines = stderr.lines().filter(line -> !line.startsWith("WARNING:")).toList();
        assertThat(lines).hasSize(1);
        return lines.get(0);
    }

    private static HttpResponse<byte[]> get(HttpClient client, int port, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
