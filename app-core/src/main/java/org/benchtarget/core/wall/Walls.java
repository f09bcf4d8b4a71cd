package org.benchtarget.core.wall;

import gg.jte.TemplateEngine;
import io.micrometer.core.instrument.MeterRegistry;
import org.benchtarget.core.auth.Sessions;
import org.benchtarget.core.config.Modes;
import org.benchtarget.core.web.Csrf;
import org.benchtarget.core.web.Forms;
import org.benchtarget.core.web.Header;
import org.benchtarget.core.web.HttpProblem;
import org.benchtarget.core.web.PathParams;
import org.benchtarget.core.web.WebRequest;
import org.benchtarget.core.web.WebResult;
import org.benchtarget.db.ItemMarkup;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Seed 002's wall: GET /wall/{id}, POST /wall/{id}/items, POST /wall/{id}/items/{item}/remove, and
 * the signed-in home page. Statements per GET: naive 4 + 2 per item (viewer, wall, membership,
 * items, then each item's sender and media); joined 3; cache=data 1 on a hit (the wall's stamp).
 * Thread-safe.
 */
public final class Walls {
    private final DataSource dataSource;
    private final Sessions sessions;
    private final Csrf csrf;
    private final boolean naive;
    private final WallCache cache;
    private final WallView view;
    private final Clock clock;

    public Walls(DataSource dataSource, TemplateEngine templates, Sessions sessions, Csrf csrf, Modes.WallQueries mode,
                 boolean cacheData, MeterRegistry registry, Clock clock) {
        this.dataSource = dataSource;
        this.sessions = sessions;
        this.csrf = csrf;
        this.naive = mode == Modes.WallQueries.NAIVE;
        this.cache = cacheData ? new WallCache(registry) : null;
        this.view = new WallView(templates);
        this.clock = clock;
    }

    private record Shown(WallQueries.Viewer viewer, WallQueries.Wall wall, List<WallQueries.Item> items) {
    }

    /** GET /wall/{id}. */
    public WebResult show(WebRequest request, PathParams params) throws SQLException {
        int wallId = wallId(params);
        var session = sessions.read(request);
        if (session.isEmpty()) {
            return Sessions.toLogin("/wall/" + wallId);
        }
        int userId = session.get().userId();
        Shown shown;
        try (var connection = dataSource.getConnection()) {
            shown = cache != null ? cached(connection, wallId, userId) : naive ? naive(connection, wallId, userId) : joined(connection, wallId, userId);
        }
        if (shown == null) {
            return Sessions.toLogin("/wall/" + wallId); // a validly signed session of a user the database no longer has
        }
        return view.wall(shown.viewer(), shown.wall(), shown.items(), csrf.token(session.get().subject()));
    }

    private static Shown naive(Connection connection, int wallId, int userId) throws SQLException {
        var viewer = WallQueries.viewer(connection, userId);
        if (viewer == null) {
            return null;
        }
        var wall = WallQueries.wall(connection, wallId);
        if (wall == null) {
            throw noSuchWall(wallId);
        }
        if (!WallQueries.isMember(connection, wallId, userId)) {
            throw notMember();
        }
        return new Shown(viewer, wall, WallQueries.itemsOneByOne(connection, wallId));
    }

    private static Shown joined(Connection connection, int wallId, int userId) throws SQLException {
        var access = WallQueries.access(connection, wallId, userId);
        if (access.viewer() == null) {
            return null;
        }
        if (access.wall() == null) {
            throw noSuchWall(wallId);
        }
        if (!access.member()) {
            throw notMember();
        }
        return new Shown(access.viewer(), access.wall(), WallQueries.itemsJoined(connection, wallId));
    }

    /** cache=data: one statement (the stamp) when the wall and the viewer are cached. */
    private Shown cached(Connection connection, int wallId, int userId) throws SQLException {
        var stamp = WallQueries.stamp(connection, wallId);
        if (stamp == null) {
            throw noSuchWall(wallId);
        }
        var entry = cache.wall(wallId, stamp);
        if (entry == null) {
            // the stamp was read first: data written after it is labelled with the old stamp and reloaded next time
            entry = load(connection, wallId, stamp);
            cache.walls.put(wallId, entry);
        }
        var viewer = cache.viewers.getIfPresent(userId);
        if (viewer == null) {
            viewer = WallQueries.viewer(connection, userId);
            if (viewer == null) {
                return null;
            }
            cache.viewers.put(userId, viewer);
        }
        if (!entry.members().contains(userId)) {
            throw notMember();
        }
        return new Shown(viewer, entry.wall(), entry.items());
    }

