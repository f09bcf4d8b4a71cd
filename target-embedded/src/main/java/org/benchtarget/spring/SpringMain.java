package org.benchtarget.spring;

import org.benchtarget.core.TargetLauncher;
import org.benchtarget.core.config.SettingsParser;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar benchtarget-spring.jar [PROFILE] [--set knob=value]... [--spring.property=value]...}:
 * runs until SIGTERM. Knobs as on every target; {@code --name=value} arguments go to Spring.
 */
public final class SpringMain {
    private SpringMain() {
    }

    public static void main(String[] args) {
        TargetLauncher.run("spring", () -> {
            var split = Arguments.split(List.of(args));
            var settings = SettingsParser.fromArgs(split.knobs(), System.getenv());
            var server = SpringServer.newServer(settings, split.spring().toArray(String[]::new)).start();
            return new TargetLauncher.Running(server.port(), server);
        });
    }

    /** The command line split into the knob part (SettingsParser's syntax) and Spring's {@code --name=value}. */
    record Arguments(List<String> knobs, List<String> spring) {
        static Arguments split(List<String> args) {
            var knobs = new ArrayList<String>();
            var spring = new ArrayList<String>();
            for (var arg : args) {
                if (arg.startsWith("--") && !arg.equals("--set") && !arg.startsWith("--set=")) {
                    spring.add(arg);
                } else {
                    knobs.add(arg);
                }
            }
            return new Arguments(knobs, spring);
        }
    }
}
