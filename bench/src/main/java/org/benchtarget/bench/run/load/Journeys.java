package org.benchtarget.bench.run.load;

import org.benchtarget.bench.BenchException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Turns an experiment's endpoint entry into a workload: {@code /path} is a GET; {@code journey:NAME}
 * or {@code journey:NAME?key=value&...} is a scripted journey registered here (the plug-in list).
 */
public final class Journeys {
    private static final Map<String, BiFunction<Map<String, String>, SessionMint, Journey>> REGISTERED = new LinkedHashMap<>();
    /** The journeys that send cookies signed with the targets' secret instead of signing in. */
    private static final String MINTS_SESSIONS = "wall";

    static {
        REGISTERED.put("login-wall", (parameters, mint) -> new LoginWallJourney(parameters));
        REGISTERED.put("seven-surveys", (parameters, mint) -> new SevenSurveysJourney(parameters));
        REGISTERED.put(MINTS_SESSIONS, WallJourney::new);
    }

    private Journeys() {
    }

    /** Whether this endpoint entry is a journey that needs a {@link SessionMint} (the targets' secret). */
    public static boolean mintsSessions(String entry) {
        return entry.equals("journey:" + MINTS_SESSIONS) || entry.startsWith("journey:" + MINTS_SESSIONS + "?");
    }

    /** Returns the workload, or stops with one line when the journey is not in this build. */
    public static Workload workload(String entry) {
        return workload(entry, null);
    }

    /** As {@link #workload(String)}; {@code mint} (null: none) signs the session cookies of journeys that need them. */
    public static Workload workload(String entry, SessionMint mint) {
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
        return new Workload.Scripted(entry, factory.apply(parameters, mint));
    }
}
