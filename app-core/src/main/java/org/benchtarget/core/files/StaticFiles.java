package org.benchtarget.core.files;

import org.benchtarget.core.web.Header;
import org.benchtarget.core.web.WebRequest;
import org.benchtarget.core.web.WebResult;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * {@code /hello.txt} and {@code /static/...}: the files under {@code public/} in the jar, listed in
 * {@code public/index}, held in memory. ETag is a content hash and Last-Modified the build time,
 * so every process of a build answers the same; conditional GETs answer 304. Immutable.
 */
public final class StaticFiles {
    private static final Map<String, String> TYPES = Map.of(
            "txt", "text/plain; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon");
    /** Assets under /static/ may be cached by browsers and proxies for a day. */
    public static final String STATIC_CACHE_CONTROL = "public, max-age=86400";

    private final Map<String, Asset> assets;

    private record Asset(String contentType, byte[] body, String etag, Instant lastModified, List<Header> headers) {
    }

    private StaticFiles(Map<String, Asset> assets) {
        this.assets = assets;
    }

    /** Loads every file in {@code public/index}; {@code lastModified} is the build time. */
    public static StaticFiles load(Instant lastModified) {
        var assets = new HashMap<String, Asset>();
        var modified = lastModified.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        var httpDate = org.benchtarget.core.web.HttpDate.format(modified);
        for (var name : new String(read("public/index"), StandardCharsets.UTF_8).split("\n")) {
            var path = name.strip();
            if (path.isEmpty()) {
                continue;
            }
            var body = read("public/" + path);
            var type = TYPES.get(path.substring(path.lastIndexOf('.') + 1));
            if (type == null) {
                throw new IllegalStateException("no content type for " + path);
            }
            var etag = "\"" + sha256(body).substring(0, 16) + "\"";
            var headers = path.startsWith("static/")
                    ? List.of(new Header("ETag", etag), new Header("Last-Modified", httpDate), new Header("Cache-Control", STATIC_CACHE_CONTROL))
                    : List.of(new Header("ETag", etag), new Header("Last-Modified", httpDate));
            assets.put("/" + path, new Asset(type, body, etag, modified, headers));
        }
        return new StaticFiles(Map.copyOf(assets));
    }

    /** GET of a static path: 200, 304 for a matching conditional GET, or 404. */
    public WebResult serve(String path, WebRequest request) {
        var asset = assets.get(path);
        if (asset == null) {
            return WebResult.text(404, "not found: no static file " + (path.length() > 40 ? path.substring(0, 40) + "..." : path));
        }
        if (notModified(asset, request.header("If-None-Match"), request.header("If-Modified-Since"))) {
            return WebResult.empty(304, asset.headers());
        }
        return new WebResult(200, asset.contentType(), asset.headers(), asset.body());
    }

    /** One file as a front server that answers it from its own configuration needs it (haproxy). */
    public record Described(String path, String contentType, String etag, List<Header> headers) {
    }

    /** Returns every file: its path ({@code /hello.txt}), content type, ETag and response headers, sorted by path. */
    public List<Described> described() {
        return assets.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> new Described(entry.getKey(), entry.getValue().contentType(), entry.getValue().etag(), entry.getValue().headers()))
                .toList();
    }

    /**
     * Writes every file under {@code dir} (as {@code dir/hello.txt}, {@code dir/static/...}) with the
     * build time as its modification time, for a front server that serves them itself (nginx).
     */
    public void exportTo(java.nio.file.Path dir) throws IOException {
        for (var entry : assets.entrySet()) {
            var file = dir.resolve(entry.getKey().substring(1));
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.write(file, entry.getValue().body());
            java.nio.file.Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(entry.getValue().lastModified()));
        }
    }

    private static boolean notModified(Asset asset, String ifNoneMatch, String ifModifiedSince) {
        if (ifNoneMatch != null) {
            // RFC 9110: If-None-Match wins over If-Modified-Since; weak comparison.
            for (var tag : ifNoneMatch.split(",")) {
                var candidate = tag.strip();
                if (candidate.equals("*") || candidate.equals(asset.etag()) || candidate.equals("W/" + asset.etag())) {
                    return true;
                }
            }
            return false;
        }
        if (ifModifiedSince != null) {
            try {
                var since = ZonedDateTime.parse(ifModifiedSince.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return !asset.lastModified().isAfter(since);
            } catch (DateTimeParseException e) {
                return false; // RFC 9110: an invalid date is ignored
            }
        }
        return false;
    }

    private static byte[] read(String resource) {
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " (a broken build?)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
