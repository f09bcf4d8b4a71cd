package org.benchtarget.db;

import org.benchtarget.db.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WallSeedIT {

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void storesUsersWallsItemsAndMediaAsGenerated(DbKind kind) throws SQLException {
        try (var dataSource = Database.open(TestDatabases.fresh(kind))) {
            var data = WallSeed.generate();
            assertThat(strings(dataSource, "SELECT COUNT(*) FROM users")).containsExactly("1000");
            assertThat(strings(dataSource, "SELECT username || '/' || display_name || '/' || time_zone FROM users ORDER BY id"))
                    .isEqualTo(UserSeed.users().stream().map(u -> u.username() + "/" + u.displayName() + "/" + u.timeZone()).toList());
            assertThat(strings(dataSource, "SELECT COUNT(*) FROM wall_items GROUP BY wall_id ORDER BY wall_id"))
                    .hasSize(202).startsWith("50").endsWith("10", "200");
            assertThat(strings(dataSource, "SELECT wall_id FROM wall_members WHERE user_id = 1 ORDER BY wall_id"))
                    .contains("1", "2", "201", "202");
            assertThat(strings(dataSource, "SELECT COUNT(DISTINCT user_id) FROM wall_members")).containsExactly("1000");
            assertThat(items(dataSource)).isEqualTo(data.items());
            assertThat(strings(dataSource, "SELECT body_html FROM wall_items ORDER BY id"))
                    .isEqualTo(data.items().stream().map(item -> ItemMarkup.toHtml(item.body())).toList());
            assertThat(strings(dataSource, "SELECT COUNT(*) FROM item_media")).containsExactly(Integer.toString(data.media().size()));
            assertThat(strings(dataSource, "SELECT DISTINCT kind FROM item_media ORDER BY kind")).containsExactly("link", "photo", "video");
            assertThat(strings(dataSource, "SELECT COUNT(*) FROM wall_items WHERE wall_id = 2 AND sender_id <> 1"))
                    .as("user1 sees others' items on wall 2").doesNotContain("0");
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aResetRewritesTheWholeSeedAndPrintsHowLongItTook(DbKind kind) throws SQLException {
        // the time is printed, not asserted (machines are shared); the "well under 5 s" is read off it
        try (var dataSource = Database.open(TestDatabases.fresh(kind))) {
            long start = System.nanoTime();
            Seeder.standard().reset(dataSource);
            System.out.printf("seeding %s took %d ms%n", kind, (System.nanoTime() - start) / 1_000_000);
            assertThat(strings(dataSource, "SELECT COUNT(*) FROM users")).containsExactly("1000");
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void itemsPostedLaterTakeIdsAboveTheSeededOnes(DbKind kind) throws SQLException {
        try (var dataSource = Database.open(TestDatabases.fresh(kind));
             var connection = dataSource.getConnection();
             var insert = connection.prepareStatement("""
                     INSERT INTO wall_items (wall_id, sender_id, sent_at, body, body_html) VALUES (1, 1, CURRENT_TIMESTAMP, 'x', 'x')""",
                     new String[]{"id"})) {
            insert.executeUpdate();
            try (var keys = insert.getGeneratedKeys()) {
                assertThat(keys.next()).isTrue();
                assertThat(keys.getLong(1)).isEqualTo(1_000_001L);
            }
        }
    }

    private static List<WallSeed.Item> items(DataSource dataSource) throws SQLException {
        var items = new ArrayList<WallSeed.Item>();
        try (var connection = dataSource.getConnection();
             var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT id, wall_id, sender_id, sent_at, body FROM wall_items ORDER BY id")) {
            while (rows.next()) {
                items.add(new WallSeed.Item(rows.getLong(1), rows.getInt(2), rows.getInt(3),
                        rows.getObject(4, OffsetDateTime.class).toInstant(), rows.getString(5)));
            }
        }
        return items;
    }

    private static List<String> strings(DataSource dataSource, String sql) throws SQLException {
        var values = new ArrayList<String>();
        try (var connection = dataSource.getConnection();
             var statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
