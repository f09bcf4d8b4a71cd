package org.benchtarget.bench.run.load;

import org.benchtarget.bench.BenchException;
import org.benchtarget.core.auth.Sessions;
import org.benchtarget.db.UserSeed;
import org.benchtarget.db.WallSeed;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Seed 002's httperf wall test: one authenticated GET of a 50-item wall, with a session cookie and no sign-in (the seed
 * passed a copied cookie with --add-header). Unlike the seed, whose every request was the same user (it warned that a
 * cache would then hit every time), each journey is a random user among {@code users} viewing its own wall: user N is a
 * member of wall ((N - 1) mod 200) + 1 in the seeded data. Parameters: users (1..1000, default 1000).
 */
final class WallJourney implements Journey {
    private final int users;
    private final SessionMint mint;

    WallJourney(Map<String, String> parameters, SessionMint mint) {
        if (mint == null) {
            throw new BenchException("journey wall sends session cookies signed with the targets' secret, which bench run "
                    + "gives only the targets it starts; against a running target use journey:login-wall");
        }
        this.users = users(parameters.getOrDefault("users", Integer.toString(UserSeed.COUNT)));
        this.mint = mint;
        for (var key : parameters.keySet()) {
            if (!key.equals("users")) {
                throw new BenchException("journey wall: unknown parameter '" + key + "' (it takes users=1.." + UserSeed.COUNT + ")");
            }
        }
    }

    /** The seeded wall of 50 items that this user is a member of. */
    static int ownWall(int userId) {
        return (userId - 1) % WallSeed.WALLS_OF_50 + 1;
    }

    @Override
    public boolean run(HttpSession session) throws IOException {
        int user = 1 + ThreadLocalRandom.current().nextInt(users);
        session.cookie(Sessions.COOKIE, mint.cookie(user));
        return session.fetch("/wall/" + ownWall(user)) == 200;
    }

    private static int users(String text) {
        try {
            int users = Integer.parseInt(text);
            if (users >= 1 && users <= UserSeed.COUNT) {
                return users;
            }
        } catch (NumberFormatException notANumber) {
            // the same line as out of range
        }
        throw new BenchException("journey wall: users=" + text + " is not 1.." + UserSeed.COUNT + " (the seeded users)");
    }
}
