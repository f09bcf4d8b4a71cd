package org.benchtarget.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One container this test started, detached, its port 8080 published on a free port of 127.0.0.1 that podman picks;
 * {@link #close} removes it (and only it).
 */
final class Container implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final String name;
    final int port;

    private Container(String name, int port) {
        this.name = name;
        this.port = port;
    }

    static Container start(String image, Map<String, String> env, String... args) throws IOException {
        return start(image, env, List.of(), args);
    }

    /** Starts {@code image} with {@code env}, podman's {@code options} (before the image) and bench's {@code args}. */
    static Container start(String image, Map<String, String> env, List<String> options, String... args) throws IOException {
        var name = "benchtarget-it-" + UUID.randomUUID().toString().substring(0, 8);
        var command = new ArrayList<>(List.of("run", "--detach", "--name", name, "--publish", "127.0.0.1::8080"));
        command.addAll(Podman.LIMITS);
        env.forEach((key, value) -> command.addAll(List.of("--env", key + "=" + value)));
        command.addAll(options);
        command.add(image);
        command.addAll(List.of(args));
        var started = Podman.run(Duration.ofMinutes(2), command.toArray(String[]::new));
        var container = new Container(name, started.exit() == 0 ? publishedPort(name) : -1);
        if (started.exit() != 0) {
            container.close();
            throw new AssertionError("podman run failed:\n" + started.output());
        }
        return container;
    }

    private static int publishedPort(String name) throws IOException {
        var port = Podman.run(Duration.ofSeconds(30), "port", name, "8080/tcp").expectSuccess("podman port").output().strip();
        return Integer.parseInt(port.substring(port.lastIndexOf(':') + 1));
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** GET path: status and body, or -1 when nothing answers. */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Waits until {@code path} answers {@code status}; fails with the container's log if it exits first or takes too long. */
    Container awaitStatus(String path, int status, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                var response = get(path);
                if (response.statusCode() == status) {
                    return this;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            if (!running()) {
                throw new AssertionError(name + " exited before " + path + " answered " + status + ":\n" + logs());
            }
            Thread.sleep(250);
        }
        throw new AssertionError(path + " did not answer " + status + " within " + timeout + " (last: " + last + "):\n" + logs());
    }

    boolean running() throws IOException {
        return inspect("{{.State.Running}}").equals("true");
    }

    String inspect(String format) throws IOException {
        return Podman.run(Duration.ofSeconds(30), "inspect", "--format", format, name).expectSuccess("podman inspect").output().strip();
    }

    String logs() throws IOException {
        return Podman.run(Duration.ofSeconds(30), "logs", name).output();
    }

    Podman.Result exec(String... command) throws IOException {
        var args = new ArrayList<>(List.of("exec", name));
        args.addAll(List.of(command));
        return Podman.run(Duration.ofSeconds(60), args.toArray(String[]::new));
    }

    @Override
    public void close() throws IOException {
        Podman.run(Duration.ofMinutes(1), "rm", "--force", "--time", "0", name);
    }
}
