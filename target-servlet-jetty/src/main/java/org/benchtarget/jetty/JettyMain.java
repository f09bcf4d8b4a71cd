package org.benchtarget.jetty;

import org.benchtarget.core.App;
import org.benchtarget.core.TargetLauncher;
import org.benchtarget.core.config.Modes.Mode;
import org.benchtarget.core.config.SettingsException;
import org.benchtarget.core.config.SettingsParser;

import java.util.List;

/** {@code java -jar benchtarget-jetty.jar [PROFILE] [--set knob=value]...}: embedded Jetty, runs until SIGTERM. */
public final class JettyMain {
    private JettyMain() {
    }

    public static void main(String[] args) {
        TargetLauncher.run("jetty", args, () -> {
            var settings = SettingsParser.fromArgs(List.of(args), System.getenv());
            if (settings.mode() == Mode.CONTAINER && settings.target().equals("jetty")) {
                throw new SettingsException("mode=container: this jar runs Jetty embedded; start profile "
                        + settings.profile() + " with bin/bench serve, which runs the WAR in a standalone Jetty");
            }
            JettyServer.SUPPORT.check(settings);
            var server = JettyServer.newServer(App.create(settings), settings).start();
            return new TargetLauncher.Running(server.port(), server);
        });
    }
}
