package org.benchtarget.core.web;

import java.util.List;

/** The values of a route's {@code {name}} segments, in order. */
public record PathParams(List<String> values) {
    public static final PathParams NONE = new PathParams(List.of());

    /** Returns segment {@code index} as a positive id, or a 404: an id that cannot exist names nothing. */
    public long id(int index) {
        var text = values.get(index);
        if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(Character::isDigit)) {
            throw new HttpProblem(404, "no such resource: '" + abbreviate(text) + "' is not an id");
        }
        return Long.parseLong(text);
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
