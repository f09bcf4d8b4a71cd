package org.benchtarget.core.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The named profiles shipped in the jar ({@code profiles/NAME.properties}, listed in
 * {@code profiles/index}): each a set of knobs, its first comment line a description.
 */
public final class Profiles {
    /** The profile a target runs when none is named. */
    public static final String DEFAULT = "undertow-nio";

    private Profiles() {
    }

    public record Profile(String name, String description, Map<String, String> knobs) {
    }

    public static List<String> names() {
        var names = new ArrayList<String>();
        for (var line : lines("profiles/index")) {
            var name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                names.add(name);
            }
        }
        return names;
    }

    public static List<Profile> all() {
        return names().stream().map(Profiles::load).toList();
    }

    /** Returns the profile, or stops with one line naming the known ones. */
    public static Profile load(String name) {
        if (!name.matches("[a-z0-9][a-z0-9-]*") || !names().contains(name)) {
            throw new SettingsException("unknown profile '" + name + "'; known: " + String.join(", ", names()));
        }
        var knobs = new LinkedHashMap<String, String>();
        String description = "";
        for (var raw : lines("profiles/" + name + ".properties")) {
            var line = raw.strip();
            if (line.startsWith("#")) {
                if (description.isEmpty()) {
                    description = line.substring(1).strip();
                }
                continue;
            }
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 1) {
                throw new SettingsException("profile " + name + ": '" + line + "' is not key=value");
            }
            var key = line.substring(0, eq).strip();
            if (knobs.put(key, line.substring(eq + 1).strip()) != null) {
                throw new SettingsException("profile " + name + ": knob " + key + " given twice");
            }
        }
        return new Profile(name, description, knobs);
    }

    private static List<String> lines(String resource) {
        var stream = Profiles.class.getClassLoader().getResourceAsStream(resource);
        if (stream == null) {
            throw new SettingsException("missing resource " + resource + " (a broken build?)");
        }
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
