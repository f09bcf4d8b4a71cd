package org.benchtarget.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Seed 002's walls: {@value #WALLS_OF_50} walls of 50 items (wall N owned by userN), plus wall
 * {@value #SMALL_WALL} of 10 and wall {@value #LARGE_WALL} of 200 items (owned by user1) for
 * scaling runs. Every user is a member of at least one wall; user1 belongs to walls 1, 2, 201
 * and 202. Items have a sender, a time, a body with light markup and 0-3 media.
 */
public final class WallSeed implements SeedStep {
    public static final int WALLS_OF_50 = 200;
    public static final int SMALL_WALL = 201;
    public static final int LARGE_WALL = 202;
    /** The newest seeded item is at most this recent; seeded times are fixed, not relative to now. */
    public static final Instant NEWEST = Instant.parse("2026-11-01T12:00:00Z");
    private static final int EXTRA_MEMBERS = 5;
    private static final long SEED = 20080428L;

    public record Wall(int id, int ownerId, String title, List<Integer> members, int itemCount) {
    }

    public record Item(long id, int wallId, int senderId, Instant sentAt, String body) {
    }

    public record Media(long id, long itemId, int wallId, int position, String kind, String url, String caption) {
    }

    /** The whole generated data set, in insertion order. */
    public record Data(List<Wall> walls, List<Item> items, List<Media> media) {
    }

    /** Returns the walls, items and media: the same on every install. */
    public static Data generate() {
        var random = new SeedRandom(SEED);
        var walls = new ArrayList<Wall>();
        var items = new ArrayList<Item>();
        var media = new ArrayList<Media>();
        for (int id = 1; id <= LARGE_WALL; id++) {
            var wall = wall(random, id);
            walls.add(wall);
            var time = NEWEST.minus(Duration.ofMinutes(random.nextInt(24 * 60)));
            var times = new ArrayList<Instant>();
            for (int i = 0; i < wall.itemCount(); i++) {
                times.add(0, time);
                time = time.minus(Duration.ofMinutes(random.between(3, 12 * 60)));
            }
            for (var sentAt : times) {
                var item = new Item(items.size() + 1L, id, wall.members().get(random.nextInt(wall.members().size())), sentAt, body(random));
                items.add(item);
                int count = mediaCount(random);
                for (int position = 1; position <= count; position++) {
                    media.add(media(random, media.size() + 1L, item, position));
                }
            }
        }
        return new Data(List.copyOf(walls), List.copyOf(items), List.copyOf(media));
    }

    private static Wall wall(SeedRandom random, int id) {
        var members = new TreeSet<Integer>();
        int owner;
        int itemCount;
        if (id <= WALLS_OF_50) {
            owner = id;
            itemCount = 50;
            // every user belongs to the wall of its id modulo 200, so each one has a wall to sign in to
            for (int user = id; user <= UserSeed.COUNT; user += WALLS_OF_50) {
                members.add(user);
            }
            while (members.size() < UserSeed.COUNT / WALLS_OF_50 + EXTRA_MEMBERS) {
                members.add(random.between(1, UserSeed.COUNT));
            }
            if (id == 2) {
                members.add(1); // user1 sees a wall it does not own: items it may not remove
            }
        } else {
            owner = 1;
            itemCount = id == SMALL_WALL ? 10 : 200;
            for (int user = 1; user <= 12; user++) {
                members.add(user);
            }
        }
        var title = SeedText.words(random, 2) + " " + (id <= WALLS_OF_50 ? "friends" : id == SMALL_WALL ? "small wall" : "large wall");
        return new Wall(id, owner, title, List.copyOf(members), itemCount);
    }

    private static String body(SeedRandom random) {
        var text = new StringBuilder(SeedText.sentences(random, random.between(20, 160)));
        if (random.nextInt(4) == 0) {
            text.append(" That was *").append(SeedText.words(random, 1).toLowerCase(Locale.ROOT)).append("*!");
        }
        if (random.nextInt(4) == 0) {
            text.append(" See https://www.example.org/").append(SeedText.words(random, 1).toLowerCase(Locale.ROOT))
                    .append('/').append(random.nextInt(1000)).append('.');
        }
        if (random.nextInt(5) == 0) {
            text.append(random.nextInt(2) == 0 ? "\n" : "\n\n").append(SeedText.sentences(random, random.between(20, 120)));
        }
        if (random.nextInt(10) == 0) {
            text.append(" Q&A: <3 for \"quotes\" & 'apostrophes'.");
        }
        return text.toString();
    }

    private static int mediaCount(SeedRandom random) {
        int roll = random.nextInt(20);
        return roll < 10 ? 0 : roll < 16 ? 1 : roll < 19 ? 2 : 3;
    }

    private static Media media(SeedRandom random, long id, Item item, int position) {
        return switch (random.nextInt(3)) {
            case 0 -> new Media(id, item.id(), item.wallId(), position, "photo",
                    "https://media.example.com/photos/" + item.id() + "-" + position + ".jpg", "Photo: " + SeedText.words(random, 2));
            case 1 -> new Media(id, item.id(), item.wallId(), position, "video",
                    "https://video.example.com/watch?v=" + Long.toString(random.nextLong() & 0xFF_FFFF_FFFFL, 36), SeedText.words(random, 3));
            default -> new Media(id, item.id(), item.wallId(), position, "link",
                    "https://www.example.org/" + SeedText.words(random, 1).toLowerCase(Locale.ROOT) + "/" + random.nextInt(10_000),
                    SeedText.words(random, 4));
        };
    }

    @Override
    public void delete(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            for (var table : List.of("wall_stamps", "item_media", "wall_items", "wall_members", "walls")) {
                statement.executeUpdate("DELETE FROM " + table);
            }
        }
    }

    @Override
    public void insert(Connection connection) throws SQLException {
        var data = generate();
        try (var walls = connection.prepareStatement("INSERT INTO walls (id, owner_id, title) VALUES (?, ?, ?)");
             var members = connection.prepareStatement("INSERT INTO wall_members (wall_id, user_id) VALUES (?, ?)");
             var stamps = connection.prepareStatement("INSERT INTO wall_stamps (wall_id, stamp) VALUES (?, 0)")) {
            for (var wall : data.walls()) {
                walls.setInt(1, wall.id());
                walls.setInt(2, wall.ownerId());
                walls.setString(3, wall.title());
                walls.addBatch();
                for (var member : wall.members()) {
                    members.setInt(1, wall.id());
                    members.setInt(2, member);
                    members.addBatch();
                }
                stamps.setInt(1, wall.id());
                stamps.addBatch();
            }
            walls.executeBatch();
            members.executeBatch();
            stamps.executeBatch();
        }
        try (var items = connection.prepareStatement("""
                INSERT INTO wall_items (id, wall_id, sender_id, sent_at, body, body_html) VALUES (?, ?, ?, ?, ?, ?)""")) {
            for (var item : data.items()) {
                items.setLong(1, item.id());
                items.setInt(2, item.wallId());
                items.setInt(3, item.senderId());
                items.setObject(4, OffsetDateTime.ofInstant(item.sentAt(), ZoneOffset.UTC));
                items.setString(5, item.body());
                items.setString(6, ItemMarkup.toHtml(item.body()));
                items.addBatch();
            }
            items.executeBatch();
        }
        try (var media = connection.prepareStatement("""
                INSERT INTO item_media (id, item_id, wall_id, position, kind, url, caption) VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            for (var medium : data.media()) {
                media.setLong(1, medium.id());
                media.setLong(2, medium.itemId());
                media.setInt(3, medium.wallId());
                media.setInt(4, medium.position());
                media.setString(5, medium.kind());
                media.setString(6, medium.url());
                media.setString(7, medium.caption());
                media.addBatch();
            }
            media.executeBatch();
        }
    }
}
