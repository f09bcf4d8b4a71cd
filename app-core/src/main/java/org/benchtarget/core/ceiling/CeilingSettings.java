package org.benchtarget.core.ceiling;

import org.benchtarget.core.config.Knob;
import org.benchtarget.core.config.Modes.Mode;
import org.benchtarget.core.config.Modes.Workers;
import org.benchtarget.core.config.Settings;
import org.benchtarget.core.config.SettingsException;
import org.benchtarget.core.config.SettingsParser;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The knobs of a ceiling (a bare server, {@code mode=ceiling}), parsed at start by the targets' own parser so that
 * host, port, database and pool sizes mean the same. A ceiling has none of the app's features, so any other knob
 * changed from its profile's value (gzip, cache, fixture headers, limits, injections...) is refused with one line
 * rather than silently ignored: a ratio to a ceiling that did not do what the knob says would mislead.
 */
public final class CeilingSettings {
    /** The knobs a ceiling honours; every other knob must keep its profile's value. */
    public static final Set<Knob> HONOURED = EnumSet.of(Knob.HOST, Knob.PORT, Knob.DB, Knob.DB_URL, Knob.DB_USER,
            Knob.DB_PASSWORD, Knob.DB_POOL, Knob.THREADS, Knob.IO_THREADS, Knob.BACKLOG);

    private CeilingSettings() {
    }

    /** Parses {@code [PROFILE] [--set knob=value]...} for the ceiling of {@code target} that runs {@code workers}. */
    public static Settings parse(String target, Workers workers, List<String> args, Map<String, String> env) {
        var settings = SettingsParser.fromArgs(args, env);
        var name = "ceiling of " + target + " (workers=" + knobValue(workers) + ")";
        if (settings.mode() != Mode.CEILING) {
            throw new SettingsException("mode=" + settings.mode().knobValue() + ": this main runs the " + name
                    + "; give a ceiling-* profile (bench profiles lists them)");
        }
        if (!settings.target().equals(target) || settings.workers() != workers) {
            throw new SettingsException("target=" + settings.target() + ", workers=" + knobValue(settings.workers())
                    + ": this main runs the " + name);
        }
        var profile = SettingsParser.parse(settings.profile(), Map.of(), List.of()).effective();
        for (var knob : Knob.values()) {
            var value = settings.effective().get(knob);
            if (!HONOURED.contains(knob) && !value.equals(profile.get(knob))) {
                throw new SettingsException(knob.key() + "=" + value + ": a ceiling honours only " + honoured());
            }
        }
        if (!settings.fixture().injections().isEmpty()) {
            throw new SettingsException(settings.fixture().injections().keySet().iterator().next()
                    + ": a ceiling injects nothing; it honours only " + honoured());
        }
        return settings;
    }

    private static String honoured() {
        return String.join(", ", HONOURED.stream().map(Knob::key).toList());
    }

    private static String knobValue(Workers workers) {
        return workers.name().toLowerCase(Locale.ROOT);
    }
}
