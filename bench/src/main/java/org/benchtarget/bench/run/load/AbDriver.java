package org.benchtarget.bench.run.load;

import org.benchtarget.bench.run.experiment.Experiment.LoadKind;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** ApacheBench as a driver: {@code ab -n N -c C [-k] -s TIMEOUT -r URL}, closed loop only, GET only. */
final class AbDriver implements LoadDriver {
    static final ExternalTool AB = new ExternalTool("ab", "apt install apache2-utils");

    @Override
    public String name() {
        return "ab";
    }

    @Override
    public String cannotDrive(LoadKind kind, Workload workload) {
        if (kind != LoadKind.CONCURRENCY) {
            return "ab drives a concurrency, not a rate (use httperf or embedded)";
        }
        return workload instanceof Workload.Get ? null : "ab sends one GET, not a journey (use embedded)";
    }

    @Override
    public Outcome drive(Spec spec, RunControl control) throws IOException, InterruptedException {
        var arguments = new ArrayList<String>();
        arguments.add("-q");
        // ab refuses a concurrency above the request count; without a count it runs for the duration
        if (spec.requests() > 0) {
            arguments.addAll(List.of("-n", Integer.toString(Math.max(spec.requests(), spec.level()))));
        } else {
            arguments.addAll(List.of("-n", "50000000", "-t", Long.toString(Math.max(1, spec.duration().toSeconds()))));
        }
        arguments.addAll(List.of("-c", Integer.toString(spec.level()), "-s",
                Long.toString(Math.max(1, spec.timeout().toSeconds())), "-r"));
        if (spec.keepalive()) {
            arguments.add("-k");
        }
        if (spec.acceptGzip()) {
            arguments.addAll(List.of("-H", "Accept-Encoding: gzip"));
        }
        arguments.add(spec.base().resolve(((Workload.Get) spec.workload()).path()).toString());
        return AbOutput.parse(AB.run(spec.cpuPrefix(), arguments, limit(spec), control));
    }

    static long limit(Spec spec) {
        return 120 + spec.duration().toSeconds() + spec.timeout().toSeconds() * 2 + spec.requests() / 100;
    }
}
