package org.benchtarget.jetty;

import jakarta.servlet.ServletContext;
import org.benchtarget.core.config.Settings;
import org.benchtarget.core.config.SettingsParser;
import org.benchtarget.core.config.TargetSupport;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The Settings of the WAR in a standalone Jetty. Sources, later winning: the profile named by
 * {@code bench.profile} (a system property, else a context init parameter, else
 * {@value #DEFAULT_PROFILE}), {@code BENCH_*} environment variables, context init parameters
 * {@code bench.set.KNOB}, then system properties {@code -Dbench.set.KNOB=value}. The container owns
 * port, threads and gzip: its jetty-base must say the same (bench serve writes both).
 */
final class ContainerSettings {
    static final String PROFILE = "bench.profile";
    static final String SET_PREFIX = "bench.set.";
    static final String DEFAULT_PROFILE = "jetty-container";
    static final TargetSupport SUPPORT = TargetSupport.JETTY_CONTAINER;

    private ContainerSettings() {
    }

    static Settings from(ServletContext context) {
        var initParams = new LinkedHashMap<String, String>();
        for (var name : Collections.list(context.getInitParameterNames())) {
            initParams.put(name, context.getInitParameter(name));
        }
        return parse(initParams, System.getProperties(), System.getenv());
    }

    static Settings parse(Map<String, String> initParams, Properties system, Map<String, String> env) {
        var profile = system.getProperty(PROFILE, initParams.getOrDefault(PROFILE, DEFAULT_PROFILE));
        var sets = new TreeMap<String, String>();
        initParams.forEach((name, value) -> {
            if (name.startsWith(SET_PREFIX)) {
                sets.put(name.substring(SET_PREFIX.length()), value);
            }
        });
        for (var name : system.stringPropertyNames()) {
            if (name.startsWith(SET_PREFIX)) {
                sets.put(name.substring(SET_PREFIX.length()), system.getProperty(name));
            }
        }
        List<String> pairs = sets.entrySet().stream().map(set -> set.getKey() + "=" + set.getValue()).toList();
        var settings = SettingsParser.parse(profile, env, pairs);
        SUPPORT.check(settings);
        return settings;
    }
}
