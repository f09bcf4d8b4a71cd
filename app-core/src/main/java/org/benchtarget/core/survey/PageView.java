package org.benchtarget.core.survey;

import java.util.List;
import java.util.Map;

/**
 * The model of {@code survey/page.jte}: one page of a survey with the hidden response and CSRF
 * tokens, the values to show (the draft's, or those just posted) and a message per invalid
 * question. Immutable.
 */
public record PageView(Survey survey, SurveyPage page, String response, String csrf,
                       Map<Integer, List<String>> given, Map<Integer, String> errors) {

    public PageView {
        given = Map.copyOf(given);
        errors = Map.copyOf(errors);
    }

    public String action() {
        return "/surveys/" + survey.id() + "/pages/" + page.number();
    }

    public boolean last() {
        return survey.isLast(page);
    }

    /** Returns the first value given for the question, or an empty string. */
    public String value(Question question) {
        var values = given.getOrDefault(question.id(), List.of());
        return values.isEmpty() ? "" : values.get(0);
    }

    public boolean checked(Question question, int position) {
        return given.getOrDefault(question.id(), List.of()).contains(Integer.toString(position));
    }

    /** Returns the question's validation message, or null when it has none. */
    public String error(Question question) {
        return errors.get(question.id());
    }

    public String errorId(Question question) {
        return question.field() + "-error";
    }
}
