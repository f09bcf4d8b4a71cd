package org.benchtarget.core.survey;

import java.util.List;

/** One page of a survey: its number (from 1), title and questions in order. Immutable. */
public record SurveyPage(int number, String title, List<Question> questions) {
    public SurveyPage {
        questions = List.copyOf(questions);
    }
}
