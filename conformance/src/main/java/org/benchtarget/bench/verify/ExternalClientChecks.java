package org.benchtarget.bench.verify;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.benchtarget.bench.verify.Check.expect;

/**
 * The target through the clients users bring: curl (--http2 over TLS or by Upgrade: h2c, --http2-prior-knowledge)
 * and h2load (nghttp2-client), each of which must be installed: a missing one fails the check. Every target's
 * protocol tests run these; bench verify does not (it needs nothing but a JVM).
 */
public final class ExternalClientChecks {
    private static final int H2LOAD_REQUESTS = 2_000;
    private static final Pattern H2LOAD_DONE = Pattern.compile("requests: (\\d+) total, \\d+ started, \\d+ done, (\\d+) succeeded, (\\d+) failed");
    private static final long TOOL_TIMEOUT_SECONDS = 60;

    private final URI base;
    private final Path cacert;

    /** {@code cacert}: the target's certificate (PEM) for curl, or null in the clear. */
    public ExternalClientChecks(URI base, Path cacert) {
        this.base = base;
        this.cacert = cacert;
    }

    private boolean tls() {
        return "https".equalsIgnoreCase(base.getScheme());
    }

    public List<Check> checks() {
        var checks = new ArrayList<Check>();
        if (tls()) {
            checks.add(new Check("curl --http2 over TLS (--cacert): HTTP/2 by ALPN, 200", () -> curl("2", "--http2")));
            checks.add(new Check("curl --http1.1 over TLS: HTTP/1.1, 200", () -> curl("1.1", "--http1.1")));
        } else {
            checks.add(new Check("curl --http2-prior-knowledge: h2c, 200", () -> curl("2", "--http2-prior-knowledge")));
            checks.add(new Check("curl --http2 in the clear: Upgrade: h2c, 200", () -> curl("2", "--http2")));
        }
        checks.add(new Check("h2load -n " + H2LOAD_REQUESTS + " -c 4 -m 10 /hello: every request 2xx over " + (tls() ? "h2" : "h2c"), this::h2load));
        return checks;
    }

    private void curl(String version, String option) throws Exception {
        var command = new ArrayList<>(List.of("curl", "-sS", "--max-time", "20", option, "-o", "/dev/null", "-w", "%{http_version} %{response_code}"));
        if (cacert != null) {
            command.addAll(List.of("--cacert", cacert.toString()));
        }
        command.add(base + "/hello");
        var out = run(command);
        expect(out.strip().equals(version + " 200"), "%s answered '%s', expected '%s 200'", String.join(" ", command), out.strip(), version);
    }

    private void h2load() throws Exception {
        var command = List.of("h2load", "-n", Integer.toString(H2LOAD_REQUESTS), "-c", "4", "-m", "10", base + "/hello");
        var out = run(command);
        var done = H2LOAD_DONE.matcher(out);
        expect(done.find(), "h2load printed no summary:\n%s", out);
        expect(done.group(2).equals(Integer.toString(H2LOAD_REQUESTS)) && done.group(3).equals("0"), "h2load: %s", done.group());
        expect(out.contains("status codes: " + H2LOAD_REQUESTS + " 2xx"), "h2load: not every answer 2xx:\n%s", out);
        expect(out.contains("Application protocol: " + (tls() ? "h2" : "h2c")), "h2load did not speak %s:\n%s", tls() ? "h2" : "h2c", out);
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(command.get(0) + " is not installed (Debian: curl, nghttp2-client): " + e.getMessage());
        }
        var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(TOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command.get(0) + " took over " + TOOL_TIMEOUT_SECONDS + " s");
        }
        return out;
    }
}
