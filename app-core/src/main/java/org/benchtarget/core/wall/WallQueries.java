package org.benchtarget.core.wall;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The SQL of walls. The naive statements are what an ORM issues when a template walks
 * {@code wall.items}, then each item's sender and media; the joined ones fetch the same in a
 * constant number of statements. Each method runs on the request's one connection.
 */
final class WallQueries {
    /** The signed-in user, as a wall page needs them. */
    record Viewer(int id, String displayName, ZoneId zone) {
    }

    record Wall(int id, String title, int ownerId) {
    }

    record Media(String kind, String url, String caption) {
    }

    /** An item; body is set in naive mode (filtered when shown), bodyHtml in joined mode (filtered when written). */
    record Item(long id, int senderId, String senderName, Instant sentAt, String body, SafeHtml bodyHtml, List<Media> media) {
    }

    /** A wall the viewer belongs to, for the signed-in home page. */
    record WallLink(int id, String title) {
    }

    /** What the joined mode's first statement answers: viewer (null: no such user), wall (null: none) and membership. */
    record Access(Viewer viewer, Wall wall, boolean member) {
    }

    // ---- naive: one statement per object, as an ORM walks them

    private static final String SELECT_VIEWER = """
            SELECT display_name, time_zone FROM users WHERE id = ?""";
    private static final String SELECT_WALL = """
            SELECT title, owner_id FROM walls WHERE id = ?""";
    private static final String SELECT_MEMBERSHIP = """
            SELECT 1 FROM wall_members WHERE wall_id = ? AND user_id = ?""";
    private static final String SELECT_MEMBERS = """
            SELECT user_id FROM wall_members WHERE wall_id = ?""";
    private static final String SELECT_ITEMS = """
            SELECT id, sender_id, sent_at, body FROM wall_items WHERE wall_id = ? ORDER BY sent_at DESC, id DESC""";
    private static final String SELECT_SENDER = """
            SELECT display_name FROM users WHERE id = ?""";
    private static final String SELECT_ITEM_MEDIA = """
            SELECT kind, url, caption FROM item_media WHERE item_id = ? ORDER BY position""";

    static Viewer viewer(Connection connection, int userId) throws SQLException {
        try (var statement = prepare(connection, SELECT_VIEWER, userId); var rows = statement.executeQuery()) {
            return rows.next() ? new Viewer(userId, rows.getString(1), ZoneId.of(rows.getString(2))) : null;
        }
    }

    static Wall wall(Connection connection, int wallId) throws SQLException {
        try (var statement = prepare(connection, SELECT_WALL, wallId); var rows = statement.executeQuery()) {
            return rows.next() ? new Wall(wallId, rows.getString(1), rows.getInt(2)) : null;
        }
    }

    static boolean isMember(Connection connection, int wallId, int userId) throws SQLException {
        try (var statement = prepare(connection, SELECT_MEMBERSHIP, wallId, userId); var rows = statement.executeQuery()) {
            return rows.next();
        }
    }

    static Set<Integer> members(Connection connection, int wallId) throws SQLException {
        var members = new HashSet<Integer>();
        try (var statement = prepare(connection, SELECT_MEMBERS, wallId); var rows = statement.executeQuery()) {
            while (rows.next()) {
                members.add(rows.getInt(1));
            }
        }
        return Set.copyOf(members);
    }

    /** Returns the wall's items newest first: 1 statement for the items, then 2 per item. */
    static List<Item> itemsOneByOne(Connection connection, int wallId) throws SQLException {
        record Row(long id, int senderId, Instant sentAt, String body) {
        }
        var rows = new ArrayList<Row>();
        try (var statement = prepare(connection, SELECT_ITEMS, wallId); var result = statement.executeQuery()) {
            while (result.next()) {
                rows.add(new Row(result.getLong(1), result.getInt(2), instant(result, 3), result.getString(4)));
            }
        }
        var items = new ArrayList<Item>(rows.size());
        for (var row : rows) {
            String sender;
            try (var statement = prepare(connection, SELECT_SENDER, row.senderId()); var result = statement.executeQuery()) {
                sender = result.next() ? result.getString(1) : "";
            }
            var media = new ArrayList<Media>();
            try (var statement = connection.prepareStatement(SELECT_ITEM_MEDIA)) {
                statement.setLong(1, row.id());
                try (var result = statement.executeQuery()) {
                    while (result.next()) {
                        media.add(new Media(result.getString(1), result.getString(2), result.getString(3)));
                    }
                }
            }
            items.add(new Item(row.id(), row.senderId(), sender, row.sentAt(), row.body(), null, List.copyOf(media)));
        }
        return items;
    }

    // ---- joined: a constant handful, whatever the item count

