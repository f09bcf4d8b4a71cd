package org.benchtarget.core.survey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Tallies counted from whole responses, as the SQL store's GROUP BY counts answer rows: per question and
 * answer number (null for texts) the answers, and the responses whose first answer to the question is in
 * the group. For stores that keep a response as one row. Not thread-safe; one per count.
 */
final class AnswerTallies {
    private record Group(int questionId, Integer answerNumber) {
    }

    private final Map<Integer, Boolean> numeric = new HashMap<>();
    private final Map<Group, long[]> counts = new LinkedHashMap<>();
    private long completed;

    AnswerTallies(Survey survey) {
        for (var question : survey.questions()) {
            numeric.put(question.id(), question.numeric());
        }
    }

    /** Counts one completed response: its answers by question id. */
    void add(Map<Integer, List<String>> answers) {
        completed++;
        answers.forEach((questionId, values) -> {
            boolean number = Objects.requireNonNullElse(numeric.get(questionId), false);
            for (int ordinal = 0; ordinal < values.size(); ordinal++) {
                var group = new Group(questionId, number ? Integer.valueOf(values.get(ordinal)) : null);
                var count = counts.computeIfAbsent(group, key -> new long[2]);
                count[0]++;
                if (ordinal == 0) {
                    count[1]++;
                }
            }
        });
    }

    ResponseStore.Tallies result() {
        var groups = new ArrayList<ResponseStore.Tally>(counts.size());
        counts.forEach((group, count) -> groups.add(new ResponseStore.Tally(group.questionId(), group.answerNumber(), count[0], count[1])));
        return new ResponseStore.Tallies(completed, groups);
    }
}
