package org.benchtarget.bench.run.experiment;

import org.benchtarget.bench.BenchException;
import org.benchtarget.bench.run.experiment.Experiment.Layout;
import org.benchtarget.bench.run.experiment.Experiment.LoadKind;
import org.benchtarget.bench.run.experiment.Experiment.Restart;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The experiments shipped in bench ({@code experiments/index} and one {@code NAME.properties} each):
 * data, so a new seed or profile plugs in without code. A key {@code quick.K} replaces {@code K} under --quick.
 */
public final class Experiments {
    private static final String FOLDER = "org/benchtarget/bench/run/experiments/";
    private static final Set<String> KEYS = Set.of("title", "seed", "profiles", "endpoints", "load", "levels",
            "requests", "duration", "runs", "restart", "keepalive", "timeout", "warmup", "warmup.concurrency", "warmup.whole",
            "report", "driver", "accept-gzip", "requires", "notes", "shape.x", "shape.x.name", "shape.series", "shape.metrics",
            "shape.ratio");

    private Experiments() {
    }

    public static List<String> names() {
        return lines(FOLDER + "index").stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    /** Returns the experiment (a shipped name, or a path to your own .properties file), or stops with one line. */
    public static Experiment load(String name, boolean quick) {
        if (name.endsWith(".properties")) {
            var file = Path.of(name);
            try {
                var fileName = file.getFileName().toString();
                return parse(fileName.substring(0, fileName.length() - ".properties".length()),
                        Files.readAllLines(file), quick);
            } catch (IOException e) {
                throw new BenchException("cannot read experiment file " + name + ": " + e.getMessage());
            }
        }
        if (!name.matches("[a-z0-9][a-z0-9-]*") || !names().contains(name)) {
            throw new BenchException("unknown experiment '" + name + "'; known: " + String.join(", ", names()));
        }
        return parse(name, lines(FOLDER + name + ".properties"), quick);
    }

    /** Parses an experiment definition (public for tests of bad definitions). */
    public static Experiment parse(String name, List<String> lines, boolean quick) {
        var values = new LinkedHashMap<String, String>();
        String description = "";
        for (var raw : lines) {
            var line = raw.strip();
            if (line.startsWith("#") || line.isEmpty()) {
                if (description.isEmpty() && line.startsWith("#")) {
                    description = line.substring(1).strip();
                }
                continue;
            }
            int eq = line.indexOf('=');
            var key = eq < 1 ? line : line.substring(0, eq).strip();
            var bare = key.startsWith("quick.") ? key.substring("quick.".length()) : key;
            if (eq < 1 || !KEYS.contains(bare)) {
                throw new BenchException("experiment " + name + ": '" + line + "' is not one of " + String.join(", ", KEYS.stream().sorted().toList()) + " = value");
            }
            if (values.put(key, line.substring(eq + 1).strip()) != null) {
                throw new BenchException("experiment " + name + ": " + key + " given twice");
            }
        }
        Map<String, String> effective = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (!key.startsWith("quick.")) {
                effective.put(key, value);
            }
        });
        if (quick) {
            values.forEach((key, value) -> {
                if (key.startsWith("quick.")) {
                    effective.put(key.substring("quick.".length()), value);
                }
            });
            // the full run's title and notes describe the full run ("5,000 requests ...", "the median of 3"):
            // a quick report states what it ran, unless the file gives quick.title or quick.notes
            var full = build(name, description, effective, true);
            if (!values.containsKey("quick.title")) {
                effective.put("title", quickTitle(full));
            }
            if (!values.containsKey("quick.notes")) {
                effective.put("notes", "--quick: " + runs(full.runs()) + " per cell (the full run: "
                        + runs(Integer.parseInt(values.getOrDefault("runs", "1"))) + ", and its own profiles and levels)");
            }
        }
        return build(name, description, effective, quick);
    }

    /** What a quick run measures, e.g. "/hello.txt and /hello: 2,000 requests at concurrency 10, 100 and 500, 1 run (quick form)". */
    static String quickTitle(Experiment quick) {
        var load = quick.requests() > 0 ? String.format(Locale.ROOT, "%,d requests", quick.requests())
                : quick.duration().toSeconds() + " s";
        var kind = quick.load() == Experiment.LoadKind.RATE ? "a rate of" : "concurrency";
        return and(quick.endpoints()) + ": " + load + " at " + kind + " " + and(quick.levels().stream().map(level ->
                String.format(Locale.ROOT, "%,d", level)).toList()) + ", " + runs(quick.runs()) + " (quick form)";
    }

    private static String runs(int runs) {
        return runs == 1 ? "1 run" : runs + " runs";
    }

    private static String and(List<String> items) {
        return items.size() == 1 ? items.get(0)
                : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static Experiment build(String name, String description, Map<String, String> values, boolean quick) {
        var reader = new Values(name, values);
        var profiles = labels(reader.list("profiles").stream().map(ProfileRef::parse).toList());
        var endpoints = reader.list("endpoints");
        var levels = reader.list("levels").stream().map(level -> reader.positive("levels", level)).toList();
        var load = reader.choice("load", "concurrency", LoadKind.class);
        return new Experiment(name, values.getOrDefault("title", description), values.getOrDefault("seed", ""), quick,
                profiles, endpoints,
                load,
                levels,
                reader.positive("requests", values.getOrDefault("requests", "0"), true),
                reader.duration("duration", "0s"),
                reader.positive("runs", values.getOrDefault("runs", "1")),
                reader.choice("restart", "profile", Restart.class),
                reader.onOff("keepalive", "on"),
                reader.duration("timeout", "30s"),
                reader.duration("warmup", "20s"),
                reader.positive("warmup.concurrency", values.getOrDefault("warmup.concurrency", "8")),
                reader.onOff("warmup.whole", "off"),
                reader.choice("report", "per-endpoint", Layout.class),
                values.getOrDefault("driver", "embedded"),
                reader.onOff("accept-gzip", "off"),
                values.containsKey("requires") ? reader.list("requires") : List.of(),
                values.getOrDefault("notes", ""),
                ResultShape.parse(name, values, ResultShape.loadName(load)));
    }

    /**
     * Labels that say what varies: an entry without {@code as LABEL} is named by its profile and the knobs it sets
     * that not every entry sets alike ({@code knob=on} as just the knob): {@code jetty-threads gzip}. Falls back to
     * the whole entry when two would read the same.
     */
    static List<ProfileRef> labels(List<ProfileRef> refs) {
        var common = refs.size() < 2 ? List.<String>of()
                : refs.get(0).sets().stream().filter(set -> refs.stream().allMatch(ref -> ref.sets().contains(set))).toList();
        var derived = new ArrayList<ProfileRef>();
        for (var ref : refs) {
            if (ref.labelled()) {
                derived.add(ref);
                continue;
            }
            var label = new StringBuilder(ref.profile());
            ref.sets().stream().filter(set -> !common.contains(set))
                    .forEach(set -> label.append(' ').append(set.endsWith("=on") ? set.substring(0, set.length() - 3) : set));
            derived.add(ref.withLabel(label.toString()));
        }
        var seen = new HashSet<String>();
        boolean unique = derived.stream().allMatch(ref -> seen.add(ref.label()));
        return unique ? derived : refs;
    }

    private record Values(String experiment, Map<String, String> values) {
        private static final Pattern DURATION = Pattern.compile("(\\d{1,6})(ms|s|m)");

        List<String> list(String key) {
            var text = values.get(key);
            if (text == null || text.isBlank()) {
                throw new BenchException("experiment " + experiment + ": " + key + " is missing");
            }
            return Arrays.stream(text.split(",")).map(String::strip).filter(item -> !item.isEmpty()).toList();
        }

        int positive(String key, String text) {
            return positive(key, text, false);
        }

        int positive(String key, String text, boolean zeroAllowed) {
            try {
                int value = Integer.parseInt(text.strip());
                if (value > (zeroAllowed ? -1 : 0)) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // fall through to the one-line error
            }
            throw new BenchException("experiment " + experiment + ": " + key + "=" + text + ": expected a positive number");
        }

        <E extends Enum<E>> E choice(String key, String fallback, Class<E> type) {
            var text = values.getOrDefault(key, fallback);
            try {
                return Enum.valueOf(type, text.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                var known = new ArrayList<String>();
                for (var constant : type.getEnumConstants()) {
                    known.add(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
                }
                throw new BenchException("experiment " + experiment + ": " + key + "=" + text + ": expected one of " + String.join(", ", known));
            }
        }

        boolean onOff(String key, String fallback) {
            var text = values.getOrDefault(key, fallback);
            if (!text.equals("on") && !text.equals("off")) {
                throw new BenchException("experiment " + experiment + ": " + key + "=" + text + ": expected on or off");
            }
            return text.equals("on");
        }

        Duration duration(String key, String fallback) {
            var text = values.getOrDefault(key, fallback);
            var matcher = DURATION.matcher(text);
            if (!matcher.matches()) {
                throw new BenchException("experiment " + experiment + ": " + key + "=" + text + ": expected a duration such as 500ms, 10s or 2m");
            }
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                default -> Duration.ofMinutes(amount);
            };
        }
    }

    private static List<String> lines(String resource) {
        var stream = Experiments.class.getClassLoader().getResourceAsStream(resource);
        if (stream == null) {
            throw new BenchException("missing resource " + resource + " (a broken build?)");
        }
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