    private static final String SELECT_ACCESS = """
            SELECT v.display_name, v.time_zone, w.id, w.title, w.owner_id,
                   (SELECT COUNT(*) FROM wall_members m WHERE m.wall_id = w.id AND m.user_id = v.id)
            FROM users v LEFT JOIN walls w ON w.id = ?
            WHERE v.id = ?""";
    private static final String SELECT_WALL_MEMBERS = """
            SELECT w.title, w.owner_id, m.user_id
            FROM walls w LEFT JOIN wall_members m ON m.wall_id = w.id
            WHERE w.id = ?""";
    private static final String SELECT_ITEMS_WITH_SENDERS = """
            SELECT i.id, i.sender_id, u.display_name, i.sent_at, i.body_html
            FROM wall_items i JOIN users u ON u.id = i.sender_id
            WHERE i.wall_id = ?
            ORDER BY i.sent_at DESC, i.id DESC""";
    private static final String SELECT_WALL_MEDIA = """
            SELECT item_id, kind, url, caption FROM item_media WHERE wall_id = ? ORDER BY item_id, position""";

    static Access access(Connection connection, int wallId, int userId) throws SQLException {
        try (var statement = prepare(connection, SELECT_ACCESS, wallId, userId); var rows = statement.executeQuery()) {
            if (!rows.next()) {
                return new Access(null, null, false);
            }
            var viewer = new Viewer(userId, rows.getString(1), ZoneId.of(rows.getString(2)));
            rows.getInt(3);
            var wall = rows.wasNull() ? null : new Wall(wallId, rows.getString(4), rows.getInt(5));
            return new Access(viewer, wall, rows.getInt(6) > 0);
        }
    }

    /** Returns the wall and its members in one statement, or null when there is no such wall. */
    static Map.Entry<Wall, Set<Integer>> wallWithMembers(Connection connection, int wallId) throws SQLException {
        Wall wall = null;
        var members = new HashSet<Integer>();
        try (var statement = prepare(connection, SELECT_WALL_MEMBERS, wallId); var rows = statement.executeQuery()) {
            while (rows.next()) {
                wall = wall != null ? wall : new Wall(wallId, rows.getString(1), rows.getInt(2));
                int member = rows.getInt(3);
                if (!rows.wasNull()) {
                    members.add(member);
                }
            }
        }
        return wall == null ? null : Map.entry(wall, Set.copyOf(members));
    }

