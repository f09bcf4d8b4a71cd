package org.benchtarget.core;

import org.benchtarget.core.config.SettingsException;
import org.benchtarget.core.config.SettingsParser;

import java.lang.management.ManagementFactory;
import java.net.BindException;
import java.util.List;
import java.util.concurrent.CountDownLatch;

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
    /**
     * System property: on a daemon's backend, the front's {@code tls} and {@code http2} (e.g. {@code tls=on,http2=on}):
     * the front terminates them and the backend speaks cleartext HTTP/1.1, but {@code /info} says what clients get.
     */
    public static final String FRONT_PROTOCOLS = "benchtarget.front.protocols";
    /** System property: where the jar of daemon mode's {@code backend} is, when it is not the front's own jar. */
    public static final String BACKEND_JAR = "benchtarget.backend.jar";
    /**
     * System property: daemon mode's {@code proxy=uds}, the Unix domain socket a backend listens on instead of
     * host:port (only targets that can: jetty).
     */
    public static final String UNIX_SOCKET = "benchtarget.unix-socket";

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
        run(target, null, starter);
    }

    /** As {@link #run(String, Starter)}; {@code args} (the main's) let a failed bind name the address in use. */
    public static void run(String target, String[] args, Starter starter) {
        Running running;
        try {
            running = starter.start();
        } catch (SettingsException e) {
            System.err.println("benchtarget-" + target + ": " + e.getMessage());
            System.exit(2);
            return;
        } catch (Exception e) {
            System.err.println("benchtarget-" + target + ": cannot start: " + startFailure(e, args));
            System.err.flush();
            exitWithoutRecording();
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
        serveUntilStopped();
    }

    /**
     * Keeps main, a non-daemon thread, waiting until SIGTERM or Ctrl-C runs the hook: a JVM lives only while some
     * non-daemon thread does, and a server need not have one. Daemon mode with the nginx front on PostgreSQL had
     * none (nginx is another process, the shared H2's threads were not there): it exited right after "listening".
     */
    private static void serveUntilStopped() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

    private static String startFailure(Exception error, String[] args) {
        if (rootCause(error) instanceof BindException && args != null) {
            try {
                var settings = SettingsParser.fromArgs(List.of(args), System.getenv());
                var host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
                return host + ":" + settings.port() + " is in use (" + rootMessage(error)
                        + "): stop what listens there, or choose another port with --set port=N";
            } catch (RuntimeException unparsable) {
                return rootMessage(error);
            }
        }
        return rootMessage(error);
    }

    /**
     * A JVM that records an AOT cache (bench serve's first start, -XX:AOTCacheOutput) writes it at any exit, which takes
     * seconds and prints the JVM's notes: a start that never served ends with SIGKILL instead, so nothing is recorded
     * from it (bench serve drops the unfinished recording of a killed target).
     */
    private static void exitWithoutRecording() {
        boolean recording = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(option -> option.startsWith("-XX:AOTCacheOutput="));
        if (!recording) {
            return;
        }
        try {
            new ProcessBuilder("kill", "-KILL", Long.toString(ProcessHandle.current().pid())).inheritIO().start().waitFor();
            Thread.sleep(5_000); // the signal ends this JVM meanwhile
        } catch (Exception e) {
            // no kill command: exit normally, recording
        }
    }

    private static Throwable rootCause(Throwable error) {
        var root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    static String rootMessage(Throwable error) {
        var root = rootCause(error);
        var message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse("");
    }
}
