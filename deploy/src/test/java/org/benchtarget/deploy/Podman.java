package org.benchtarget.deploy;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * podman as the tests run it: {@code PODMAN} (the command and its global options) or, by default, runc with cgroupfs,
 * which runs where crun cannot (hybrid cgroups); containers with lowered rlimits, which an unprivileged build may not raise.
 */
final class Podman {
    static final List<String> COMMAND = List.of(System.getenv().getOrDefault("PODMAN",
            "podman --runtime runc --cgroup-manager cgroupfs").trim().split("\\s+"));
    static final List<String> LIMITS = List.of("--ulimit", "nofile=1024:1024", "--ulimit", "nproc=1024:1024");
    private static String unavailable;
    private static boolean checked;

    private Podman() {
    }

    record Result(int exit, String output, Duration took) {
        Result expectSuccess(String what) {
            if (exit != 0) {
                throw new AssertionError(what + " exited " + exit + ":\n" + output);
            }
            return this;
        }
    }

    /** Skips the calling test (one line, once per build) where podman cannot run containers at all. */
    static synchronized void assumeAvailable() {
        if (!checked) {
            checked = true;
            unavailable = probe();
            if (unavailable != null) {
                System.err.println("deploy: podman cannot run here, the container tests are skipped: " + unavailable);
            }
        }
        Assumptions.assumeTrue(unavailable == null, () -> "podman cannot run here: " + unavailable);
    }

    private static String probe() {
        try {
            var info = run(Duration.ofSeconds(60), Map.of(), "info", "--format", "{{.Host.OCIRuntime.Name}}");
            if (info.exit() != 0) {
                return info.output().lines().reduce((a, b) -> b).orElse("podman info failed");
            }
            return null;
        } catch (IOException e) {
            return "no " + COMMAND.getFirst() + " on PATH (apt-get install podman runc mmdebstrap)";
        }
    }

    static Result run(Duration timeout, String... args) throws IOException {
        return run(timeout, Map.of(), args);
    }

    /** Runs podman with {@code args}; its output and error together. A timeout kills it and fails. */
    static Result run(Duration timeout, Map<String, String> env, String... args) throws IOException {
        var command = new ArrayList<>(COMMAND);
        command.addAll(Arrays.asList(args));
        return exec(command, env, timeout, null);
    }

    static Result exec(List<String> command, Map<String, String> env, Duration timeout, Path log) throws IOException {
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        var output = log != null ? log : Files.createTempFile("podman", ".log");
        builder.redirectOutput(output.toFile());
        long start = System.nanoTime();
        var process = builder.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                throw new AssertionError(String.join(" ", command) + ": no end within " + timeout + ":\n" + Files.readString(output, StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        var text = Files.readString(output, StandardCharsets.UTF_8);
        if (log == null) {
            Files.deleteIfExists(output);
        }
        return new Result(process.exitValue(), text, Duration.ofNanos(System.nanoTime() - start));
    }
}
