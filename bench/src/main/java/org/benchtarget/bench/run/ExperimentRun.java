package org.benchtarget.bench.run;

import org.benchtarget.bench.serve.JettyBase;
import org.benchtarget.bench.serve.TargetJvm;
import org.benchtarget.core.config.Knob;
import org.benchtarget.core.config.Modes.Mode;
import org.benchtarget.core.config.TlsSettings;
import org.benchtarget.bench.BenchException;
import org.benchtarget.bench.run.experiment.Experiment;
import org.benchtarget.bench.run.experiment.Experiments;
import org.benchtarget.bench.run.load.Drivers;
import org.benchtarget.bench.run.load.Journeys;
import org.benchtarget.bench.run.load.SessionMint;
import org.benchtarget.bench.run.load.EmbeddedDriver;
import org.benchtarget.bench.run.load.LoadDriver;
import org.benchtarget.bench.run.load.RunControl;
import org.benchtarget.bench.run.load.Workload;
import org.benchtarget.bench.serve.Ceilings;
import org.benchtarget.bench.run.report.Reports;
import org.benchtarget.bench.run.result.LatencyLog;
import org.benchtarget.bench.run.result.Measurement;
import org.benchtarget.bench.run.result.Resources;
import org.benchtarget.bench.run.result.Results;
import org.benchtarget.bench.run.result.Warmup;
import org.benchtarget.bench.run.target.RemoteTarget;
import org.benchtarget.bench.run.target.TargetProcess;
import org.benchtarget.bench.run.target.DriverCpu;
import org.benchtarget.bench.serve.LocalCassandra;
import org.benchtarget.bench.run.target.TreeSampler;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench run}: for each profile of an experiment, a fresh target process, its data reset, a warm-up,
 * then every endpoint x repetition x load level measured with the driver while /proc is sampled; results
 * are written after every measurement, so Ctrl-C keeps what was measured. Not thread-safe: one run at a time.
 */
public final class ExperimentRun {
    private static final Duration START_LIMIT = Duration.ofSeconds(90);

    private final RunOptions options;
    private final PrintStream out;
    private final RunControl control = new RunControl();
    private final List<Measurement> measurements = new ArrayList<>();
    private final List<Warmup> warmups = new ArrayList<>();
    private final long startNanos = System.nanoTime();
    private volatile TargetProcess current;

    /**
     * What one run will do, decided and checked before anything starts: the experiment, its driver and
     * workloads, either the profiles to start or the running target ({@code remote}, then {@code profiles}
     * is empty), the pinning, the machine as found and the results folder.
     */
    record RunPlan(Experiment experiment, LoadDriver driver, List<Workload> workloads, RemoteTarget remote,
                   List<PlannedProfile> profiles, CpuPinning pinning, Map<String, String> machine, Path folder) {
    }

