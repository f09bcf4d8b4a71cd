package org.benchtarget.undertow;

import org.benchtarget.core.App;
import org.benchtarget.core.config.Modes.Mode;
import org.benchtarget.core.config.Settings;
import org.benchtarget.core.config.SettingsException;
import org.benchtarget.core.config.SettingsParser;
import org.benchtarget.core.TargetLauncher;

import java.util.List;
import java.util.function.Function;

/**
 * {@code java -jar benchtarget-undertow.jar [PROFILE] [--set knob=value]...}: runs until SIGTERM. Daemon mode
 * ({@code mode=daemon}) is the daemon module's jar, which runs through {@link #run} with its own start.
 */
public final class UndertowMain {
    private UndertowMain() {
    }

    public static void main(String[] args) {
        run(args, settings -> {
            throw new SettingsException("mode=daemon: runs from daemon/target/benchtarget-daemon.jar (bin/bench serve picks it)");
        });
    }

    /** Runs the Undertow target in-process; {@code daemon} starts what {@code mode=daemon} runs instead (same logging, same launcher). */
    public static void run(String[] args, Function<Settings, TargetLauncher.Running> daemon) {
        // Undertow and XNIO log through jboss-logging, which would pick java.util.logging otherwise.
        System.setProperty("org.jboss.logging.provider", "slf4j");
        QuietTooBig.install();
        TargetLauncher.run("undertow", args, () -> {
            var settings = SettingsParser.fromArgs(List.of(args), System.getenv());
            if (settings.mode() == Mode.DAEMON) {
                return daemon.apply(settings);
            }
            UndertowServer.SUPPORT.check(settings);
            var server = UndertowServer.newServer(App.create(settings), settings).start();
            return new TargetLauncher.Running(server.port(), server);
        });
    }
}
