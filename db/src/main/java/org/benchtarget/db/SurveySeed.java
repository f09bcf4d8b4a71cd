package org.benchtarget.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 001's seven surveys: 2-4 pages and 5-25 questions each, every survey with all five kinds of
 * question (single choice, multiple choice, free text, number in a range, rating 1-5), required
 * and optional. Fixed shapes and a fixed seed: the same on every install. Deleting them also
 * deletes every draft and completed response, so a reset starts the survey workload afresh.
 */
public final class SurveySeed implements SeedStep {
    public static final int COUNT = 7;
    private static final long SEED = 20110323L;
    private static final String[] KINDS = {"single", "multiple", "text", "number", "rating"};
    private static final String[] PAGE_TITLES = {"About you", "Your experience", "The details", "Looking ahead"};

    /** A survey as seeded; {@code pageSizes} counts the questions of each page. */
    private record Shape(String title, String topic, int... pageSizes) {
    }

    private static final List<Shape> SHAPES = List.of(
            new Shape("Course feedback", "the course materials", 3, 2),
            new Shape("Library services", "the library", 4, 4, 3),
            new Shape("Student accommodation", "your accommodation", 5, 5, 5, 4),
            new Shape("Campus catering", "campus catering", 3, 3),
            new Shape("IT and online learning", "the online learning platform", 7, 6, 6, 6),
            new Shape("Careers and employability", "the careers service", 5, 4, 4),
            new Shape("Sport and wellbeing", "the sports centre", 2, 3, 3, 2));

    /** A question template: prompt ({@code %s} is the topic) and, for choices, the options. */
    private record Template(String prompt, int min, int max, String... options) {
        Template(String prompt, String... options) {
            this(prompt, 0, 0, options);
        }
    }

    private static final List<List<Template>> BANK = List.of(
            List.of(new Template("How often do you use %s?", "Daily", "Weekly", "Monthly", "Rarely", "Never"),
                    new Template("Which year of study are you in?", "First year", "Second year", "Third year", "Fourth year or later", "Postgraduate"),
                    new Template("How did you first hear about %s?", "From a friend", "The university website", "An email", "Induction week", "Social media", "Other"),
                    new Template("Would you recommend %s to a friend?", "Yes", "No", "Not sure"),
                    new Template("How do you usually travel to campus?", "On foot", "By bicycle", "By bus or train", "By car", "I study remotely")),
            List.of(new Template("Which of these do you use at %s?", "Online information", "The help desk", "Printed guides", "Email updates", "Drop-in sessions"),
                    new Template("When do you usually use %s?", "Mornings", "Afternoons", "Evenings", "Weekends"),
                    new Template("What would improve %s?", "Longer opening hours", "More staff", "Better information", "Lower prices", "Quieter spaces", "Nothing"),
                    new Template("Which devices do you use for study?", "Laptop", "Desktop computer", "Tablet", "Phone"),
                    new Template("Which of these matter most to you?", "Cost", "Quality", "Convenience", "Choice", "Sustainability")),
            List.of(new Template("What do you like most about %s?", 0, 500),
                    new Template("What one thing would you change about %s?", 0, 500),
                    new Template("Describe a recent problem you had with %s.", 0, 800),
                    new Template("Is there anything we should know about your needs?", 0, 500),
                    new Template("Any other comments?", 0, 1000)),
            List.of(new Template("How many hours a week do you spend with %s?", 0, 80),
                    new Template("How many minutes does it take you to get to campus?", 0, 240),
                    new Template("How many times did you use %s last month?", 0, 100),
                    new Template("How old are you?", 16, 99),
                    new Template("How many people in your household study at the university?", 1, 12)),
            List.of(new Template("How satisfied are you with %s overall?"),
                    new Template("How would you rate the helpfulness of the staff?"),
                    new Template("How would you rate value for money?"),
                    new Template("How easy is it to find what you need in %s?"),
                    new Template("How likely are you to use %s next year?")));

    /** One seeded question; {@code options} is empty unless it is a choice. */
    public record Question(int id, int surveyId, int pageNo, int position, String kind, String prompt, boolean required,
                           Integer minValue, Integer maxValue, Integer maxLength, List<String> options) {
    }

    /** One seeded survey with its page titles and questions in order. */
    public record Survey(int id, String title, String intro, List<String> pageTitles, List<Question> questions) {
    }

    /** Returns the seven surveys, ids 1..7: the same on every install. */
    public static List<Survey> surveys() {
        var random = new SeedRandom(SEED);
        var surveys = new ArrayList<Survey>();
        for (int s = 0; s < SHAPES.size(); s++) {
            surveys.add(survey(s + 1, SHAPES.get(s), random));
        }
        return List.copyOf(surveys);
    }

