package org.benchtarget.daemon;

import org.benchtarget.core.TargetLauncher;
import org.benchtarget.core.config.SettingsException;

import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How backend JVMs are started: which java, with which JVM options, from which jar per backend
 * target. {@link #fromThisJvm()} is production: the front's own java and options, its own jar for
 * {@code backend=undertow}. Immutable.
 */
public record BackendLaunch(String java, List<String> jvmOptions, Map<String, Path> jars) {

    public BackendLaunch {
        jvmOptions = List.copyOf(jvmOptions);
        jars = Map.copyOf(jars);
    }

    /** Returns the jar that runs {@code backend}, or stops with one line. */
    public Path jar(String backend) {
        var jar = jars.get(backend);
        if (jar == null) {
            throw new SettingsException("backend=" + backend + ": no jar for it; run through bin/bench serve, which passes -D"
                    + TargetLauncher.BACKEND_JAR + "=PATH (supported backends: " + String.join(", ", jars.keySet()) + ")");
        }
        if (!Files.isRegularFile(jar)) {
            throw new SettingsException("backend=" + backend + ": no jar at " + jar + " (build first: mvn -DskipTests package)");
        }
        return jar;
    }

    /**
     * The backends run on this JVM's java with its options (bench serve's memory options, any
     * {@code --jvm-opt}), minus what is this process's own: a debugger port, the supervisor pid.
     */
    public static BackendLaunch fromThisJvm(String backend) {
        var java = ProcessHandle.current().info().command().orElse("java");
        var options = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> !option.startsWith("-D" + TargetLauncher.SUPERVISOR_PID + "=")
                        && !option.startsWith("-D" + TargetLauncher.BACKEND_JAR + "=")
                        && !option.startsWith("-agentlib:jdwp")
                        && !option.startsWith("-XX:AOTCacheOutput")
                        // backends only read the jar's class-data archive: P JVMs must not all rewrite it at exit
                        && !option.equals("-XX:+AutoCreateSharedArchive"))
                .toList();
        var external = System.getProperty(TargetLauncher.BACKEND_JAR);
        Path jar;
        if (external != null && !external.isBlank()) {
            jar = Path.of(external);
            // this jar's class-data archive or AOT cache would be refused by another jar's JVM, with a warning
            options = options.stream().filter(option -> !option.startsWith("-XX:AOTCache=") && !option.startsWith("-XX:SharedArchiveFile=")).toList();
        } else if (backend.equals("undertow")) {
            jar = ownJar();
        } else {
            return new BackendLaunch(java, options, Map.of());
        }
        return new BackendLaunch(java, options, Map.of(backend, jar));
    }

    private static Path ownJar() {
        try {
            var location = Path.of(BackendLaunch.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!location.toString().endsWith(".jar")) {
                throw new SettingsException("mode=daemon: run from the jar (java -jar benchtarget-daemon.jar), not from classes: the backends need it");
            }
            return location;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
