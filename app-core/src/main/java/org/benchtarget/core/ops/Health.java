package org.benchtarget.core.ops;

import org.benchtarget.core.web.WebResult;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;

/** GET /health: UP (200) when the database answers a query, DOWN (503) with the reason when not. */
public final class Health {
    private final DataSource dataSource;

    public Health(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public WebResult check() {
        try (var connection = dataSource.getConnection();
             var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT 1")) {
            rows.next();
            return json(200, "{\"status\":\"UP\",\"database\":\"UP\"}");
        } catch (SQLException e) {
            var reason = String.valueOf(e.getMessage()).replace('"', '\'').replace('\\', '/').lines().findFirst().orElse("");
            return json(503, "{\"status\":\"DOWN\",\"database\":\"DOWN\",\"reason\":\"" + reason + "\"}")
                    .withHeader("Retry-After", "1");
        }
    }

    private static WebResult json(int status, String body) {
        return new WebResult(status, WebResult.JSON, List.of(), body.getBytes(StandardCharsets.UTF_8));
    }
}
