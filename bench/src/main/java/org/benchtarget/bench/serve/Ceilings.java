package org.benchtarget.bench.serve;

import org.benchtarget.bench.BenchException;
import org.benchtarget.core.config.Modes.Mode;
import org.benchtarget.core.config.Settings;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a profile's jar is run: a target with {@code -jar JAR} (its manifest's main), a ceiling ({@code mode=ceiling},
 * the bare server) with {@code -cp JAR MAIN}, the ceiling's own main class in the same target's jar (nginx's, which
 * runs Debian's nginx as its child, in the daemon's jar beside front=nginx).
 */
public final class Ceilings {
    private static final Map<String, String> MAINS = Map.of(
            "undertow/nio", "org.benchtarget.undertow.ceiling.UndertowCeiling",
            "jetty/nio", "org.benchtarget.jetty.ceiling.JettyCeiling",
            "jetty/threads", "org.benchtarget.jetty.ceiling.JettyServletCeiling",
            "spring/threads", "org.benchtarget.spring.ceiling.SpringCeiling",
            "nginx/nio", "org.benchtarget.daemon.front.NginxCeiling");

    private Ceilings() {
    }

    /** Returns the java arguments that run {@code jar} for {@code settings}, up to (not including) the profile. */
    public static List<String> javaArguments(Settings settings, Path jar) {
        if (settings.mode() != Mode.CEILING) {
            return List.of("-jar", jar.toString());
        }
        return List.of("-cp", jar.toString(), mainClass(settings));
    }

    /** Returns the ceiling's main class, or stops with one line when its server has no ceiling of that worker model. */
    public static String mainClass(Settings settings) {
        var key = settings.target() + "/" + settings.workers().name().toLowerCase(Locale.ROOT);
        var main = MAINS.get(key);
        if (main == null) {
            throw new BenchException("profile " + settings.profile() + ": no ceiling for target=" + settings.target()
                    + " with workers=" + settings.workers().name().toLowerCase(Locale.ROOT) + " (ceilings: "
                    + String.join(", ", MAINS.keySet().stream().sorted().toList()) + ")");
        }
        return main;
    }

    /** The paths ceiling-nginx answers (a fixed /hello and the file /hello.txt); the other ceilings and every target: all. */
    public static final List<String> NGINX_PATHS = List.of("/hello", "/hello.txt");

    /** Whether a profile with these settings answers GET {@code path} (query and all) as the contract says. */
    public static boolean serves(Settings settings, String path) {
        return !isNginx(settings) || NGINX_PATHS.contains(path);
    }

    /** True for ceiling-nginx's settings (nginx runs as nothing else: SettingsParser refuses target=nginx elsewhere). */
    public static boolean isNginx(Settings settings) {
        return settings.target().equals("nginx");
    }

    /** Whether an nginx for ceiling-nginx is here: on PATH or in /usr/sbin (where Debian puts it). */
    public static boolean nginxInstalled() {
        var dirs = new java.util.ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.addAll(List.of("/usr/sbin", "/usr/local/sbin"));
        return dirs.stream().filter(dir -> !dir.isEmpty()).anyMatch(dir -> java.nio.file.Files.isExecutable(Path.of(dir, "nginx")));
    }

    /** True for a ceiling profile's settings. */
    public static boolean is(Settings settings) {
        return settings.mode() == Mode.CEILING;
    }
}
