package org.benchtarget.bench.run.load;

import org.benchtarget.bench.BenchException;
import org.benchtarget.bench.run.experiment.Experiment.LoadKind;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * h2load (Debian's nghttp2-client) as a driver: {@code h2load -cC -mM (-nN | -DDs) URL}. Against a target with
 * http2=on, HTTP/2 over every connection: h2c by prior knowledge for an http URL, h2 by ALPN for https; C connections
 * (the level) of {@value #STREAMS} concurrent streams each. Against any other, {@code --h1 -m1}: HTTP/1.1 (over TLS
 * for https), one request at a time per connection, so one driver measures h1, h1+TLS, h2 and h2c alike. Its
 * connections stay open: keepalive=off is refused.
 */
final class H2loadDriver implements LoadDriver {
    static final ExternalTool H2LOAD = new ExternalTool("h2load", "apt install nghttp2-client");
    /** Streams in flight per connection (h2load -m), as the h2load -c64 -m10. */
    static final int STREAMS = 10;
    /** h2load's own --warm-up-time before a timed (-D) run: connections are opened then, not counted. */
    private static final int WARM_UP_SECONDS = 1;

    @Override
    public String name() {
        return "h2load";
    }

    /** HTTP/2 targets are warmed over HTTP/2. */
    @Override
    public boolean warmsUpItself() {
        return true;
    }

    @Override
    public String cannotDrive(LoadKind kind, Workload workload) {
        if (kind != LoadKind.CONCURRENCY) {
            return "h2load drives connections, not a rate (use httperf or embedded)";
        }
        return workload instanceof Workload.Get ? null : "h2load sends one GET, not a journey (use embedded)";
    }

    @Override
    public Outcome drive(Spec spec, RunControl control) throws IOException, InterruptedException {
        if (!spec.keepalive()) {
            throw new BenchException("driver h2load keeps its connections open: run with keepalive=on (or use ab for new connections)");
        }
        var arguments = new ArrayList<>(List.of("-c" + spec.level(), "-m" + STREAMS));
        if (!spec.http2()) {
            // HTTP/1.1 (over TLS too): h2load pipelines nothing there, -m is then requests in flight per connection
            arguments.set(1, "-m1");
            arguments.add("--h1");
        }
        long limit;
        if (spec.requests() > 0) {
            // h2load wants at least one request per connection
            arguments.add("-n" + Math.max(spec.requests(), spec.level()));
            limit = 600;
        } else {
            long seconds = Math.max(1, spec.duration().toSeconds());
            // connections first, then the timed period: a -D run that ended while TLS handshakes were still under way
            // (a cold target) left h2load 1.52 waiting forever with its last streams unread
            arguments.addAll(List.of("-D" + seconds, "--warm-up-time=" + WARM_UP_SECONDS));
            limit = 120 + WARM_UP_SECONDS + seconds;
        }
        if (spec.acceptGzip()) {
            arguments.addAll(List.of("-H", "Accept-Encoding: gzip"));
        }
        arguments.add(spec.base().resolve(((Workload.Get) spec.workload()).path()).toString());
        return H2loadOutput.parse(H2LOAD.run(spec.cpuPrefix(), arguments, limit, control));
    }
}