    private WallCache.Entry load(Connection connection, int wallId, long stamp) throws SQLException {
        if (naive) {
            var wall = WallQueries.wall(connection, wallId);
            if (wall == null) {
                throw noSuchWall(wallId);
            }
            return new WallCache.Entry(stamp, wall, WallQueries.members(connection, wallId), WallQueries.itemsOneByOne(connection, wallId));
        }
        var wall = WallQueries.wallWithMembers(connection, wallId);
        if (wall == null) {
            throw noSuchWall(wallId);
        }
        return new WallCache.Entry(stamp, wall.getKey(), wall.getValue(), WallQueries.itemsJoined(connection, wallId));
    }

    /** GET / with a valid session: a greeting and the viewer's walls; empty for anyone else. */
    public Optional<WebResult> home(WebRequest request) throws SQLException {
        var session = sessions.read(request);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        int userId = session.get().userId();
        var viewer = cache == null ? null : cache.viewers.getIfPresent(userId);
        var walls = cache == null ? null : cache.wallsOf.getIfPresent(userId);
        if (viewer == null || walls == null) {
            try (var connection = dataSource.getConnection()) {
                viewer = viewer != null ? viewer : WallQueries.viewer(connection, userId);
                if (viewer == null) {
                    return Optional.empty();
                }
                walls = walls != null ? walls : WallQueries.wallsOf(connection, userId);
            }
            if (cache != null) {
                cache.viewers.put(userId, viewer);
                cache.wallsOf.put(userId, walls);
            }
        }
        return Optional.of(view.mine(viewer, walls, csrf.token(session.get().subject())));
    }

    /** POST /wall/{id}/items: session, CSRF, membership, a valid form; then 303 back to the wall. */
    public WebResult post(WebRequest request, PathParams params) throws IOException, SQLException {
        int wallId = wallId(params);
        var session = sessions.read(request);
        if (session.isEmpty()) {
            return Sessions.toLogin("/wall/" + wallId);
        }
        var form = Forms.read(request);
        csrf.check(session.get().subject(), form.single(Csrf.FIELD));
        int userId = session.get().userId();
        try (var connection = dataSource.getConnection()) {
            var access = WallQueries.writeAccess(connection, wallId, userId);
            if (access == null) {
                throw noSuchWall(wallId);
            }
            if (!access.member()) {
                throw notMember();
            }
            var item = ItemForm.parse(form);
            WallQueries.addItem(connection, wallId, userId, clock.instant().truncatedTo(ChronoUnit.SECONDS),
                    item.body(), ItemMarkup.toHtml(item.body()), item.media());
        }
        return backTo(wallId);
    }

    /** POST /wall/{id}/items/{item}/remove: the item's sender or the wall's owner only. */
    public WebResult remove(WebRequest request, PathParams params) throws IOException, SQLException {
        int wallId = wallId(params);
        long itemId = params.id(1);
        var session = sessions.read(request);
        if (session.isEmpty()) {
            return Sessions.toLogin("/wall/" + wallId);
        }
        csrf.check(session.get().subject(), Forms.read(request).single(Csrf.FIELD));
        int userId = session.get().userId();
        try (var connection = dataSource.getConnection()) {
            var owners = WallQueries.itemOwners(connection, itemId, wallId);
            if (owners == null) {
                throw new HttpProblem(404, "no item " + itemId + " on wall " + wallId);
            }
            if (userId != owners.senderId() && userId != owners.ownerId()) {
                throw new HttpProblem(403, "only the item's sender or the wall's owner may remove it");
            }
            WallQueries.removeItem(connection, itemId, wallId);
        }
        return backTo(wallId);
    }

    private static int wallId(PathParams params) {
        long id = params.id(0);
        if (id > Integer.MAX_VALUE) {
            throw noSuchWall(id);
        }
        return (int) id;
    }

    private static WebResult backTo(int wallId) {
        return WebResult.empty(303, List.of(new Header("Location", "/wall/" + wallId)));
    }

    private static HttpProblem noSuchWall(long wallId) {
        return new HttpProblem(404, "no wall " + wallId);
    }

    private static HttpProblem notMember() {
        return new HttpProblem(403, "you are not a member of this wall");
    }
}
