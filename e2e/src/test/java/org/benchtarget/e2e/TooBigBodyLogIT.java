package org.benchtarget.e2e;

import org.benchtarget.bench.serve.TargetJvm;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Expected bad input logs one line at most: a chunked body over request.max-body (bench verify sends one) made
 * Undertow print a 24-line RequestTooBigException stack trace on the target's console.
 */
class TooBigBodyLogIT {
    private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");

    @Test
    void aChunkedBodyOverTheLimitIsOneLineAtMost() throws Exception {
        var command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow()));
        command.addAll(TargetJvm.options(List.of()));
        command.addAll(List.of("-jar", Path.of("..", "target-undertow", "target", "benchtarget-undertow.jar").toString(), "undertow-nio", "--set", "host=127.0.0.1",
                "--set", "port=0"));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new CopyOnWriteArrayList<String>();
        var port = new CompletableFuture<Integer>();
        var reader = Thread.ofPlatform().daemon().start(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    output.add(line);
                    var matcher = LISTENING.matcher(line);
                    if (matcher.find()) {
                        port.complete(Integer.parseInt(matcher.group(1)));
                    }
                }
            } catch (java.io.IOException ended) {
                // the target stopped
            }
            port.completeExceptionally(new IllegalStateException("exited before listening: " + output));
        });
        try {
            int bound = port.get(60, TimeUnit.SECONDS);
            for (int i = 0; i < 2; i++) {
                sendChunkedLogin(bound, 256 * 1024);
            }
            Thread.sleep(500);
        } finally {
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(5_000);
        }
        assertThat(output).as(String.join("\n", output)).noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by"));
        assertThat(output.stream().filter(line -> line.contains("RequestTooBig") || line.contains("UT000020")))
                .as(String.join("\n", output)).hasSizeLessThanOrEqualTo(2);
    }

    /** POST /login with a chunked form body of {@code bytes}; returns once the target answered or closed. */
    private static void sendChunkedLogin(int port, int bytes) throws Exception {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            out.write(("POST /login HTTP/1.1\r\nHost: t\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            var chunk = "a".repeat(16 * 1024);
            try {
                for (int sent = 0; sent < bytes; sent += chunk.length()) {
                    out.write((Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (java.io.IOException closed) {
                // refused mid-body: the answer (if any) is still there to read
            }
            try {
                socket.getInputStream().readAllBytes();
            } catch (java.io.IOException reset) {
                // closed under us
            }
        }
    }
}
