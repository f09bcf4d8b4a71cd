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
 * the bare server) with {@code -cp JAR MAIN}, the ceiling's own main class in the same target's jar.
 */
public final class Ceilings {
    private static final Map<String, String> MAINS = Map.of(
            "undertow/nio", "org.benchtarget.undertow.ceiling.UndertowCeiling",
            "jetty/nio", "org.benchtarget.jetty.ceiling.JettyCeiling",
            "jetty/threads", "org.benchtarget.jetty.ceiling.JettyServletCeiling",
            "spring/threads", "org.benchtarget.spring.ceiling.SpringCeiling");

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

    /** True for a ceiling profile's settings. */
    public static boolean is(Settings settings) {
        return settings.mode() == Mode.CEILING;
    }
}
