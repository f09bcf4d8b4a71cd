package org.benchtarget.core.survey;

import org.benchtarget.core.web.QueryParams;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validated answers by question id, in canonical form: a choice's option position, a rating or a
 * number as plain digits, a text stripped with LF line ends. A question without an answer has no
 * entry. Encoded as a urlencoded form for the draft table. Immutable.
 */
record Answers(Map<Integer, List<String>> values) {
    static final Answers NONE = new Answers(Map.of());

    Answers {
        var copy = new LinkedHashMap<Integer, List<String>>();
        values.forEach((id, given) -> copy.put(id, List.copyOf(given)));
        values = Collections.unmodifiableMap(copy);
    }

    List<String> of(Question question) {
        return values.getOrDefault(question.id(), List.of());
    }

    /** Returns these answers with {@code page}'s questions answered as in {@code pageAnswers}. */
    Answers with(SurveyPage page, Answers pageAnswers) {
        var merged = new LinkedHashMap<>(values);
        for (var question : page.questions()) {
            merged.remove(question.id());
            var given = pageAnswers.of(question);
            if (!given.isEmpty()) {
                merged.put(question.id(), given);
            }
        }
        return new Answers(merged);
    }

    String encode() {
        var form = new StringBuilder();
        values.forEach((id, given) -> {
            for (var value : given) {
                if (!form.isEmpty()) {
                    form.append('&');
                }
                form.append('q').append(id).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return form.toString();
    }

    /** Decodes what {@link #encode} wrote (the draft table holds nothing else). */
    static Answers decode(String encoded) {
        var form = QueryParams.parse(encoded);
        var values = new LinkedHashMap<Integer, List<String>>();
        for (var name : form.names()) {
            values.put(Integer.parseInt(name.substring(1)), form.all(name));
        }
        return new Answers(values);
    }
}
