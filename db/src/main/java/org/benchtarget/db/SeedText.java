package org.benchtarget.db;

/**
 * Word-like ASCII text from a fixed vocabulary: it compresses like prose, not like a repeated
 * character, and one byte per character makes "2,500 characters" also 2,500 bytes.
 */
public final class SeedText {
    private static final String[] WORDS = {
        "the", "of", "and", "to", "in", "is", "that", "for", "it", "as", "was", "with", "be", "by",
        "on", "not", "he", "this", "are", "or", "his", "from", "at", "which", "but", "have", "an",
        "had", "they", "you", "were", "their", "one", "all", "we", "can", "her", "has", "there",
        "been", "if", "more", "when", "will", "would", "who", "so", "no", "server", "request",
        "process", "thread", "memory", "database", "query", "page", "wall", "survey", "answer",
        "question", "response", "cache", "latency", "throughput", "connection", "socket", "worker",
        "pool", "queue", "benchmark", "measure", "static", "dynamic", "template", "render",
        "compress", "header", "cookie", "session", "network", "client", "browser", "machine",
        "kernel", "python", "django", "apache", "lighttpd", "daemon", "module", "config", "tune",
        "fast", "slow", "light", "heavy", "simple", "real", "world", "test", "result", "number",
        "second", "minute", "hour", "user", "group", "friend", "photo", "video", "link", "message",
        "table", "row", "column", "index", "field", "value", "string", "character", "random",
        "choice", "load", "concurrency", "failure", "error", "timeout", "limit", "backend", "front",
        "proxy", "upstream", "handler", "event", "loop", "blocking", "virtual", "carrier", "core",
        "time", "day", "week", "year", "people", "work", "part", "place", "case", "point", "fact",
        "good", "new", "first", "last", "long", "great", "little", "own", "other", "old", "right",
        "big", "high", "different", "small", "large", "next", "early", "young", "important", "few",
        "public", "bad", "same", "able", "quick", "brown", "fox", "jumps", "over", "lazy", "dog",
    };

    private SeedText() {
    }

    /** Returns exactly {@code length} ASCII characters of sentences, ending with a full stop. */
    public static String sentences(SeedRandom random, int length) {
        var text = new StringBuilder(length + 64);
        while (text.length() < length) {
            int words = random.between(5, 14);
            for (int i = 0; i < words; i++) {
                var word = random.pick(WORDS);
                if (i == 0) {
                    word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
                } else if (random.nextInt(12) == 0) {
                    text.append(',');
                }
                if (!text.isEmpty()) {
                    text.append(' ');
                }
                text.append(word);
            }
            text.append('.');
        }
        text.setLength(length - 1);
        for (int i = length - 2; i >= 0 && !Character.isLetter(text.charAt(i)); i--) {
            text.setCharAt(i, 's');
        }
        return text.append('.').toString();
    }

    /** Returns a few words, capitalised, for titles and names. */
    public static String words(SeedRandom random, int count) {
        var text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                text.append(' ');
            }
            var word = random.pick(WORDS);
            text.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
        }
        return text.toString();
    }
}
