package org.benchtarget.core.survey;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.benchtarget.core.db.DataAccessException;
import org.benchtarget.core.web.HttpProblem;

import java.util.Collections;
import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The survey definitions, from the database on every request ({@code cache=off}) or from
 * Caffeine ({@code cache=data}: all seven loaded once, 0 queries afterwards). The app never
 * changes them and a reset writes them back identical, so the cache needs no invalidation.
 * Thread-safe.
 */
final class SurveyDefinitions {
    private final SurveyQueries queries;
    private final LoadingCache<String, Map<Integer, Survey>> cache;

    SurveyDefinitions(DataSource dataSource, boolean cacheData, MeterRegistry registry) {
        this.queries = new SurveyQueries(dataSource);
        if (cacheData) {
            this.cache = Caffeine.newBuilder().maximumSize(1).recordStats().build(key -> loadAll());
            CaffeineCacheMetrics.monitor(registry, cache, "surveys");
        } else {
            this.cache = null;
        }
    }

    /** Returns survey {@code id}, or a 404. */
    Survey get(long id) throws SQLException {
        if (id < 1 || id > Integer.MAX_VALUE) {
            throw notFound(id);
        }
        var survey = cache == null ? queries.one((int) id) : cache.get("all").get((int) id);
        if (survey == null) {
            throw notFound(id);
        }
        return survey;
    }

    List<Survey> all() throws SQLException {
        return List.copyOf((cache == null ? queries.all() : cache.get("all")).values());
    }

    private Map<Integer, Survey> loadAll() {
        try {
            return Collections.unmodifiableMap(queries.all());
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    private static HttpProblem notFound(long id) {
        return new HttpProblem(404, "no survey " + id);
    }
}
