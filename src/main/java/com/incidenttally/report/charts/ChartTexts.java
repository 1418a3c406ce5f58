package com.incidenttally.report.charts;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import com.ibm.icu.text.MessageFormat;
import com.incidenttally.places.District;
import com.incidenttally.places.Gazetteer;
import com.incidenttally.places.Region;
import com.incidenttally.report.Language;
import com.incidenttally.tally.EventType;
import com.incidenttally.tally.MergedIncident;

/**
 * The words on the charts in the report's language: titles, axis labels, legends, nights, months,
 * and regions and districts by their names in that language. Texts live in
 * {@code chart-texts_<lang>.properties} as ICU message patterns, so "1 incident", "2 incidents",
 * "2 инцидента" and "5 инцидентов" each come out right.
 */
final class ChartTexts {

    private static final String UNRESOLVED_SUFFIX = MergedIncident.UNRESOLVED_SUFFIX;

    private final Language language;
    private final Properties texts;
    private final Map<String, String> regionNames = new HashMap<>();
    private final Map<String, String> districtNames = new HashMap<>();

    ChartTexts(Language language, Gazetteer gazetteer) {
        this.language = language;
        this.texts = load(language);
        if (language == Language.RU && gazetteer != null) {
            for (Region region : gazetteer.regions()) {
                regionNames.put(region.name(), region.nameRu());
                for (District district : gazetteer.districts(region)) {
                    districtNames.put(region.isoCode() + "|" + district.name(), district.nameRu());
                }
            }
        }
    }

    static ChartTexts english() {
        return new ChartTexts(Language.EN, null);
    }

    Language language() {
        return language;
    }

    private static Properties load(Language language) {
        String name = "chart-texts_" + language.code() + ".properties";
        Properties properties = new Properties();
        try (InputStream in = ChartTexts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("chart texts missing from the application: " + name);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** The text under {@code key} with its arguments filled in. */
    String text(String key, Object... arguments) {
        String pattern = texts.getProperty(key);
        if (pattern == null) {
            throw new IllegalArgumentException("no chart text '" + key + "' for " + language.code());
        }
        return new MessageFormat(pattern, language.locale()).format(arguments);
    }

    String eventType(EventType type) {
        return text("event." + type.name());
    }

    /** A region by its name in the report's language; a name the gazetteer does not know stays as it is. */
    String region(String englishName) {
        if (englishName == null) {
            return null;
        }
        return regionNames.getOrDefault(englishName, englishName);
    }

    /** A district of a region by its name in the report's language, {@code Name (unresolved)} translated too. */
    String district(String regionIso, String englishName) {
        if (englishName.endsWith(UNRESOLVED_SUFFIX)) {
            String input = englishName.substring(0, englishName.length() - UNRESOLVED_SUFFIX.length());
            return input + " (" + text("unresolved") + ")";
        }
        return districtNames.getOrDefault(regionIso + "|" + englishName, englishName);
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
        return date.getMonth().getDisplayName(TextStyle.SHORT_STANDALONE, language.locale()) + " " + date.getYear();
    }

    /** After a day number: {@code Dec}, in Russian the genitive {@code дек.}. */
    private String month(LocalDate date) {
        return date.getMonth().getDisplayName(TextStyle.SHORT, language.locale());
    }

    /** A count with the language's grouping: {@code 1,234}, {@code 1 234}. */
    String number(long n) {
        return com.ibm.icu.text.NumberFormat.getIntegerInstance(language.locale()).format(n);
    }

    /** A period's label for titles: the week or the range as it is, {@code all} in the report's language. */
    String period(com.incidenttally.tally.Period period) {
        return "all".equals(period.label()) ? text("period.all") : period.label();
    }
}