    public ExperimentRun(RunOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Runs the experiment; returns 0, or 130 when stopped by Ctrl-C (the folder then holds what was measured). */
    public int run() throws IOException, InterruptedException {
        return execute(plan());
    }

    /** Loads the experiment and checks what it asks of the driver, the options and the targets; starts nothing. */
    private RunPlan plan() throws InterruptedException {
        var experiment = Experiments.load(options.experiment(), options.quick());
        var driver = Drivers.named(options.driver() != null ? options.driver() : experiment.driver());
        if (options.startAt() != null && options.target() == null) {
            throw new BenchException("--start-at goes with --target (load hosts of one running target)");
        }
        var remote = options.target() == null ? null : remoteTarget();
        var planned = remote == null ? PlannedProfile.plan(experiment, options, out) : List.<PlannedProfile>of();
        var mint = remote == null && experiment.endpoints().stream().anyMatch(Journeys::mintsSessions) ? sessionMint() : null;
        if (mint != null) {
            planned = planned.stream().map(profile -> profile.with(Knob.SECRET.key() + "=" + mint.secret())).toList();
        }
        var workloads = experiment.endpoints().stream().map(entry -> Journeys.workload(entry, mint)).toList();
        for (var workload : workloads) {
            var why = driver.cannotDrive(experiment.load(), workload);
            if (why != null) {
                throw new BenchException("experiment " + experiment.name() + ", " + workload.label() + ": " + why);
            }
        }
        if (experiment.requests() == 0 && experiment.duration().isZero()) {
            throw new BenchException("experiment " + experiment.name() + ": give requests or duration per level");
        }
        var pinning = CpuPinning.parse(options.pin());
        var machine = Machine.describe(); // before --pin narrows what this JVM sees
        return new RunPlan(experiment, driver, workloads, remote, planned, pinning, machine, outputFolder(experiment));
    }

    /**
     * The key that signs the cookies of journeys that skip the sign-in: the user's {@code --set secret=...}, else one
     * made for this run. Every target started gets it (in its environment, never on its command line).
     */
    private SessionMint sessionMint() {
        var prefix = Knob.SECRET.key() + "=";
        return options.sets().stream().filter(set -> set.startsWith(prefix)).reduce((first, last) -> last)
                .map(set -> new SessionMint(set.substring(prefix.length()))).orElseGet(SessionMint::random);
    }

    /** Carries the plan out: the folder, the pinning, then every measurement; Ctrl-C ends it with what was measured. */
    private int execute(RunPlan plan) throws IOException, InterruptedException {
        var experiment = plan.experiment();
        var folder = plan.folder();
        Files.createDirectories(folder.resolve("logs"));
        LatencyLog.create(folder);
        plan.pinning().pinSelf(plan.driver().name());

        var finished = new CountDownLatch(1);
        var hook = new Thread(() -> {
            stop();
            try {
                finished.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bench-run-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        var started = Instant.now().toString();
        var remote = plan.remote();
        int perWorkload = experiment.runs() * experiment.levels().size();
        int total = remote != null ? plan.workloads().size() * perWorkload : plan.profiles().stream()
                .mapToInt(profile -> (int) plan.workloads().stream().filter(workload -> serves(profile, workload)).count() * perWorkload).sum();
        var progress = new Progress(out, total);
        out.printf("bench run %s%s: %s x %d endpoints x %d runs x %d levels, driver %s, results in %s%n",
                experiment.name(), experiment.quick() ? " --quick" : "",
                remote == null ? plan.profiles().size() + " profiles" : "the running target " + remote.base(), plan.workloads().size(),
                experiment.runs(), experiment.levels().size(), plan.driver().name(), folder);
        boolean failed = false;
        try {
            if (remote != null) {
                runRemote(plan, started, progress);
            }
            runProfiles(plan, started, progress);
        } catch (RuntimeException | IOException e) {
            failed = !control.cancelled();
            if (failed) {
                throw e;
            }
        } finally {
            progress.finish();
            stopCurrent();
            if (!measurements.isEmpty() || !failed) {
                Reports.writeAll(folder, results(plan, started));
            }
            if (!failed) {
                out.println((control.cancelled() ? "stopped: kept " : "done: ") + measurements.size() + " measurements in "
                        + folder.resolve("report.md") + " and report.html");
            }
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is waiting for us
            }
        }
        return control.cancelled() ? 130 : 0;
    }

    /** Stops the run as Ctrl-C does: the load ends, the target stops, and run() writes what was measured. Thread-safe. */
    public void stop() {
        control.cancel();
        var target = current;
        if (target != null) {
            target.close();
        }
    }

    /** --target: refuses what only a run that starts its own targets can do, then reads the target's /info. */
    private RemoteTarget remoteTarget() throws InterruptedException {
        if (!options.onlyProfiles().isEmpty() || !options.sets().isEmpty() || !options.jvmOptions().isEmpty()) {
            throw new BenchException("--target runs against a target started elsewhere: --profile, --set and --jvm-opt do not apply");
        }
        if (options.pin() != null && !options.pin().startsWith(":")) {
            throw new BenchException("--target: pin the load only (--pin :CPUS); the target is not started here");
        }
        return RemoteTarget.probe(options.target());
    }

    /** --start-at: sleeps until then (several load hosts started with one value begin together). */
    private void awaitStart() throws InterruptedException {
        var wait = Duration.between(Instant.now(), options.startAt());
        if (wait.toMinutes() > 60) {
            throw new BenchException("--start-at is " + wait.toMinutes() + " minutes away; give a time within the hour");
        }
        if (!wait.isNegative()) {
            out.println("waiting " + wait.toMillis() + " ms for --start-at " + options.startAt());
            Thread.sleep(wait.toMillis());
        }
    }

    /** --target: the experiment's endpoints and levels against one running target; no start, stop or data reset. */
    private void runRemote(RunPlan plan, String started, Progress progress) throws IOException, InterruptedException {
        var experiment = plan.experiment();
        var target = plan.remote();
        Requirements.check(experiment, target.base());
        if (options.startAt() != null) {
            awaitStart();
        }
        for (var workload : plan.workloads()) {
            for (int run = 1; run <= experiment.runs() && !control.cancelled(); run++) {
                if (run == 1) {
                    progress.step(target.profile() + " " + workload.label() + ": warming up (up to " + experiment.warmup().toSeconds() + " s)");
                    // aligned load hosts warm up for the whole bound: an early stop on one would shift its levels
                    warmups.add(Warmer.warm(experiment, target.profile(), target.base(), workload, control, experiment.warmupWhole() || options.startAt() != null));
                }
                for (int level : experiment.levels()) {
                    if (control.cancelled()) {
                        return;
                    }
                    progress.step(String.format("%s %s %s=%d run %d/%d", target.profile(), workload.label(),
                            experiment.load().symbol(), level, run, experiment.runs()));
                    measure(plan, target.profile(), target.knobs(), target.localProcess().orElse(null), workload,
                            target.base(), level, run);
                    progress.measured();
                    Reports.writeResults(plan.folder(), results(plan, started));
                }
            }
        }
    }

    /** Each profile in turn; one Cassandra node for those that store surveys there without naming a cluster. */
    private void runProfiles(RunPlan plan, String started, Progress progress) throws IOException, InterruptedException {
        boolean wantsNode = plan.profiles().stream().anyMatch(profile -> LocalCassandra.wanted(profile.settings()));
        var node = wantsNode ? LocalCassandra.start() : null;
        try {
            for (var profile : plan.profiles()) {
                if (control.cancelled()) {
                    break;
                }
                runProfile(plan, started, node != null && LocalCassandra.wanted(profile.settings())
                        ? profile.with(LocalCassandra.contactPoint(node)) : profile, progress);
            }
        } finally {
            LocalCassandra.stop(node);
        }
    }

    private void runProfile(RunPlan plan, String started, PlannedProfile profile, Progress progress)
            throws IOException, InterruptedException {
        var experiment = plan.experiment();
        var label = profile.ref().label();
        int starts = 0;
        var workloads = plan.workloads().stream().filter(workload -> serves(profile, workload)).toList();
        if (workloads.size() < plan.workloads().size()) {
            out.println(label + ": measures " + String.join(", ", workloads.stream().map(Workload::label).toList())
                    + " only (" + String.join(" and ", Ceilings.NGINX_PATHS) + " are all it serves)");
        }
        try {
            for (var workload : workloads) {
                for (int run = 1; run <= experiment.runs() && !control.cancelled(); run++) {
                    boolean fresh = current == null || experiment.restart() == Experiment.Restart.RUN;
                    if (fresh) {
                        stopCurrent();
                        progress.step(label + ": starting target");
                        DataReset.reset(profile.settings());
                        current = TargetProcess.start(profile.settings(), profile.sets(), options.jvmOptions(), plan.pinning().target(),
                                plan.folder().resolve("logs").resolve(fileName(label) + "-" + (++starts) + ".log"), START_LIMIT);
                    }
                    var tls = TlsSettings.of(profile.settings());
                    var base = URI.create((tls.enabled() ? "https" : "http") + "://127.0.0.1:" + current.port());
                    if (fresh && starts == 1 && !Ceilings.isNginx(profile.settings())) {
                        Requirements.check(experiment, base); // what the app serves; nginx serves two paths
                    }
                    if (fresh || run == 1) {
                        progress.step(label + " " + workload.label() + ": warming up (up to " + experiment.warmup().toSeconds() + " s)");
                        // Daemon mode warms for the whole bound: each backend JVM sees 1/P of the warm-up and P+1 JVMs
                        // compile on the same cores, so throughput rises in steps and an early plateau is not the end
                        // (p2-t10 /hello here: 6.2k req/s after 10 s of warm-up, 11.0k after 40 s).
                        boolean whole = experiment.warmupWhole() || profile.settings().mode() == Mode.DAEMON;
                        var warmDriver = plan.driver().warmsUpItself() ? plan.driver() : new EmbeddedDriver();
                        var warmup = Warmer.warm(experiment, label, base, workload, control, whole, warmDriver,
                                plan.pinning().driver(warmDriver.name()), tls.http2());
                        warmups.add(warmup);
                    }
                    for (int level : experiment.levels()) {
                        if (control.cancelled()) {
                            return;
                        }
                        progress.step(String.format("%s %s %s=%d run %d/%d", label, workload.label(),
                                experiment.load().symbol(), level, run, experiment.runs()));
                        measure(plan, label, knobs(profile), current.handle(), workload, base, level, run);
                        progress.measured();
                        Reports.writeResults(plan.folder(), results(plan, started));
                    }
                }
            }
        } finally {
            stopCurrent();
        }
    }

    /** Whether the profile answers this workload: every target does; ceiling-nginx only two GETs. */
    private static boolean serves(PlannedProfile profile, Workload workload) {
        return workload instanceof Workload.Get get ? Ceilings.serves(profile.settings(), get.path()) : !Ceilings.isNginx(profile.settings());
    }

    /** One level; {@code process} is the target's process tree to sample from /proc, or null when it is not on this machine. */
    private void measure(RunPlan plan, String label, Map<String, String> knobs, ProcessHandle process, Workload workload,
                         URI base, int level, int run) throws IOException, InterruptedException {
        var experiment = plan.experiment();
        var driver = plan.driver();
        var spec = new LoadDriver.Spec(base, workload, experiment.load(), level, experiment.requests(),
                experiment.duration(), experiment.keepalive(), experiment.acceptGzip(), experiment.timeout(), plan.pinning().driver(driver.name()),
                "on".equals(knobs.get(Knob.HTTP2.key())));
        var recorder = options.profileJfr() && process != null ? new JfrRecorder(plan.folder().resolve("jfr")) : null;
        if (recorder != null) {
            recorder.start(process);
        }
        var sampler = process == null ? null : new TreeSampler(process, startNanos, 100);
        var driverCpu = new DriverCpu(process, startNanos, DriverCpu.cpuList(plan.pinning().driverCpus()));
        long startMillis = System.currentTimeMillis();
        LoadDriver.Outcome outcome;
        try {
            outcome = driver.drive(spec, control);
        } finally {
            if (sampler != null) {
                sampler.stop();
            }
            if (recorder != null) {
                recorder.stop(process, fileName(label + " " + workload.label() + " " + experiment.load().symbol() + level + " run" + run));
            }
            driverCpu.close();
        }
        if (control.cancelled()) {
            return; // a level cut short by Ctrl-C is not a measurement
        }
        String tag = null;
        if (outcome.histogram() != null) {
            tag = "m" + (measurements.size() + 1);
            LatencyLog.append(plan.folder(), tag, outcome.histogram(), startMillis, System.currentTimeMillis());
        }
        var resources = sampler == null ? Resources.NONE : Resources.of(sampler.stop(), sampler.averageCpuPercent());
        var driverReading = driverCpu.stop(resources.cpuAvgPercent(), driver.cores());
        measurements.add(new Measurement(label, workload.label(), experiment.load().symbol(), level, run,
                driver.name(), outcome.requests(), round(outcome.seconds(), 3), round(outcome.throughput(), 1),
                outcome.latencyMs(), outcome.errors(), outcome.journeys(), outcome.journeyFailures(),
                resources, knobs, tag, driverReading.cpuPercent(), driverReading.saturated(), outcome.rawLatencyMs()));
    }

    private static Map<String, String> knobs(PlannedProfile profile) {
        var knobs = new TreeMap<String, String>();
        profile.settings().effective().forEach((knob, value) -> knobs.put(knob.key(), value));
        knobs.remove("port");
        return knobs;
    }

    private void stopCurrent() {
        var target = current;
        current = null;
        if (target != null) {
            target.close();
        }
    }

    private Results results(RunPlan plan, String started) {
        var experiment = plan.experiment();
        var remote = plan.remote();
        var profiles = new ArrayList<Results.ProfileInfo>();
        for (var profile : plan.profiles()) {
            profiles.add(new Results.ProfileInfo(profile.ref().label(), profile.ref().profile(), knobs(profile), profile.ref().entry()));
        }
        if (remote != null) {
            profiles.add(new Results.ProfileInfo(remote.profile(), remote.profile(), remote.knobs()));
        }
        var settings = new LinkedHashMap<String, String>();
        settings.put("load", experiment.load().name().toLowerCase(Locale.ROOT));
        settings.put("levels", experiment.levels().toString());
        settings.put("requests per level", Integer.toString(experiment.requests()));
        settings.put("duration per level", experiment.duration().isZero() ? "-" : experiment.duration().toSeconds() + " s");
        settings.put("runs", Integer.toString(experiment.runs()));
        if (remote != null) {
            settings.put("target", remote.base() + " (started elsewhere: no restart, no data reset; resources "
                    + (remote.localProcess().isPresent() ? "sampled from /proc" : "not sampled: not a process on this machine") + ")");
        } else {
            settings.put("restart", experiment.restart() == Experiment.Restart.RUN ? "before every run" : "once per profile");
        }
        settings.put("keepalive", experiment.keepalive() ? "on" : "off (a connection per request, like ab without -k)");
        settings.put("timeout", experiment.timeout().toSeconds() + " s");
        settings.put("warm-up", (experiment.warmupWhole() ? "" : "up to ") + experiment.warmup().toSeconds() + " s per endpoint at c="
                + experiment.warmupConcurrency() + (experiment.warmupWhole() ? ", the whole bound (warmup.whole=on)"
                : ", until a round is no more than 5% faster than the best before it"));
        settings.put("pinning", plan.pinning().describe());
        settings.put("layout", experiment.layout().name());
        if (experiment.shape() != null) {
            settings.put("shape", experiment.shape().toString());
        }
        if (remote == null) {
            settings.put("target JVM", String.join(" ", TargetJvm.options(options.jvmOptions())));
        }
        if (!options.sets().isEmpty()) {
            // credentials are shown as set, never as given (results.json is shared)
            settings.put("--set", String.join(" ", options.sets().stream()
                    .map(set -> JettyBase.carriesCredential(set) ? set.substring(0, set.indexOf('=') + 1) + "(set)" : set)
                    .toList()));
        }
        if (!experiment.notes().isEmpty()) {
            settings.put("notes", experiment.notes());
        }
        return new Results(experiment.name(), experiment.title(), experiment.seed(), experiment.quick(), plan.driver().name(), started,
                Instant.now().toString(), control.cancelled(), plan.machine(), settings, profiles,
                List.copyOf(warmups), List.copyOf(measurements), List.of(), experiment.shape());
    }

    private Path outputFolder(Experiment experiment) {
        if (options.out() != null) {
            return options.out();
        }
        var stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return Path.of("runs", experiment.name() + (experiment.quick() ? "-quick-" : "-") + stamp);
    }

    private static String fileName(String label) {
        return label.replaceAll("[^A-Za-z0-9.-]+", "_");
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
