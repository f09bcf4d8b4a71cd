package org.benchtarget.core.survey;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The SQL of the survey definitions: two queries load one survey, or all seven. */
final class SurveyQueries {
    private static final String QUESTIONS = """
            SELECT s.id, s.title, s.intro, p.page_no, p.title,
                   q.id, q.kind, q.prompt, q.required, q.min_value, q.max_value, q.max_length
            FROM survey s
            JOIN survey_page p ON p.survey_id = s.id
            LEFT JOIN survey_question q ON q.survey_id = p.survey_id AND q.page_no = p.page_no
            """;
    private static final String QUESTIONS_OF_ONE = QUESTIONS + """
            WHERE s.id = ?
            ORDER BY s.id, p.page_no, q.position""";
    private static final String QUESTIONS_OF_ALL = QUESTIONS + """
            ORDER BY s.id, p.page_no, q.position""";
    private static final String OPTIONS = """
            SELECT o.question_id, o.label
            FROM survey_option o
            JOIN survey_question q ON q.id = o.question_id
            """;
    private static final String OPTIONS_OF_ONE = OPTIONS + """
            WHERE q.survey_id = ?
            ORDER BY o.question_id, o.position""";
    private static final String OPTIONS_OF_ALL = OPTIONS + """
            ORDER BY o.question_id, o.position""";

    private final DataSource dataSource;

    SurveyQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Returns survey {@code id}, or null when there is none. */
    Survey one(int id) throws SQLException {
        var surveys = load(QUESTIONS_OF_ONE, OPTIONS_OF_ONE, id);
        return surveys.get(id);
    }

    /** Returns every survey by id, in id order. */
    Map<Integer, Survey> all() throws SQLException {
        return load(QUESTIONS_OF_ALL, OPTIONS_OF_ALL, null);
    }

    private record QuestionRow(int surveyId, String title, String intro, int pageNo, String pageTitle, Question question) {
    }

    private Map<Integer, Survey> load(String questionsSql, String optionsSql, Integer id) throws SQLException {
        var rows = new ArrayList<QuestionRow>();
        var options = new HashMap<Integer, List<String>>();
        try (var connection = dataSource.getConnection();
             var questions = connection.prepareStatement(questionsSql);
             var choices = connection.prepareStatement(optionsSql)) {
            bind(questions, id);
            try (var result = questions.executeQuery()) {
                while (result.next()) {
                    int questionId = result.getInt(6);
                    Question question = result.wasNull() ? null : new Question(questionId, Question.Kind.of(result.getString(7)),
                            result.getString(8), result.getBoolean(9), result.getInt(10), result.getInt(11), result.getInt(12), List.of());
                    rows.add(new QuestionRow(result.getInt(1), result.getString(2), result.getString(3), result.getInt(4), result.getString(5), question));
                }
            }
            bind(choices, id);
            try (var result = choices.executeQuery()) {
                while (result.next()) {
                    options.computeIfAbsent(result.getInt(1), q -> new ArrayList<>()).add(result.getString(2));
                }
            }
        }
        return assemble(rows, options);
    }

    private static void bind(PreparedStatement statement, Integer id) throws SQLException {
        if (id != null) {
            statement.setInt(1, id);
        }
    }

    private static Map<Integer, Survey> assemble(List<QuestionRow> rows, Map<Integer, List<String>> options) {
        var surveys = new LinkedHashMap<Integer, Survey>();
        int i = 0;
        while (i < rows.size()) {
            var first = rows.get(i);
            var pages = new ArrayList<SurveyPage>();
            while (i < rows.size() && rows.get(i).surveyId() == first.surveyId()) {
                var pageRow = rows.get(i);
                var questions = new ArrayList<Question>();
                while (i < rows.size() && rows.get(i).surveyId() == first.surveyId() && rows.get(i).pageNo() == pageRow.pageNo()) {
                    var question = rows.get(i).question();
                    if (question != null) {
                        questions.add(withOptions(question, options.getOrDefault(question.id(), List.of())));
                    }
                    i++;
                }
                pages.add(new SurveyPage(pageRow.pageNo(), pageRow.pageTitle(), questions));
            }
            surveys.put(first.surveyId(), new Survey(first.surveyId(), first.title(), first.intro(), pages));
        }
        return surveys;
    }

    private static Question withOptions(Question question, List<String> options) {
        return new Question(question.id(), question.kind(), question.prompt(), question.required(), question.min(), question.max(),
                question.maxLength(), options);
    }
}
