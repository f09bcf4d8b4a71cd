package org.benchtarget.daemon;

import org.benchtarget.core.TargetLauncher;
import org.benchtarget.undertow.UndertowMain;

/**
 * {@code java -jar benchtarget-daemon.jar PROFILE [--set knob=value]...} with a {@code mode=daemon} profile: the front
 * and the supervisor of its backends, until SIGTERM. The jar holds the Undertow target too: any other mode runs it
 * in-process, as {@code benchtarget-undertow.jar} does, which is how {@code backend=undertow} backends run from this
 * same jar (and its startup cache).
 */
public final class DaemonMain {
    private DaemonMain() {
    }

    public static void main(String[] args) {
        UndertowMain.run(args, settings -> {
            var daemon = Daemon.start(settings, BackendLaunch.fromThisJvm(settings.daemon().backend().knobValue()));
            return new TargetLauncher.Running(daemon.port(), daemon);
        });
    }
}
