package org.benchtarget.bench.run.load;

import org.benchtarget.bench.run.experiment.Experiment.LoadKind;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** httperf as a driver: {@code httperf --hog --server H --port P --uri U --num-conns N --rate R --timeout T}, open loop only. */
final class HttperfDriver implements LoadDriver {
    static final ExternalTool HTTPERF = new ExternalTool("httperf", "apt install httperf");

    @Override
    public String name() {
        return "httperf";
    }

    @Override
    public String cannotDrive(LoadKind kind, Workload workload) {
        if (kind != LoadKind.RATE) {
            return "httperf drives a rate, not a concurrency (use ab, wrk or embedded)";
        }
        return workload instanceof Workload.Get ? null : "httperf here sends one GET, not a journey (use embedded)";
    }

    @Override
    public Outcome drive(Spec spec, RunControl control) throws IOException, InterruptedException {
        long connections = spec.requests() > 0 ? spec.requests() : Math.max(1, spec.level() * spec.duration().toSeconds());
        var arguments = new ArrayList<>(List.of("--hog", "--server", spec.base().getHost(), "--port", Integer.toString(spec.base().getPort()),
                "--uri", ((Workload.Get) spec.workload()).path(), "--num-conns", Long.toString(connections),
                "--rate", Integer.toString(spec.level()), "--timeout", Long.toString(Math.max(1, spec.timeout().toSeconds()))));
        if (spec.acceptGzip()) {
            arguments.addAll(List.of("--add-header", "Accept-Encoding: gzip\\n"));
        }
        return HttperfOutput.parse(HTTPERF.run(spec.cpuPrefix(), arguments,
                120 + connections / Math.max(1, spec.level()) + spec.timeout().toSeconds(), control));
    }
}
