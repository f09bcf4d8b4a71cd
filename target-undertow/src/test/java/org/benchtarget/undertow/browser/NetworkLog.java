package org.benchtarget.undertow.browser;

import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntries;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The browser's requests, read from chromedriver's performance log (the DevTools Network events it
 * records): what was asked, the final status and headers, or why it failed. Not thread-safe.
 */
public final class NetworkLog {
    private static final Json JSON = new Json();

    /** One request as the browser saw it; {@code status} 0 and a {@code failure} when no answer came. */
    public record Request(String method, String url, int status, Map<String, String> headers, String failure) {
        public boolean failed() {
            return failure != null || status == 0 || status >= 400;
        }

        /** Returns the header's value (any case of name), or null. */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return method + " " + url + " -> " + (failure != null ? failure : status);
        }
    }

    List<Request> read(LogEntries entries) {
        var byId = new LinkedHashMap<String, Request>();
        for (var entry : entries) {
            Map<String, Object> message = map(JSON.toType(entry.getMessage(), Json.MAP_TYPE), "message");
            var params = map(message, "params");
            var id = (String) params.get("requestId");
            switch ((String) message.get("method")) {
                case "Network.requestWillBeSent" -> {
                    var request = map(params, "request");
                    byId.put(id, new Request((String) request.get("method"), (String) request.get("url"), 0, Map.of(), null));
                }
                case "Network.responseReceived" -> byId.computeIfPresent(id, (key, request) -> {
                    var response = map(params, "response");
                    return new Request(request.method(), request.url(), ((Number) response.get("status")).intValue(),
                            lowerCase(map(response, "headers")), null);
                });
                case "Network.loadingFailed" -> byId.computeIfPresent(id, (key, request) -> new Request(request.method(), request.url(),
                        request.status(), request.headers(), params.get("errorText") + blocked(params)));
                default -> {
                    // page, timeline and other network events say nothing about success
                }
            }
        }
        return new ArrayList<>(byId.values().stream().filter(request -> !request.url().startsWith("data:")).toList());
    }

    private static String blocked(Map<String, Object> params) {
        return params.get("blockedReason") == null ? "" : " (blocked: " + params.get("blockedReason") + ")";
    }

    private static Map<String, String> lowerCase(Map<String, Object> headers) {
        var lower = new LinkedHashMap<String, String>();
        headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), String.valueOf(value)));
        return lower;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        var value = parent.get(key);
        return value instanceof Map<?, ?> child ? (Map<String, Object>) child : Map.of();
    }
}
