package org.benchtarget.core.survey;

import org.benchtarget.core.web.Csrf;
import org.benchtarget.core.web.HttpProblem;
import org.benchtarget.core.web.QueryParams;

import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates one posted survey page: every answer against its question, with a message per field
 * (required answer missing, option not offered, number not a number or out of range, text too
 * long, a field sent more than once). A field that is no question of the page is a plain 400.
 * Stateless.
 */
final class SurveyPageForm {
    static final String RESPONSE_FIELD = "response";
    static final String REQUIRED = "Please answer this question.";

    private SurveyPageForm() {
    }

    /** The outcome: canonical answers when valid; else the values as given and a message per question id. */
    record Outcome(Answers answers, Map<Integer, List<String>> given, Map<Integer, String> errors) {
        boolean valid() {
            return errors.isEmpty();
        }
    }

    static Outcome read(SurveyPage page, QueryParams form) {
        var fields = new HashSet<String>();
        for (var question : page.questions()) {
            fields.add(question.field());
        }
        for (var name : form.names()) {
            if (!fields.contains(name) && !name.equals(RESPONSE_FIELD) && !name.equals(Csrf.FIELD)) {
                throw HttpProblem.badRequest("unknown field '" + abbreviate(name) + "' on page " + page.number());
            }
        }
        var answers = new LinkedHashMap<Integer, List<String>>();
        var given = new LinkedHashMap<Integer, List<String>>();
        var errors = new LinkedHashMap<Integer, String>();
        for (var question : page.questions()) {
            var values = form.all(question.field());
            given.put(question.id(), values);
            try {
                var canonical = check(question, values);
                if (!canonical.isEmpty()) {
                    answers.put(question.id(), canonical);
                }
            } catch (Invalid invalid) {
                errors.put(question.id(), invalid.getMessage());
            }
        }
        return new Outcome(errors.isEmpty() ? new Answers(answers) : Answers.NONE, given, errors);
    }

    /** Returns the canonical answer (empty when not answered), or throws {@link Invalid} with the field's message. */
    static List<String> check(Question question, List<String> values) {
        if (question.kind() == Question.Kind.MULTIPLE) {
            return multiple(question, values);
        }
        if (values.size() > 1) {
            throw new Invalid(question.kind() == Question.Kind.SINGLE || question.kind() == Question.Kind.RATING
                    ? "Choose only one option." : "Give one answer only; this field was sent " + values.size() + " times.");
        }
        var value = values.isEmpty() ? "" : values.get(0);
        if (value.isBlank()) {
            if (question.required()) {
                throw new Invalid(REQUIRED);
            }
            return List.of();
        }
        return List.of(switch (question.kind()) {
            case SINGLE -> option(question, value, "Choose one of the options offered.");
            case RATING -> rating(value);
            case NUMBER -> number(question, value.strip());
            case TEXT -> text(question, value);
            case MULTIPLE -> throw new IllegalStateException("handled above");
        });
    }

    private static List<String> multiple(Question question, List<String> values) {
        var chosen = values.stream().filter(value -> !value.isEmpty()).toList();
        if (chosen.isEmpty()) {
            if (question.required()) {
                throw new Invalid(REQUIRED);
            }
            return List.of();
        }
        var seen = new HashSet<String>();
        for (var value : chosen) {
            option(question, value, "Choose only from the options offered.");
            if (!seen.add(value)) {
                throw new Invalid("Choose each option at most once.");
            }
        }
        return chosen.stream().sorted(Comparator.comparingInt(Integer::parseInt)).toList();
    }

    private static String option(Question question, String value, String message) {
        if (!isPlainNumber(value, 2)) {
            throw new Invalid(message);
        }
        int position = Integer.parseInt(value);
        if (position < 1 || position > question.options().size()) {
            throw new Invalid(message);
        }
        return value;
    }

    private static String rating(String value) {
        if (!isPlainNumber(value, 1) || value.charAt(0) < '1' || value.charAt(0) > '5') {
            throw new Invalid("Choose a rating from 1 to 5.");
        }
        return value;
    }

    private static String number(Question question, String value) {
        var range = " from " + question.min() + " to " + question.max();
        var digits = value.startsWith("-") ? value.substring(1) : value;
        if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new Invalid("'" + abbreviate(value) + "' is not a whole number: enter one" + range + ".");
        }
        long number = Long.parseLong(value);
        if (number < question.min() || number > question.max()) {
            throw new Invalid("Enter a whole number" + range + "; " + number + " is out of range.");
        }
        return Long.toString(number);
    }

    private static String text(Question question, String value) {
        var text = value.replace("\r\n", "\n").strip();
        if (text.length() > question.maxLength()) {
            throw new Invalid("Keep the answer to " + question.maxLength() + " characters; it has " + text.length() + ".");
        }
        // PostgreSQL refuses NUL in text; other control characters have no place in an answer either.
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t' || c == 0x7f)) {
            throw new Invalid("Remove the control characters from the answer.");
        }
        return text;
    }

    private static boolean isPlainNumber(String value, int maxDigits) {
        return !value.isEmpty() && value.length() <= maxDigits && value.charAt(0) != '0'
                && value.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static String abbreviate(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "...";
    }

    /** A field's validation message. */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }
}
