package org.benchtarget.bench.run.result;

import java.util.List;
import java.util.Map;

/** Everything one {@code bench run} measured: written as results.json, read back by {@code bench compare}. */
public record Results(String experiment, String title, String seed, boolean quick, String driver, String started,
                      String finished, boolean interrupted, Map<String, String> machine, Map<String, String> settings,
                      List<ProfileInfo> profiles, List<Warmup> warmups, List<Measurement> measurements) {

    /** A profile as run: its label in the tables, the shipped profile and the effective knobs. */
    public record ProfileInfo(String label, String profile, Map<String, String> knobs) {
    }
}
