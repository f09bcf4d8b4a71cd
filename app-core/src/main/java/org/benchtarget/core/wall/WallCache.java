package org.benchtarget.core.wall;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import java.util.List;
import java.util.Set;

/**
 * cache=data for walls: each wall's content with the stamp it was loaded under, used only while
 * the database still holds that stamp (every write changes it in the write's transaction, so
 * any process sees a write on its next request); and users and their wall lists, which the app
 * never changes (a reset writes the same seed again). The page itself is rendered per viewer.
 * Thread-safe.
 */
final class WallCache {
    /** A wall as loaded under {@code stamp}, the same for every viewer. */
    record Entry(long stamp, WallQueries.Wall wall, Set<Integer> members, List<WallQueries.Item> items) {
    }

    final Cache<Integer, Entry> walls;
    final Cache<Integer, WallQueries.Viewer> viewers;
    final Cache<Integer, List<WallQueries.WallLink>> wallsOf;

    WallCache(MeterRegistry registry) {
        walls = Caffeine.newBuilder().maximumSize(1_000).recordStats().build();
        viewers = Caffeine.newBuilder().maximumSize(10_000).recordStats().build();
        wallsOf = Caffeine.newBuilder().maximumSize(10_000).recordStats().build();
        CaffeineCacheMetrics.monitor(registry, walls, "walls");
        CaffeineCacheMetrics.monitor(registry, viewers, "wall_viewers");
        CaffeineCacheMetrics.monitor(registry, wallsOf, "walls_of_user");
    }

    /** Returns the cached wall when it was loaded under {@code stamp}, else null. */
    Entry wall(int wallId, long stamp) {
        var entry = walls.getIfPresent(wallId);
        return entry != null && entry.stamp() == stamp ? entry : null;
    }
}
