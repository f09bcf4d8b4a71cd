package org.benchtarget.core.config;

import org.benchtarget.core.config.Modes.Mode;
import org.benchtarget.core.config.Modes.Workers;

import java.util.Locale;
import java.util.Set;

/**
 * What one target can honour. A target checks its Settings against this at start, so a profile
 * it cannot run stops with one line instead of silently running something else.
 */
public record TargetSupport(String target, Set<Workers> workers, Set<Mode> modes, String whyNot) {

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
