package org.benchtarget.bench.run.load;

import org.benchtarget.bench.BenchException;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Seed 002's authenticated user: GET /login, POST the form (hidden fields such as a CSRF token
 * carried over) as a random {@code userN}, follow the 303 to the first wall, then view up to
 * {@code walls} walls linked from it. Parameters: users (default 1000), password, walls (default 3).
 */
final class LoginWallJourney implements Journey {
    private static final Pattern HIDDEN = Pattern.compile(
            "<input[^>]*type=\"hidden\"[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"");
    private static final Pattern WALL_LINK = Pattern.compile("href=\"(/wall/\\d+)\"");

    private final int users;
    private final String password;
    private final int walls;

    LoginWallJourney(Map<String, String> parameters) {
        this.users = number(parameters.getOrDefault("users", "1000"));
        this.password = parameters.getOrDefault("password", "");
        this.walls = number(parameters.getOrDefault("walls", "3"));
        if (password.isEmpty()) {
            throw new BenchException("journey login-wall needs password=... (the seed users' password, see README)");
        }
    }

    @Override
    public boolean run(HttpSession session) throws IOException {
        var form = session.get("/login");
        if (form.status() != 200) {
            return false;
        }
        var fields = new LinkedHashMap<String, String>();
        var hidden = HIDDEN.matcher(form.body());
        while (hidden.find()) {
            fields.put(hidden.group(1), hidden.group(2));
        }
        fields.put("username", "user" + (1 + ThreadLocalRandom.current().nextInt(users)));
        fields.put("password", password);
        var login = session.postForm("/login", fields);
        if (login.status() != 303 || login.location() == null) {
            return false;
        }
        var wall = session.get(login.location());
        if (wall.status() != 200) {
            return false;
        }
        var links = WALL_LINK.matcher(wall.body());
        for (int viewed = 1; viewed < walls && links.find(); viewed++) {
            if (session.fetch(links.group(1)) != 200) {
                return false;
            }
        }
        return true;
    }

    private static int number(String text) {
        try {
            return Math.max(1, Integer.parseInt(text));
        } catch (NumberFormatException e) {
            throw new BenchException("journey login-wall: '" + text + "' is not a number");
        }
    }
}
