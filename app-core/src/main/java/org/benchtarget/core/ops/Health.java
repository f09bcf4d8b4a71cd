package org.benchtarget.core.ops;

import org.benchtarget.core.web.WebResult;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;

/**
 * GET /health: UP (200) when the database answers a query, DOWN (503) with the reason when not. With a
 * second store (survey.store=cassandra) its state too, by name: DOWN when either is down, the reason
 * naming the one that is.
 */
public final class Health {
    /** Another store the app needs: throws when it does not answer. */
    public interface Store {
        String name();

        void check() throws Exception;
    }

    private final DataSource dataSource;
    private final List<Store> stores;

    public Health(DataSource dataSource) {
        this(dataSource, List.of());
    }

    public Health(DataSource dataSource, List<Store> stores) {
        this.dataSource = dataSource;
        this.stores = List.copyOf(stores);
    }

    public WebResult check() {
        var body = new StringBuilder();
        String reason = null;
        try (var connection = dataSource.getConnection();
             var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT 1")) {
            rows.next();
            body.append(",\"database\":\"UP\"");
        } catch (SQLException e) {
            body.append(",\"database\":\"DOWN\"");
            reason = oneLine(e);
        }
        for (var store : stores) {
            try {
                store.check();
                body.append(",\"").append(store.name()).append("\":\"UP\"");
            } catch (Exception e) {
                body.append(",\"").append(store.name()).append("\":\"DOWN\"");
                reason = (reason == null ? "" : reason + "; ") + store.name() + ": " + oneLine(e);
            }
        }
        if (reason == null) {
            return json(200, "{\"status\":\"UP\"" + body + "}");
        }
        return json(503, "{\"status\":\"DOWN\"" + body + ",\"reason\":\"" + reason + "\"}").withHeader("Retry-After", "1");
    }

    private static String oneLine(Exception e) {
        return String.valueOf(e.getMessage()).replace('"', '\'').replace('\\', '/').lines().findFirst().orElse("");
    }

    private static WebResult json(int status, String body) {
        return new WebResult(status, WebResult.JSON, List.of(), body.getBytes(StandardCharsets.UTF_8));
    }
}