    /** Returns the wall's items newest first, with senders and media, in 2 statements. */
    static List<Item> itemsJoined(Connection connection, int wallId) throws SQLException {
        var media = new HashMap<Long, List<Media>>();
        try (var statement = prepare(connection, SELECT_WALL_MEDIA, wallId); var rows = statement.executeQuery()) {
            while (rows.next()) {
                media.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>(3))
                        .add(new Media(rows.getString(2), rows.getString(3), rows.getString(4)));
            }
        }
        var items = new ArrayList<Item>();
        try (var statement = prepare(connection, SELECT_ITEMS_WITH_SENDERS, wallId); var rows = statement.executeQuery()) {
            while (rows.next()) {
                long id = rows.getLong(1);
                items.add(new Item(id, rows.getInt(2), rows.getString(3), instant(rows, 4), null, new SafeHtml(rows.getString(5)),
                        List.copyOf(media.getOrDefault(id, List.of()))));
            }
        }
        return items;
    }

    // ---- cache validation, the signed-in home page

    private static final String SELECT_STAMP = """
            SELECT stamp FROM wall_stamps WHERE wall_id = ?""";
    private static final String SELECT_WALLS_OF = """
            SELECT w.id, w.title FROM wall_members m JOIN walls w ON w.id = m.wall_id
            WHERE m.user_id = ? ORDER BY w.id""";

    /** Returns the wall's stamp, or null when there is no such wall. */
    static Long stamp(Connection connection, int wallId) throws SQLException {
        try (var statement = prepare(connection, SELECT_STAMP, wallId); var rows = statement.executeQuery()) {
            return rows.next() ? rows.getLong(1) : null;
        }
    }

    static List<WallLink> wallsOf(Connection connection, int userId) throws SQLException {
        var walls = new ArrayList<WallLink>();
        try (var statement = prepare(connection, SELECT_WALLS_OF, userId); var rows = statement.executeQuery()) {
            while (rows.next()) {
                walls.add(new WallLink(rows.getInt(1), rows.getString(2)));
            }
        }
        return List.copyOf(walls);
    }

    // ---- writes: the same in every mode; each changes the wall's stamp in its transaction

    /** Who may write: the wall's owner and whether the user is a member; null when there is no such wall. */
    record WriteAccess(int ownerId, boolean member) {
    }

    /** Who may remove an item: its sender and its wall's owner. */
    record ItemOwners(int senderId, int ownerId) {
    }

    private static final String SELECT_WRITE_ACCESS = """
            SELECT w.owner_id, (SELECT COUNT(*) FROM wall_members m WHERE m.wall_id = w.id AND m.user_id = ?)
            FROM walls w WHERE w.id = ?""";
    private static final String SELECT_ITEM_OWNERS = """
            SELECT i.sender_id, w.owner_id FROM wall_items i JOIN walls w ON w.id = i.wall_id
            WHERE i.id = ? AND i.wall_id = ?""";
    private static final String INSERT_ITEM = """
            INSERT INTO wall_items (wall_id, sender_id, sent_at, body, body_html) VALUES (?, ?, ?, ?, ?)""";
    private static final String INSERT_MEDIA = """
            INSERT INTO item_media (item_id, wall_id, position, kind, url, caption) VALUES (?, ?, 1, ?, ?, ?)""";
    private static final String DELETE_MEDIA = """
            DELETE FROM item_media WHERE item_id = ?""";
    private static final String DELETE_ITEM = """
            DELETE FROM wall_items WHERE id = ? AND wall_id = ?""";
    private static final String UPDATE_STAMP = """
            UPDATE wall_stamps SET stamp = ? WHERE wall_id = ?""";

    static WriteAccess writeAccess(Connection connection, int wallId, int userId) throws SQLException {
        try (var statement = prepare(connection, SELECT_WRITE_ACCESS, userId, wallId); var rows = statement.executeQuery()) {
            return rows.next() ? new WriteAccess(rows.getInt(1), rows.getInt(2) > 0) : null;
        }
    }

    static ItemOwners itemOwners(Connection connection, long itemId, int wallId) throws SQLException {
        try (var statement = connection.prepareStatement(SELECT_ITEM_OWNERS)) {
            statement.setLong(1, itemId);
            statement.setInt(2, wallId);
            try (var rows = statement.executeQuery()) {
                return rows.next() ? new ItemOwners(rows.getInt(1), rows.getInt(2)) : null;
            }
        }
    }

    /** Adds an item (and its medium, when given) and changes the wall's stamp, in one transaction. */
    static void addItem(Connection connection, int wallId, int senderId, Instant sentAt, String body, String bodyHtml, Media media)
            throws SQLException {
        inTransaction(connection, () -> {
            long itemId;
            try (var insert = connection.prepareStatement(INSERT_ITEM, new String[]{"id"})) {
                insert.setInt(1, wallId);
                insert.setInt(2, senderId);
                insert.setObject(3, OffsetDateTime.ofInstant(sentAt, ZoneOffset.UTC));
                insert.setString(4, body);
                insert.setString(5, bodyHtml);
                insert.executeUpdate();
                try (var keys = insert.getGeneratedKeys()) {
                    keys.next();
                    itemId = keys.getLong(1);
                }
            }
            if (media != null) {
                try (var insert = connection.prepareStatement(INSERT_MEDIA)) {
                    insert.setLong(1, itemId);
                    insert.setInt(2, wallId);
                    insert.setString(3, media.kind());
                    insert.setString(4, media.url());
                    insert.setString(5, media.caption());
                    insert.executeUpdate();
                }
            }
            changeStamp(connection, wallId);
        });
    }

    /** Removes an item and its media and changes the wall's stamp, in one transaction. */
    static void removeItem(Connection connection, long itemId, int wallId) throws SQLException {
        inTransaction(connection, () -> {
            try (var delete = connection.prepareStatement(DELETE_MEDIA)) {
                delete.setLong(1, itemId);
                delete.executeUpdate();
            }
            try (var delete = connection.prepareStatement(DELETE_ITEM)) {
                delete.setLong(1, itemId);
                delete.setInt(2, wallId);
                delete.executeUpdate();
            }
            changeStamp(connection, wallId);
        });
    }

    /**
     * A random new stamp rather than a counter: a reset puts every stamp back to 0 with the seed
     * data, and a counter could then climb back to a value a process cached before the reset.
     */
    private static void changeStamp(Connection connection, int wallId) throws SQLException {
        try (var update = connection.prepareStatement(UPDATE_STAMP)) {
            long stamp;
            do {
                stamp = ThreadLocalRandom.current().nextLong();
            } while (stamp == 0);
            update.setLong(1, stamp);
            update.setInt(2, wallId);
            update.executeUpdate();
        }
    }

    private interface Work {
        void run() throws SQLException;
    }

    private static void inTransaction(Connection connection, Work work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            work.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, int... values) throws SQLException {
        var statement = connection.prepareStatement(sql);
        for (int i = 0; i < values.length; i++) {
            statement.setInt(i + 1, values[i]);
        }
        return statement;
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        return rows.getObject(column, OffsetDateTime.class).toInstant();
    }
}
