package org.benchtarget.core.web;

import java.util.Map;
import java.util.function.Predicate;

/**
 * A path pattern ({@code /wall/{id}}, or {@code /static/*} for a prefix) with its endpoints per
 * method. {@code name} tags metrics. A request for which {@link #touchesDb} holds may run SQL: it
 * is dispatched off the IO threads and answers with {@code X-Query-Count} (the home page, say,
 * touches the database only for a signed-in visitor).
 */
public record Route(String name, String pattern, Predicate<WebRequest> dbUse, Map<String, Endpoint> endpoints, String allow) {
    public static final Predicate<WebRequest> ALWAYS = request -> true;
    public static final Predicate<WebRequest> NEVER = request -> false;
    /** Never touches the database, and says so with {@code X-Query-Count: 0} (the fixture routes). */
    public static final Predicate<WebRequest> SAYS_NO_QUERIES = request -> false;

    public boolean touchesDb(WebRequest request) {
        return dbUse.test(request);
    }
}
