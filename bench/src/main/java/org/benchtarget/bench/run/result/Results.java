package org.benchtarget.bench.run.result;

import org.benchtarget.bench.run.experiment.ResultShape;

import java.util.List;
import java.util.Map;

/**
 * Everything one {@code bench run} measured: written as results.json, read back by {@code bench compare}.
 * {@code loadHosts} is empty for one run; {@code bench merge} fills it with each load host's own measurements.
 * {@code shape} is the experiment's declared result shape (null: none, the generic report).
 */
public record Results(String experiment, String title, String seed, boolean quick, String driver, String started,
                      String finished, boolean interrupted, Map<String, String> machine, Map<String, String> settings,
                      List<ProfileInfo> profiles, List<Warmup> warmups, List<Measurement> measurements,
                      List<LoadHost> loadHosts, ResultShape shape) {

    public Results(String experiment, String title, String seed, boolean quick, String driver, String started,
                   String finished, boolean interrupted, Map<String, String> machine, Map<String, String> settings,
                   List<ProfileInfo> profiles, List<Warmup> warmups, List<Measurement> measurements,
                   List<LoadHost> loadHosts) {
        this(experiment, title, seed, quick, driver, started, finished, interrupted, machine, settings, profiles, warmups,
                measurements, loadHosts, null);
    }

    public Results(String experiment, String title, String seed, boolean quick, String driver, String started,
                   String finished, boolean interrupted, Map<String, String> machine, Map<String, String> settings,
                   List<ProfileInfo> profiles, List<Warmup> warmups, List<Measurement> measurements) {
        this(experiment, title, seed, quick, driver, started, finished, interrupted, machine, settings, profiles, warmups,
                measurements, List.of(), null);
    }

    public Results {
        loadHosts = loadHosts == null ? List.of() : loadHosts;
    }

    /** A profile as run: its label in the tables, the shipped profile, the effective knobs, the experiment's entry. */
    public record ProfileInfo(String label, String profile, Map<String, String> knobs, String entry) {
        public ProfileInfo(String label, String profile, Map<String, String> knobs) {
            this(label, profile, knobs, label);
        }
    }

    /** One load host's part of a merged run: its folder's name, its machine, and what it measured by itself. */
    public record LoadHost(String name, Map<String, String> machine, String started, String finished,
                           List<Measurement> measurements) {
    }
}
