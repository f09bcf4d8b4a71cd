package org.benchtarget.bench;

import org.benchtarget.bench.serve.Ceilings;
import org.benchtarget.bench.serve.JettyContainer;
import org.benchtarget.bench.serve.LocalCassandra;
import org.benchtarget.bench.run.PortCheck;
import org.benchtarget.bench.serve.StartupCache;
import org.benchtarget.bench.serve.TargetJars;
import org.benchtarget.bench.serve.TargetJvm;
import org.benchtarget.bench.serve.WarmUp;
import org.benchtarget.cassandra.CassandraNode;
import org.benchtarget.core.TargetLauncher;
import org.benchtarget.core.config.Modes.Mode;
import org.benchtarget.core.config.Profiles;
import org.benchtarget.core.config.Settings;
import org.benchtarget.core.config.SettingsParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * {@code bench serve [PROFILE] [--set knob=value]...}: runs the profile's target in the foreground,
 * as its own JVM (the way users run target jars), until Ctrl-C or SIGTERM, which it passes on. A daemon
 * profile runs the same way: that JVM is the front and supervises its backend JVMs.
 */
@Command(name = "serve", description = "Run a target in the foreground (default profile " + Profiles.DEFAULT + ", embedded H2).")
final class ServeCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "PROFILE", description = "profile to run (bench profiles lists them)")
    String profile;

    @Option(names = "--set", paramLabel = "KNOB=VALUE", description = "override a knob; repeatable")
    List<String> sets = new ArrayList<>();

    @Option(names = "--warm", arity = "0..1", fallbackValue = "3000", paramLabel = "REQUESTS",
            description = "after start, send REQUESTS (default 3000) to each of /hello, /db and / and wait for /ready")
    Integer warm;

    @Option(names = "--jvm-opt", paramLabel = "OPTION", description = "extra JVM option for the target; repeatable")
    List<String> jvmOptions = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        // Parse here first: a bad knob stops with one line before any JVM starts.
        if (warm != null && warm < 1) {
            throw new BenchException("--warm " + warm + ": expected a number of requests above 0");
        }
        if (warm != null && sets.stream().noneMatch(set -> set.startsWith("warmup="))) {
            sets.add("warmup=" + warm); // the target's /ready counts the same warm-up
        }
        var settings = SettingsParser.parse(profile, System.getenv(), sets);
        var cassandra = LocalCassandra.startIfWanted(settings, sets);
        try {
            return serve(settings, cassandra);
        } finally {
            LocalCassandra.stop(cassandra);
        }
    }

    private int serve(Settings settings, CassandraNode cassandra) throws Exception {
        if (settings.mode() == Mode.CONTAINER) {
            return JettyContainer.serve(settings, sets, jvmOptions);
        }
        if (settings.port() != 0) {
            // refused here, before a JVM starts (and records its AOT cache) only to fail binding
            PortCheck.requireFree(settings.host(), settings.port(), "stop what listens there, or choose another port with --set port=N");
        }
        var command = new ArrayList<String>();
        command.add(TargetJvm.javaBinary());
        var jar = TargetJars.jar(settings);
        var cache = Ceilings.is(settings) ? StartupCache.none() : StartupCache.of(jar);
        if (Ceilings.is(settings) && warm != null) {
            throw new BenchException("--warm: profile " + settings.profile() + " is a ceiling, which has no /ready to wait for");
        }
        command.addAll(TargetJvm.options(cache, jvmOptions));
        // The target (and, in daemon mode, its backends) stops when bench is gone, even killed.
        command.add("-D" + TargetLauncher.SUPERVISOR_PID + "=" + ProcessHandle.current().pid());
        command.addAll(TargetJars.backendJarOptions(settings));
        command.addAll(Ceilings.javaArguments(settings, jar));
        command.add(settings.profile());
        for (var set : sets) {
            command.add("--set");
            command.add(set);
        }
        var builder = new ProcessBuilder(command).inheritIO();
        if (warm != null) {
            builder.redirectOutput(ProcessBuilder.Redirect.PIPE); // to see the bound port
        }
        builder.environment().putAll(TargetJvm.ENVIRONMENT);
        if (cache.records()) {
            System.out.println("bench: this run records " + jar.getFileName() + "'s AOT cache for faster starts (written when it stops)");
        }
        var process = builder.start();
        if (cassandra != null) {
            cassandra.stopAfterThenRemove(process.toHandle());
        }
        if (warm != null) {
            warmUp(process, settings.host(), warm);
        }
        var stopper = new Thread(() -> {
            process.destroy(); // SIGTERM: the target stops gracefully
            try {
                cache.keep(process.waitFor());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stop-target");
        Runtime.getRuntime().addShutdownHook(stopper);
        int exit = process.waitFor();
        try {
            Runtime.getRuntime().removeShutdownHook(stopper);
        } catch (IllegalStateException shuttingDown) {
            return exit; // already stopping: the hook waits for the target and keeps its cache
        }
        cache.keep(exit);
        // a recording target that could not start ends itself with SIGKILL, so that it records nothing (TargetLauncher)
        return exit == 137 && cache.records() ? 1 : exit;
    }

    /** Echoes the target's output; once it listens, warms it up (in the background of the echo). */
    private static void warmUp(Process process, String host, int requests) {
        Thread.ofPlatform().daemon().name("target-output").start(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
                var listening = Pattern.compile("listening on port (\\d+)");
                for (String line; (line = lines.readLine()) != null; ) {
                    System.out.println(line);
                    var matcher = listening.matcher(line);
                    if (matcher.find()) {
                        int port = Integer.parseInt(matcher.group(1));
                        Thread.ofPlatform().daemon().name("warm-up").start(() -> {
                            try {
                                WarmUp.run(host, port, requests);
                            } catch (Exception e) {
                                System.err.println("bench: warm-up failed: " + e.getMessage());
                            }
                        });
                    }
                }
            } catch (IOException ended) {
                // the target stopped
            }
        });
    }
}
