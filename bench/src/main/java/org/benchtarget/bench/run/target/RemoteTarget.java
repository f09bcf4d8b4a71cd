package org.benchtarget.bench.run.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.benchtarget.bench.BenchException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A target someone else started ({@code bench run --target URL}): what its {@code /info} says (profile, knobs,
 * pid), and its process when it runs on this machine's loopback so /proc can be sampled; behind a load balancer
 * or on another host there is nothing to sample. Immutable.
 */
public record RemoteTarget(URI base, String profile, Map<String, String> knobs, Optional<ProcessHandle> localProcess) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads the target's /info, or stops with one line when it does not answer like a benchtarget. */
    public static RemoteTarget probe(URI base) throws InterruptedException {
        if (!"http".equals(base.getScheme()) || base.getHost() == null) {
            throw new BenchException("--target: expected http://host:port, got " + base);
        }
        JsonNode info;
        try (var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
            var response = client.send(HttpRequest.newBuilder(base.resolve("/info")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new BenchException("--target " + base + ": GET /info answered " + response.statusCode());
            }
            info = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new BenchException("--target " + base + ": no answer (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        var knobs = new TreeMap<String, String>();
        info.path("knobs").fields().forEachRemaining(entry -> knobs.put(entry.getKey(), entry.getValue().asText()));
        knobs.remove("port");
        knobs.remove("host");
        Optional<ProcessHandle> local = Optional.empty();
        if (isLoopback(base.getHost()) && info.has("pid")) {
            local = ProcessHandle.of(info.get("pid").asLong());
        }
        return new RemoteTarget(base, info.path("profile").asText("target"), knobs, local);
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }
}
