package org.benchtarget.bench;

import org.benchtarget.core.auth.Logins;
import org.benchtarget.core.auth.Sessions;
import org.benchtarget.core.config.SettingsParser;
import org.benchtarget.core.db.DataAccessException;
import org.benchtarget.core.db.SecretStore;
import org.benchtarget.core.web.Signer;
import org.benchtarget.db.Database;
import org.benchtarget.db.DbConfig;
import org.benchtarget.db.DbKind;
import org.benchtarget.db.Migrations;
import org.benchtarget.db.Seeder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bench token USER}: prints a valid {@code sessionid} value for a user without any HTTP, signed
 * with the key the targets on that database use, for load tools that send a fixed cookie.
 */
@Command(name = "token", description = {
        "Print a sessionid cookie value for USER (valid 14 days, in every process on the database), without HTTP.",
        "e.g. ab -C sessionid=$(bin/bench token user1 --set db=postgres) http://127.0.0.1:8080/wall/1"})
final class TokenCommand implements Runnable {
    @Parameters(index = "0", paramLabel = "USER", description = "user name, e.g. user1")
    String user;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PROFILE", description = "profile whose db and secret knobs to use")
    String profile;

    @Option(names = "--set", paramLabel = "KNOB=VALUE", description = "override a knob (db, db.url, db.user, db.password, secret)")
    List<String> sets = new ArrayList<>();

    @Override
    public void run() {
        var settings = SettingsParser.parse(profile, System.getenv(), sets);
        var db = settings.db();
        boolean inMemory = db.kind() == DbKind.H2 && db.url().contains(":mem:");
        if (inMemory && settings.secret().isEmpty()) {
            throw new BenchException("token: db=h2 in memory lives inside the target, with a key of its own; "
                    + "start the target and this command with the same --set secret=..., or use PostgreSQL");
        }
        try (var dataSource = Database.open(new DbConfig(db.kind(), db.url(), db.user(), db.password(), 2))) {
            if (inMemory) {
                // the seed is deterministic: a private copy has the same user ids as the target's
                Migrations.migrate(dataSource);
                Seeder.standard().seedIfNeeded(dataSource);
            }
            int userId = Logins.userId(dataSource, user);
            if (userId == 0) {
                throw new BenchException("token: no user '" + user + "' on " + db.describe() + " (the seed has user1 .. user1000)");
            }
            var signer = new Signer(SecretStore.signingKey(dataSource, settings.secret()));
            System.out.println(new Sessions(signer, Clock.systemUTC()).issue(userId));
        } catch (DataAccessException e) {
            throw new BenchException("token: cannot read the users on " + db.describe() + ": " + e.getMessage()
                    + " (start a target on it first, or run bench db reset)");
        }
    }
}
