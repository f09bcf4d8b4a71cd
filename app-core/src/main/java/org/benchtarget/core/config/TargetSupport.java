package org.benchtarget.core.config;

import org.benchtarget.core.config.Modes.Mode;
import org.benchtarget.core.config.Modes.Workers;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What one target can honour. A target checks its Settings against this at start, so a profile
 * it cannot run stops with one line instead of silently running something else.
 */
public record TargetSupport(String target, Set<Workers> workers, Set<Mode> modes, String whyNot) {
    /** The WAR in jetty-home (container mode): checked by bench serve before it starts Jetty, and by the WAR itself. */
    public static final TargetSupport JETTY_CONTAINER = new TargetSupport("jetty", EnumSet.of(Workers.THREADS, Workers.VIRTUAL),
            EnumSet.of(Mode.CONTAINER), "the WAR runs behind jetty-home's Servlet layer, whose server classpath cannot see "
            + "app-core to answer on the selector: use profile jetty-nio (embedded), or workers threads or virtual here");

    public void check(Settings settings) {
        if (!settings.target().equals(target)) {
            throw new SettingsException("target=" + settings.target() + ": profile " + settings.profile()
                    + " is for target " + settings.target() + ", this is " + target);
        }
        if (!workers.contains(settings.workers())) {
            throw new SettingsException("workers=" + settings.workers().name().toLowerCase(Locale.ROOT)
                    + ": not supported by " + target + " (" + whyNot + ")");
        }
        if (!modes.contains(settings.mode())) {
            throw new SettingsException("mode=" + settings.mode().knobValue() + ": not supported by " + target
                    + " (supported: " + String.join(", ", modes.stream().map(Mode::knobValue).sorted().toList()) + ")");
        }
    }
}
