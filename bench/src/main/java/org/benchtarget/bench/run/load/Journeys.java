package org.benchtarget.bench.run.load;

import org.benchtarget.bench.BenchException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns an experiment's endpoint entry into a workload: {@code /path} is a GET; {@code journey:NAME}
 * or {@code journey:NAME?key=value&...} is a scripted journey registered here (the plug-in list).
 */
public final class Journeys {
    private static final Map<String, Function<Map<String, String>, Journey>> REGISTERED = new LinkedHashMap<>();

    static {
        REGISTERED.put("login-wall", LoginWallJourney::new);
        REGISTERED.put("seven-surveys", SevenSurveysJourney::new);
    }

    private Journeys() {
    }

    /** Returns the workload, or stops with one line when the journey is not in this build. */
    public static Workload workload(String entry) {
        if (entry.startsWith("/")) {
            return new Workload.Get(entry);
        }
        if (!entry.startsWith("journey:")) {
            throw new BenchException("endpoint '" + entry + "': expected /path or journey:NAME");
        }
        var spec = entry.substring("journey:".length());
        int question = spec.indexOf('?');
        var name = question < 0 ? spec : spec.substring(0, question);
        var factory = REGISTERED.get(name);
        if (factory == null) {
            throw new BenchException("journey " + name + " is not available in this build (known: "
                    + String.join(", ", REGISTERED.keySet()) + ")");
        }
        var parameters = new LinkedHashMap<String, String>();
        if (question >= 0) {
            for (var pair : spec.substring(question + 1).split("&")) {
                int eq = pair.indexOf('=');
                if (eq < 1) {
                    throw new BenchException("journey " + name + ": '" + pair + "' is not key=value");
                }
                parameters.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return new Workload.Scripted(entry, factory.apply(parameters));
    }
}
