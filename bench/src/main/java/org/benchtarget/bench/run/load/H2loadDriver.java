package org.benchtarget.bench.run.load;

import org.benchtarget.bench.BenchException;
import org.benchtarget.bench.run.experiment.Experiment.LoadKind;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * h2load (Debian's nghttp2-client) as a driver: {@code h2load -cC -mM (-nN | -DDs) URL}, HTTP/2 over every
 * connection: h2c by prior knowledge for an http URL (a target with http2=on), h2 by ALPN for https. C connections
 * (the level) of {@value #STREAMS} concurrent streams each. Its connections stay open: keepalive=off is refused.
 */
final class H2loadDriver implements LoadDriver {
    static final ExternalTool H2LOAD = new ExternalTool("h2load", "apt install nghttp2-client");
    /** Streams in flight per connection (h2load -m), as the h2load -c64 -m10. */
    static final int STREAMS = 10;

    @Override
    public String name() {
        return "h2load";
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
        long limit;
        if (spec.requests() > 0) {
            // h2load wants at least one request per connection
            arguments.add("-n" + Math.max(spec.requests(), spec.level()));
            limit = 600;
        } else {
            long seconds = Math.max(1, spec.duration().toSeconds());
            arguments.add("-D" + seconds);
            limit = 120 + seconds;
        }
        if (spec.acceptGzip()) {
            arguments.addAll(List.of("-H", "Accept-Encoding: gzip"));
        }
        arguments.add(spec.base().resolve(((Workload.Get) spec.workload()).path()).toString());
        return H2loadOutput.parse(H2LOAD.run(spec.cpuPrefix(), arguments, limit, control));
    }
}
