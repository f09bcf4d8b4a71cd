package org.benchtarget.bench.run.load;

import org.benchtarget.bench.run.experiment.Experiment.LoadKind;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * wrk as a driver: {@code wrk -t1 -cC -dDs --latency --timeout T URL}. wrk runs for a time, not a count:
 * a level given as N requests runs for the experiment's duration (default 5 s) instead.
 */
final class WrkDriver implements LoadDriver {
    static final ExternalTool WRK = new ExternalTool("wrk", "apt install wrk");

    @Override
    public String name() {
        return "wrk";
    }

    @Override
    public String cannotDrive(LoadKind kind, Workload workload) {
        if (kind != LoadKind.CONCURRENCY) {
            return "wrk drives connections, not a rate (use httperf or embedded)";
        }
        return workload instanceof Workload.Get ? null : "wrk sends one GET, not a journey (use embedded)";
    }

    @Override
    public Outcome drive(Spec spec, RunControl control) throws IOException, InterruptedException {
        long seconds = spec.duration().isZero() ? 5 : Math.max(1, spec.duration().toSeconds());
        var arguments = new ArrayList<>(List.of("-t1", "-c" + spec.level(), "-d" + seconds + "s", "--latency",
                "--timeout", Math.max(1, spec.timeout().toSeconds()) + "s"));
        if (!spec.keepalive()) {
            arguments.addAll(List.of("-H", "Connection: close"));
        }
        if (spec.acceptGzip()) {
            arguments.addAll(List.of("-H", "Accept-Encoding: gzip"));
        }
        arguments.add(spec.base().resolve(((Workload.Get) spec.workload()).path()).toString());
        return WrkOutput.parse(WRK.run(spec.cpuPrefix(), arguments, 120 + seconds, control));
    }
}
