package org.benchtarget.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 002's users: {@code user1} .. {@code user1000} (id N is {@code userN}), each with a display
 * name and one of several time zones, all with the password {@link Passwords#SEEDED_PASSWORD}.
 */
public final class UserSeed implements SeedStep {
    public static final int COUNT = 1_000;
    /** Several zones on both sides of UTC, with and without daylight saving, so walls differ per viewer. */
    public static final List<String> ZONES = List.of("UTC", "Europe/London", "Europe/Berlin", "America/New_York",
            "America/Los_Angeles", "America/Sao_Paulo", "Asia/Kolkata", "Asia/Tokyo", "Australia/Sydney");
    private static final String[] FIRST = {
        "Ada", "Alan", "Barbara", "Brian", "Claude", "Donald", "Edsger", "Frances", "Grace", "Guido",
        "Hedy", "Ivan", "Jean", "John", "Ken", "Leslie", "Linus", "Margaret", "Niklaus", "Radia",
        "Rasmus", "Rob", "Shafi", "Sophie", "Tim", "Ward", "Whitfield", "Yukihiro",
    };
    private static final String[] LAST = {
        "Allen", "Backus", "Cerf", "Dijkstra", "Engelbart", "Floyd", "Goldberg", "Hamilton", "Hopper",
        "Kahn", "Knuth", "Lamport", "Liskov", "Lovelace", "McCarthy", "Moore", "Perlman", "Ritchie",
        "Shannon", "Sutherland", "Thompson", "Torvalds", "Turing", "Wilkes", "Wirth", "Wozniak",
    };
    private static final long SEED = 20080421L;

    private static final String INSERT = """
            INSERT INTO users (id, username, display_name, time_zone, password_hash) VALUES (?, ?, ?, ?, ?)""";

    /** A seeded user, as stored (apart from the hash, which every seeded user shares). */
    public record User(int id, String username, String displayName, String timeZone) {
    }

    /** Returns the users in id order: the same on every install. */
    public static List<User> users() {
        var random = new SeedRandom(SEED);
        var users = new ArrayList<User>(COUNT);
        for (int id = 1; id <= COUNT; id++) {
            var name = random.pick(FIRST) + " " + random.pick(LAST);
            users.add(new User(id, "user" + id, name, ZONES.get(random.nextInt(ZONES.size()))));
        }
        return List.copyOf(users);
    }

    @Override
    public void delete(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM users");
        }
    }

    @Override
    public void insert(Connection connection) throws SQLException {
        var hash = Passwords.seeded();
        try (var insert = connection.prepareStatement(INSERT)) {
            for (var user : users()) {
                insert.setInt(1, user.id());
                insert.setString(2, user.username());
                insert.setString(3, user.displayName());
                insert.setString(4, user.timeZone());
                insert.setString(5, hash);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
