package org.benchtarget.undertow;

import org.benchtarget.core.App;
import org.benchtarget.core.config.Modes.Mode;
import org.benchtarget.core.config.SettingsParser;
import org.benchtarget.core.TargetLauncher;
import org.benchtarget.undertow.daemon.BackendLaunch;
import org.benchtarget.undertow.daemon.Daemon;

import java.util.List;

/**
 * {@code java -jar benchtarget-undertow.jar [PROFILE] [--set knob=value]...}: runs until SIGTERM.
 * {@code mode=daemon} runs the front and supervises the backends (this same jar, in-process) instead.
 */
public final class UndertowMain {
    private UndertowMain() {
    }

    public static void main(String[] args) {
        // Undertow and XNIO log through jboss-logging, which would pick java.util.logging otherwise.
        System.setProperty("org.jboss.logging.provider", "slf4j");
        QuietTooBig.install();
        TargetLauncher.run("undertow", args, () -> {
            var settings = SettingsParser.fromArgs(List.of(args), System.getenv());
            if (settings.mode() == Mode.DAEMON) {
                var daemon = Daemon.start(settings, BackendLaunch.fromThisJvm(settings.daemon().backend().knobValue()));
                return new TargetLauncher.Running(daemon.port(), daemon);
            }
            UndertowServer.SUPPORT.check(settings);
            var server = UndertowServer.newServer(App.create(settings), settings).start();
            return new TargetLauncher.Running(server.port(), server);
        });
    }
}
