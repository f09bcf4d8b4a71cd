package org.benchtarget.bench;

import org.benchtarget.bench.serve.JettyContainer;
import org.benchtarget.bench.serve.TargetJars;
import org.benchtarget.bench.serve.TargetJvm;
import org.benchtarget.core.config.Modes.Mode;
import org.benchtarget.core.config.Profiles;
import org.benchtarget.core.config.SettingsParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code bench serve [PROFILE] [--set knob=value]...}: runs the profile's target in the foreground,
 * as its own JVM (the way users run target jars), until Ctrl-C or SIGTERM, which it passes on.
 */
@Command(name = "serve", description = "Run a target in the foreground (default profile " + Profiles.DEFAULT + ", embedded H2).")
final class ServeCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "PROFILE", description = "profile to run (bench profiles lists them)")
    String profile;

    @Option(names = "--set", paramLabel = "KNOB=VALUE", description = "override a knob; repeatable")
    List<String> sets = new ArrayList<>();

    @Option(names = "--jvm-opt", paramLabel = "OPTION", description = "extra JVM option for the target; repeatable")
    List<String> jvmOptions = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        // Parse here first: a bad knob stops with one line before any JVM starts.
        var settings = SettingsParser.parse(profile, System.getenv(), sets);
        if (settings.mode() == Mode.CONTAINER) {
            return JettyContainer.serve(settings, sets, jvmOptions);
        }
        var command = new ArrayList<String>();
        command.add(TargetJvm.javaBinary());
        command.addAll(TargetJvm.options(jvmOptions));
        command.add("-jar");
        command.add(TargetJars.jar(settings.target()).toString());
        command.add(settings.profile());
        for (var set : sets) {
            command.add("--set");
            command.add(set);
        }
        var process = new ProcessBuilder(command).inheritIO().start();
        var stopper = new Thread(() -> {
            process.destroy(); // SIGTERM: the target stops gracefully
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stop-target");
        Runtime.getRuntime().addShutdownHook(stopper);
        int exit = process.waitFor();
        try {
            Runtime.getRuntime().removeShutdownHook(stopper);
        } catch (IllegalStateException shuttingDown) {
            // already stopping: the hook waits for the target
        }
        return exit;
    }
}
