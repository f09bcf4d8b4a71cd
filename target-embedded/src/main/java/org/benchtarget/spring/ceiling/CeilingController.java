package org.benchtarget.spring.ceiling;

import com.zaxxer.hikari.HikariDataSource;
import org.benchtarget.core.ceiling.CeilingDatabase;
import org.benchtarget.core.config.Settings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The Spring ceiling's endpoints, plain Spring MVC: {@code /hello} formats the ctime per request, {@code /db} reads a
 * random row of the {@code test} table with one prepared statement (plain JDBC on the pool); other paths get Boot's 404.
 */
@RestController
class CeilingController {
    private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US);
    private static final String TEXT = "text/plain;charset=utf-8";

    private final DataSource dataSource;

    CeilingController(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @GetMapping(path = "/hello", produces = TEXT)
    String hello() {
        return CTIME.format(ZonedDateTime.now());
    }

    @GetMapping(path = "/db", produces = TEXT)
    String db() throws SQLException {
        int id = ThreadLocalRandom.current().nextInt(1, 11);
        try (var connection = dataSource.getConnection();
             var statement = connection.prepareStatement("SELECT body FROM test WHERE id = ?")) {
            statement.setInt(1, id);
            try (var rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException("row " + id + " of table test is missing: reset the data (bench db reset)");
                }
                return rows.getString(1);
            }
        }
    }

    /** The pool, opened (migrated, seeded when empty) as the targets open theirs; Spring closes it with the context. */
    @Configuration(proxyBeanMethods = false)
    static class Database {
        @Bean(destroyMethod = "close")
        HikariDataSource dataSource(Settings settings) {
            return CeilingDatabase.open(settings.db());
        }
    }
}
