package org.benchtarget.bench;

import org.benchtarget.bench.run.ExperimentRun;
import org.benchtarget.bench.run.RunOptions;
import org.benchtarget.bench.run.experiment.Experiments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code bench run EXPERIMENT [--quick] [--out DIR] [--target URL]}: reproduces a seed's experiment (against fresh
 * targets, or one already running) and writes its tables and charts.
 */
@Command(name = "run", description = "Run an experiment (one per seed) against fresh targets; write results and a report.")
final class RunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "EXPERIMENT", description = "experiment to run (bench run --list shows them)", arity = "0..1")
    String experiment;

    @Option(names = "--list", description = "list the experiments and exit")
    boolean list;

    @Option(names = "--quick", description = "the short form (about a minute)")
    boolean quick;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default runs/EXPERIMENT-TIMESTAMP)")
    Path out;

    @Option(names = "--driver", paramLabel = "NAME", description = "load driver: embedded (default), ab, wrk, httperf, h2load")
    String driver;

    @Option(names = "--profile", paramLabel = "LABEL", description = "run only this profile of the experiment; repeatable")
    List<String> profiles = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KNOB=VALUE", description = "knob for every profile (e.g. db=postgres); repeatable")
    List<String> sets = new ArrayList<>();

    @Option(names = "--jvm-opt", paramLabel = "OPTION", description = "extra JVM option for the targets; repeatable")
    List<String> jvmOptions = new ArrayList<>();

    @Option(names = "--target", paramLabel = "URL", description = "load a target that is already running (e.g. behind a load balancer): no start, stop or data reset")
    URI target;

    @Option(names = "--start-at", paramLabel = "EPOCH_SECONDS", description = "with --target: wait until then, and warm up for the "
            + "experiment's whole warm-up bound, so load hosts started with the same value measure their levels together")
    Long startAt;

    @Option(names = "--profile-jfr", description = "record each measured phase of the target with JFR (settings=profile) into "
            + "jfr/ of the output folder, with its hottest methods (jfr view hot-methods) beside it; costs the target a few per cent")
    boolean profileJfr;

    @Option(names = "--pin", paramLabel = "TARGET:DRIVER", description = "pin target and driver to disjoint CPUs with taskset, e.g. 0:1")
    String pin;

    @Override
    public Integer call() throws Exception {
        if (list || experiment == null) {
            for (var name : Experiments.names()) {
                var loaded = Experiments.load(name, false);
                System.out.printf("%-10s %s%n", name, loaded.title());
            }
            return experiment == null && !list ? 2 : 0;
        }
        return new ExperimentRun(new RunOptions(experiment, quick, out, driver, profiles, sets, jvmOptions, pin, target,
                startAt == null ? null : Instant.ofEpochSecond(startAt), profileJfr), System.out).run();
    }
}