    private static Survey survey(int id, Shape shape, SeedRandom random) {
        var questions = new ArrayList<Question>();
        var pageTitles = new ArrayList<String>();
        var used = new int[KINDS.length];
        int[] offsets = new int[KINDS.length];
        for (int k = 0; k < KINDS.length; k++) {
            offsets[k] = random.nextInt(BANK.get(k).size());
        }
        // Kinds are dealt from a shuffled deck of all five, reshuffled every five questions:
        // every survey has each kind, and no kind more often than its bank has prompts.
        int[] deck = new int[0];
        int position = 0;
        for (int page = 1; page <= shape.pageSizes().length; page++) {
            pageTitles.add(PAGE_TITLES[page == shape.pageSizes().length && page > 2 ? 3 : page - 1]);
            for (int i = 0; i < shape.pageSizes()[page - 1]; i++) {
                if (position % KINDS.length == 0) {
                    deck = shuffledKinds(random);
                }
                int kind = deck[position % KINDS.length];
                position++;
                var template = BANK.get(kind).get((offsets[kind] + used[kind]++) % BANK.get(kind).size());
                // Free texts are mostly optional; any other question is required when it opens its page.
                boolean required = kind == 2 ? random.nextInt(4) == 0 : i == 0 || random.nextInt(3) != 0;
                questions.add(question(id * 100 + position, id, page, position, KINDS[kind], template, shape.topic(), required));
            }
        }
        int total = questions.size();
        var intro = "A short survey about " + shape.topic() + ": " + pageTitles.size() + " pages, " + total
                + " questions, about " + Math.max(2, total / 4) + " minutes. Questions marked * need an answer.";
        return new Survey(id, shape.title(), intro, List.copyOf(pageTitles), List.copyOf(questions));
    }

    private static Question question(int id, int surveyId, int page, int position, String kind, Template template, String topic, boolean required) {
        var prompt = template.prompt().contains("%s") ? template.prompt().formatted(topic) : template.prompt();
        return switch (kind) {
            case "single", "multiple" -> new Question(id, surveyId, page, position, kind, prompt, required, null, null, null, List.of(template.options()));
            case "text" -> new Question(id, surveyId, page, position, kind, prompt, required, null, null, template.max(), List.of());
            case "number" -> new Question(id, surveyId, page, position, kind, prompt, required, template.min(), template.max(), null, List.of());
            default -> new Question(id, surveyId, page, position, kind, prompt, required, 1, 5, null, List.of());
        };
    }

    private static int[] shuffledKinds(SeedRandom random) {
        int[] deck = {0, 1, 2, 3, 4};
        for (int i = deck.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = deck[i];
            deck[i] = deck[j];
            deck[j] = swap;
        }
        return deck;
    }

    @Override
    public void delete(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            for (var table : List.of("survey_answer", "survey_response", "survey_draft", "survey_option", "survey_question", "survey_page", "survey")) {
                statement.executeUpdate("DELETE FROM " + table);
            }
        }
    }

    @Override
    public void insert(Connection connection) throws SQLException {
        var surveys = surveys();
        try (var survey = connection.prepareStatement("INSERT INTO survey (id, title, intro) VALUES (?, ?, ?)");
             var page = connection.prepareStatement("INSERT INTO survey_page (survey_id, page_no, title) VALUES (?, ?, ?)");
             var question = connection.prepareStatement("""
                     INSERT INTO survey_question (id, survey_id, page_no, position, kind, prompt, required, min_value, max_value, max_length)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
             var option = connection.prepareStatement("INSERT INTO survey_option (question_id, position, label) VALUES (?, ?, ?)")) {
            for (var s : surveys) {
                survey.setInt(1, s.id());
                survey.setString(2, s.title());
                survey.setString(3, s.intro());
                survey.addBatch();
                for (int p = 0; p < s.pageTitles().size(); p++) {
                    page.setInt(1, s.id());
                    page.setInt(2, p + 1);
                    page.setString(3, s.pageTitles().get(p));
                    page.addBatch();
                }
                for (var q : s.questions()) {
                    question.setInt(1, q.id());
                    question.setInt(2, q.surveyId());
                    question.setInt(3, q.pageNo());
                    question.setInt(4, q.position());
                    question.setString(5, q.kind());
                    question.setString(6, q.prompt());
                    question.setBoolean(7, q.required());
                    setNullable(question, 8, q.minValue());
                    setNullable(question, 9, q.maxValue());
                    setNullable(question, 10, q.maxLength());
                    question.addBatch();
                    for (int o = 0; o < q.options().size(); o++) {
                        option.setInt(1, q.id());
                        option.setInt(2, o + 1);
                        option.setString(3, q.options().get(o));
                        option.addBatch();
                    }
                }
            }
            survey.executeBatch();
            page.executeBatch();
            question.executeBatch();
            option.executeBatch();
        }
    }

    private static void setNullable(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }
}
