package org.benchtarget.core.wall;

import org.benchtarget.core.web.HttpProblem;
import org.benchtarget.core.web.QueryParams;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A posted item, validated: {@code body} of 1..2,000 characters (line breaks as {@code \n}, no other
 * control characters) and an optional absolute {@code http(s)} {@code media_url}. Anything else is a
 * 400 naming the field, before anything is stored.
 */
record ItemForm(String body, WallQueries.Media media) {
    static final int MAX_BODY = 2_000;
    static final int MAX_URL = 500;
    private static final Pattern PHOTO = Pattern.compile(".*\\.(jpe?g|png|gif|webp)", Pattern.CASE_INSENSITIVE);
    private static final Pattern VIDEO = Pattern.compile(".*\\.(mp4|webm)", Pattern.CASE_INSENSITIVE);

    static ItemForm parse(QueryParams form) {
        var raw = form.single("body");
        if (raw == null) {
            throw HttpProblem.badRequest("body is missing");
        }
        var body = raw.replace("\r\n", "\n").replace('\r', '\n').strip();
        if (body.isEmpty()) {
            throw HttpProblem.badRequest("body is empty");
        }
        int length = body.codePointCount(0, body.length());
        if (length > MAX_BODY) {
            throw HttpProblem.badRequest("body has " + length + " characters; at most " + MAX_BODY);
        }
        if (body.chars().anyMatch(c -> c != '\n' && c != '\t' && Character.isISOControl(c))) {
            throw HttpProblem.badRequest("body contains control characters");
        }
        var url = form.single("media_url");
        return new ItemForm(body, url == null || url.isBlank() ? null : media(url.strip()));
    }

    private static WallQueries.Media media(String url) {
        if (url.length() > MAX_URL) {
            throw HttpProblem.badRequest("media_url is longer than " + MAX_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw HttpProblem.badRequest("media_url is not a valid URL");
        }
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawUserInfo() != null
                || !url.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw HttpProblem.badRequest("media_url must be an absolute http or https URL");
        }
        var path = uri.getRawPath() == null ? "" : uri.getRawPath();
        var host = uri.getHost().toLowerCase(Locale.ROOT);
        String kind;
        if (PHOTO.matcher(path).matches()) {
            kind = "photo";
        } else if (VIDEO.matcher(path).matches() || host.endsWith("youtube.com") || host.equals("youtu.be") || host.endsWith("vimeo.com")) {
            kind = "video";
        } else {
            kind = "link";
        }
        return new WallQueries.Media(kind, url, host);
    }
}
