package org.benchtarget.core.row;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.benchtarget.core.db.DataAccessException;
import org.benchtarget.core.web.Header;
import org.benchtarget.core.web.HttpProblem;
import org.benchtarget.core.web.QueryParams;
import org.benchtarget.core.web.WebResult;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Seed 000 test 2: one of the ten 2,500-character rows, picked uniformly at random or by
 * {@code ?id=N}. With {@code cache=data} the rows come from Caffeine (0 queries). Thread-safe.
 */
public final class Rows {
    public static final int COUNT = 10;

    private final RowQueries queries;
    private final Cache<Integer, byte[]> cache;

    public Rows(DataSource dataSource, boolean cacheData, MeterRegistry registry) {
        this.queries = new RowQueries(dataSource);
        if (cacheData) {
            this.cache = Caffeine.newBuilder().maximumSize(COUNT).recordStats().build();
            CaffeineCacheMetrics.monitor(registry, cache, "rows");
        } else {
            this.cache = null;
        }
    }

    /** GET /db and /db?id=N. */
    public WebResult row(QueryParams query) throws SQLException {
        int id = id(query.single("id"));
        byte[] body = cache == null ? load(id) : cache.get(id, this::loadUnchecked);
        return new WebResult(200, WebResult.TEXT, List.of(new Header("X-Row-Id", Integer.toString(id))), body);
    }

    private static int id(String text) {
        if (text == null) {
            return ThreadLocalRandom.current().nextInt(1, COUNT + 1);
        }
        if (text.isEmpty() || text.length() > 2 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw HttpProblem.badRequest("id must be a whole number from 1 to " + COUNT);
        }
        int id = Integer.parseInt(text);
        if (id < 1 || id > COUNT) {
            throw HttpProblem.badRequest("id must be a whole number from 1 to " + COUNT);
        }
        return id;
    }

    private byte[] load(int id) throws SQLException {
        var body = queries.body(id);
        if (body == null) {
            throw new IllegalStateException("row " + id + " is missing: reset the data (bench db reset)");
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] loadUnchecked(int id) {
        try {
            return load(id);
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }
}
