package org.benchtarget.bench;

import org.benchtarget.core.config.Profiles;
import picocli.CommandLine.Command;

/** {@code bench profiles}: every shipped profile with its knobs. */
@Command(name = "profiles", description = "List the profiles shipped with benchtarget and their knobs.")
final class ProfilesCommand implements Runnable {

    @Override
    public void run() {
        for (var profile : Profiles.all()) {
            System.out.printf("%-24s %s%n", profile.name(), profile.description());
            var knobs = new StringBuilder();
            profile.knobs().forEach((key, value) -> knobs.append(knobs.isEmpty() ? "" : " ").append(key).append('=').append(value));
            System.out.printf("%-24s %s%n", "", knobs);
        }
    }
}
