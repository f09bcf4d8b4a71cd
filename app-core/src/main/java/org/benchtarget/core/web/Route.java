package org.benchtarget.core.web;

import java.util.Map;

/**
 * A path pattern ({@code /wall/{id}}, or {@code /static/*} for a prefix) with its endpoints per
 * method. {@code name} tags metrics; {@code touchesDb} means the route may run SQL, so it is
 * dispatched off the IO threads and answers with {@code X-Query-Count}.
 */
public record Route(String name, String pattern, boolean touchesDb, Map<String, Endpoint> endpoints, String allow) {
}
