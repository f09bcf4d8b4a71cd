package org.benchtarget.bench.run;

import org.benchtarget.bench.BenchException;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Optional pinning of target and load driver to disjoint CPUs with taskset ({@code --pin 0:1}): the target
 * is started behind {@code taskset -c 0}, an external driver behind {@code taskset -c 1}, and the embedded
 * driver pins bench's own threads ({@code taskset -a -p -c 1 PID}).
 */
record CpuPinning(String targetCpus, String driverCpus) {
    static final CpuPinning NONE = new CpuPinning(null, null);

    static CpuPinning parse(String pin) {
        if (pin == null || pin.isBlank()) {
            return NONE;
        }
        var parts = pin.split(":");
        if (parts.length != 2 || !parts[0].matches("[0-9,\\-]+") || !parts[1].matches("[0-9,\\-]+")) {
            throw new BenchException("--pin " + pin + ": expected TARGET_CPUS:DRIVER_CPUS, e.g. 0:1");
        }
        if (taskset() == null) {
            throw new BenchException("--pin needs taskset on PATH (apt install util-linux)");
        }
        return new CpuPinning(parts[0], parts[1]);
    }

    List<String> target() {
        return targetCpus == null ? List.of() : List.of(taskset(), "-c", targetCpus);
    }

    List<String> driver(String driverName) {
        return driverCpus == null || driverName.equals("embedded") ? List.of() : List.of(taskset(), "-c", driverCpus);
    }

    void pinSelf(String driverName) throws IOException, InterruptedException {
        if (driverCpus == null || !driverName.equals("embedded")) {
            return;
        }
        var process = new ProcessBuilder(taskset(), "-a", "-p", "-c", driverCpus, Long.toString(ProcessHandle.current().pid()))
                .redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes()).strip();
        if (process.waitFor() != 0) {
            throw new BenchException("--pin: taskset could not pin bench to CPUs " + driverCpus + ": " + output);
        }
    }

    String describe() {
        return targetCpus == null ? "none" : "target on CPUs " + targetCpus + ", driver on CPUs " + driverCpus + " (taskset)";
    }

    private static String taskset() {
        var path = System.getenv("PATH");
        for (var folder : (path == null ? "/usr/bin" : path).split(File.pathSeparator)) {
            var candidate = Path.of(folder, "taskset");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
