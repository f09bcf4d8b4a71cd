package org.benchtarget.bench.survey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Valid dummy answers to a survey page, as the seed's browser robot gave them: required questions
 * always, optional ones half the time. Not thread-safe: one per robot or journey run.
 */
public final class SurveyAnswers {
    private static final String[] WORDS = {"good", "slow", "helpful", "staff", "quiet", "busy", "more", "space", "time", "price",
            "clear", "better", "food", "late", "open", "friendly", "café", "naïve", "über"};

    private final SplittableRandom random;

    public SurveyAnswers(SplittableRandom random) {
        this.random = random;
    }

    /** Appends valid answers to {@code form}; returns the answer rows they make (one per chosen option). */
    public int append(SurveyRobot.Page page, StringBuilder form) {
        int rows = 0;
        for (var answer : choose(page.fields()).entrySet()) {
            for (var value : answer.getValue()) {
                form.append('&').append(answer.getKey()).append('=').append(SurveyRobot.encode(value));
            }
            rows += answer.getValue().size();
        }
        return rows;
    }

    /** Returns valid values per answered field, in page order (a choice's option positions; a skipped optional field is absent). */
    public Map<String, List<String>> choose(List<SurveyRobot.Field> fields) {
        var chosen = new LinkedHashMap<String, List<String>>();
        for (var field : fields) {
            if (!field.required() && random.nextBoolean()) {
                continue;
            }
            chosen.put(field.name(), switch (field.kind()) {
                case "single", "rating" -> List.of(field.options().get(random.nextInt(field.options().size())));
                case "multiple" -> someOptions(field.options());
                case "number" -> List.of(Integer.toString(random.nextInt(field.min(), field.max() + 1)));
                default -> List.of(text(Math.min(field.maxLength(), 120)));
            });
        }
        return chosen;
    }

    private List<String> someOptions(List<String> options) {
        var chosen = new ArrayList<String>();
        for (var option : options) {
            if (random.nextInt(3) == 0) {
                chosen.add(option);
            }
        }
        if (chosen.isEmpty()) {
            chosen.add(options.get(random.nextInt(options.size())));
        }
        return chosen;
    }

    private String text(int maxLength) {
        var text = new StringBuilder();
        while (true) {
            var word = WORDS[random.nextInt(WORDS.length)];
            if (text.length() + word.length() + 1 > maxLength) {
                return text.isEmpty() ? "ok" : text.toString();
            }
            text.append(text.isEmpty() ? "" : " ").append(word);
            if (random.nextInt(6) == 0) {
                return text.toString();
            }
        }
    }
}
