package org.benchtarget.core.survey;

import java.util.List;

/** A survey definition: seed data, never changed by the app, so safe to cache. Immutable. */
public record Survey(int id, String title, String intro, List<SurveyPage> pages) {
    public Survey {
        pages = List.copyOf(pages);
    }

    /** Returns page {@code number} (from 1), or null when the survey has no such page. */
    public SurveyPage page(long number) {
        return number >= 1 && number <= pages.size() ? pages.get((int) number - 1) : null;
    }

    public boolean isLast(SurveyPage page) {
        return page.number() == pages.size();
    }

    public int questionCount() {
        return pages.stream().mapToInt(page -> page.questions().size()).sum();
    }

    /** Returns every question of every page, in order. */
    public List<Question> questions() {
        return pages.stream().flatMap(page -> page.questions().stream()).toList();
    }
}
