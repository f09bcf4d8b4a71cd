package org.benchtarget.core;

import org.benchtarget.core.config.SettingsException;

import java.time.Duration;
import java.time.Instant;

/**
 * The shared main of every target: start, print one "listening" line (with the time since the
 * JVM started), stop gracefully on SIGTERM or Ctrl-C. A bad knob exits 2 and any other startup
 * failure exits 1, each with one line on stderr.
 */
public final class TargetLauncher {
    /**
     * System property naming the process that started this one (bench serve, daemon mode's
     * supervisor): when that process is gone, even killed, this one stops too, so no JVM is left behind.
     */
    public static final String SUPERVISOR_PID = "benchtarget.supervisor.pid";
    /** System property: where the jar of daemon mode's {@code backend} is, when it is not the front's own jar. */
    public static final String BACKEND_JAR = "benchtarget.backend.jar";

    private TargetLauncher() {
    }

    /** A started server: its bound port and how to stop it. */
    public record Running(int port, AutoCloseable server) {
    }

    @FunctionalInterface
    public interface Starter {
        Running start() throws Exception;
    }

    public static void run(String target, Starter starter) {
        Running running;
        try {
            running = starter.start();
        } catch (SettingsException e) {
            System.err.println("benchtarget-" + target + ": " + e.getMessage());
            System.exit(2);
            return;
        } catch (Exception e) {
            System.err.println("benchtarget-" + target + ": cannot start: " + rootMessage(e));
            System.exit(1);
            return;
        }
        var started = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        System.out.println("benchtarget-" + target + " listening on port " + running.port()
                + " (pid " + ProcessHandle.current().pid() + ", started in "
                + Duration.between(started, Instant.now()).toMillis() + " ms)");
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.server().close();
                System.out.println("benchtarget-" + target + " stopped");
                System.out.flush();
            } catch (Exception e) {
                System.err.println("benchtarget-" + target + ": unclean stop: " + rootMessage(e));
            }
        }, "graceful-stop"));
        stopWithSupervisor(target);
    }

    private static void stopWithSupervisor(String target) {
        var pid = Long.getLong(SUPERVISOR_PID);
        if (pid == null) {
            return;
        }
        ProcessHandle.of(pid).ifPresentOrElse(
                supervisor -> supervisor.onExit().thenRun(() -> {
                    System.err.println("benchtarget-" + target + ": supervisor (pid " + pid + ") is gone; stopping");
                    System.exit(0);
                }),
                () -> System.exit(0));
    }

    static String rootMessage(Throwable error) {
        var root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        var message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse("");
    }
}
