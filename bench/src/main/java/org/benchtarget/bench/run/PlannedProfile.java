package org.benchtarget.bench.run;

import org.benchtarget.bench.BenchException;
import org.benchtarget.bench.run.experiment.Experiment;
import org.benchtarget.bench.run.experiment.ProfileRef;
import org.benchtarget.bench.serve.Ceilings;
import org.benchtarget.bench.serve.TargetJars;
import org.benchtarget.core.config.Profiles;
import org.benchtarget.core.config.Settings;
import org.benchtarget.core.config.SettingsException;
import org.benchtarget.core.config.SettingsParser;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** A profile of an experiment ready to start: its entry, the parsed knobs, and the --set list the target gets. */
record PlannedProfile(ProfileRef ref, Settings settings, List<String> sets) {

    /** Returns the profiles to run, each checked (profile known, knobs valid, jar built, port free), or one line why not. */
    static List<PlannedProfile> plan(Experiment experiment, RunOptions options, PrintStream out) {
        var refs = experiment.profiles();
        if (!options.onlyProfiles().isEmpty()) {
            for (var wanted : options.onlyProfiles()) {
                if (refs.stream().noneMatch(ref -> ref.label().equals(wanted) || ref.entry().equals(wanted))) {
                    throw new BenchException("experiment " + experiment.name() + " has no profile " + wanted + " (it has: "
                            + String.join(", ", refs.stream().map(ProfileRef::label).toList()) + ")");
                }
            }
            refs = refs.stream().filter(ref -> options.onlyProfiles().contains(ref.label())
                    || options.onlyProfiles().contains(ref.entry())).toList();
        }
        var known = Profiles.names();
        var planned = new ArrayList<PlannedProfile>();
        var skipped = new ArrayList<String>();
        for (var ref : refs) {
            if (!known.contains(ref.profile()) && ref.optional() && options.onlyProfiles().isEmpty()) {
                skipped.add(ref.label());
                continue;
            }
            if (!known.contains(ref.profile())) {
                throw new BenchException("experiment " + experiment.name() + " needs profile " + ref.profile()
                        + ", which this build does not have (bench profiles lists them)");
            }
            var sets = new ArrayList<>(ref.sets());
            sets.addAll(options.sets());
            if (sets.stream().noneMatch(set -> set.startsWith("host="))) {
                sets.add("host=127.0.0.1");
            }
            if (sets.stream().noneMatch(set -> set.startsWith("port="))) {
                sets.add("port=0"); // the target picks a free port and prints it
            }
            Settings settings;
            try {
                settings = SettingsParser.parse(ref.profile(), System.getenv(), merge(sets));
            } catch (SettingsException e) {
                throw new BenchException("profile " + ref.label() + ": " + e.getMessage());
            }
            TargetJars.jar(settings);
            if (Ceilings.isNginx(settings) && !Ceilings.nginxInstalled()) {
                if (ref.optional() && options.onlyProfiles().isEmpty()) {
                    skipped.add(ref.label());
                    continue;
                }
                throw new BenchException("profile " + ref.label() + ": nginx is not installed (not on PATH nor in /usr/sbin); apt install nginx-light");
            }
            if (Ceilings.is(settings)) {
                Ceilings.mainClass(settings);
            }
            if (settings.port() != 0) {
                PortCheck.requireFree(settings.host(), settings.port());
            }
            planned.add(new PlannedProfile(ref, settings, merge(sets)));
        }
        if (planned.isEmpty()) {
            throw new BenchException("experiment " + experiment.name() + ": none of its profiles is in this build ("
                    + String.join(", ", refs.stream().map(ProfileRef::profile).toList()) + ")");
        }
        if (!skipped.isEmpty()) {
            out.println("skipping " + String.join(", ", skipped) + ": not in this build (or, ceiling-nginx, no nginx installed)");
        }
        return planned;
    }

    /** This profile with one more --set (bench run adds the contact point of the Cassandra node it started). */
    PlannedProfile with(String set) {
        var sets = new ArrayList<>(this.sets);
        sets.add(set);
        return new PlannedProfile(ref, SettingsParser.parse(ref.profile(), System.getenv(), merge(sets)), merge(sets));
    }

    /** Later --set of the same knob wins (the user's over the experiment's), as a target would not accept repeats. */
    private static List<String> merge(List<String> sets) {
        var byKey = new LinkedHashMap<String, String>();
        for (var set : sets) {
            int eq = set.indexOf('=');
            byKey.put(eq < 0 ? set : set.substring(0, eq).strip(), set);
        }
        return List.copyOf(byKey.values());
    }
}
