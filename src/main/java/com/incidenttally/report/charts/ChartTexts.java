package com.incidenttally.report.charts;

import java.time.LocalDate;
import java.time.format.TextStyle;

import com.incidenttally.incident.EventType;
import com.incidenttally.places.Gazetteer;
import com.incidenttally.report.Language;
import com.incidenttally.report.ReportTexts;

/**
 * The words on the charts in the report's language: titles, axis labels, legends, nights, months,
 * and regions and districts by their names in that language. Texts are the {@code chart.} keys of
 * the report's one catalogue ({@link ReportTexts}), so the charts and the workbook say the same
 * thing the same way, numbers included.
 */
final class ChartTexts {

    private final ReportTexts texts;

    ChartTexts(Language language, Gazetteer gazetteer) {
        this(ReportTexts.of(language, gazetteer));
    }

    ChartTexts(ReportTexts texts) {
        this.texts = texts;
    }

    static ChartTexts english() {
        return new ChartTexts(ReportTexts.english());
    }

    Language language() {
        return texts.language();
    }

    /** The text under {@code chart.key} with its arguments filled in. */
    String text(String key, Object... arguments) {
        return texts.text("chart." + key, arguments);
    }

    String eventType(EventType type) {
        return text("event." + type.name());
    }

    /** A region by its name in the report's language; a name the gazetteer does not know stays as it is. */
    String region(String englishName) {
        return texts.region(englishName);
    }

    /** A district of a region by its name in the report's language, {@code Name (unresolved)} translated too. */
    String district(String regionIso, String englishName) {
        return texts.district(regionIso, englishName);
    }

    /**
     * A night as people say it, without the ambiguity of {@code 12-01/02}: {@code 7–8 Dec},
     * {@code 30 Nov – 1 Dec}, in Russian {@code 7–8 дек.}.
     */
    String night(LocalDate evening) {
        LocalDate morning = evening.plusDays(1);
        if (evening.getMonth() == morning.getMonth()) {
            return evening.getDayOfMonth() + "–" + morning.getDayOfMonth() + " " + month(morning);
        }
        return evening.getDayOfMonth() + " " + month(evening) + " – " + morning.getDayOfMonth() + " " + month(morning);
    }

    /** A month with its year: {@code Jan 2025}, {@code янв. 2025}. */
    String monthOfYear(LocalDate date) {
        return date.getMonth().getDisplayName(TextStyle.SHORT_STANDALONE, texts.locale()) + " " + date.getYear();
    }

    /** After a day number: {@code Dec}, in Russian the genitive {@code дек.}. */
    private String month(LocalDate date) {
        return date.getMonth().getDisplayName(TextStyle.SHORT, texts.locale());
    }

    /** A count with the language's grouping: {@code 1,234}, {@code 1 234}, as the workbook writes it. */
    String number(long n) {
        return texts.number(n);
    }

    /** A period's label for titles: the week or the range as it is, {@code all} in the report's language. */
    String period(com.incidenttally.tally.Period period) {
        return "all".equals(period.label()) ? text("period.all") : period.label();
    }
}
