package org.benchtarget.bench.run.result;

import java.util.List;
import java.util.Map;

/**
 * Everything one {@code bench run} measured: written as results.json, read back by {@code bench compare}.
 * {@code loadHosts} is empty for one run; {@code bench merge} fills it with each load host's own measurements.
 */
public record Results(String experiment, String title, String seed, boolean quick, String driver, String started,
                      String finished, boolean interrupted, Map<String, String> machine, Map<String, String> settings,
                      List<ProfileInfo> profiles, List<Warmup> warmups, List<Measurement> measurements,
                      List<LoadHost> loadHosts) {

    public Results(String experiment, String title, String seed, boolean quick, String driver, String started,
                   String finished, boolean interrupted, Map<String, String> machine, Map<String, String> settings,
                   List<ProfileInfo> profiles, List<Warmup> warmups, List<Measurement> measurements) {
        this(experiment, title, seed, quick, driver, started, finished, interrupted, machine, settings, profiles, warmups,
                measurements, List.of());
    }

    public Results {
        loadHosts = loadHosts == null ? List.of() : loadHosts;
    }

    /** A profile as run: its label in the tables, the shipped profile and the effective knobs. */
    public record ProfileInfo(String label, String profile, Map<String, String> knobs) {
    }

    /** One load host's part of a merged run: its folder's name, its machine, and what it measured by itself. */
    public record LoadHost(String name, Map<String, String> machine, String started, String finished,
                           List<Measurement> measurements) {
    }
}
