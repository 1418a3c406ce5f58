package com.incidenttally.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.text.MessageFormat;

import com.incidenttally.incident.EventType;
import com.incidenttally.incident.Reason;
import com.incidenttally.incident.RejectionKind;
import com.incidenttally.places.District;
import com.incidenttally.places.Gazetteer;
import com.incidenttally.places.MatchMethod;
import com.incidenttally.places.Region;
import com.incidenttally.tally.MergedIncident;
import com.incidenttally.tally.Period;

/**
 * Every word a report shows people, in one language: the one catalogue {@code messages.properties}
 * (English) and {@code messages_ru.properties} beside this class, and place names in that language.
 * The workbook, the charts and the console all take their words from here, so they always agree.
 *
 * <p>Texts are ICU {@link MessageFormat} patterns, so a count takes its noun in the form the
 * language's plural rules ask for ("1 row", "2 строки", "5 строк") and every number is grouped the
 * language's one way. A key missing from the Russian file falls back to the English text, never to
 * the machine's locale.
 */
public final class ReportTexts {

    private static final String BUNDLE = "com.incidenttally.report.messages";
    /** Stored names of districts that did not resolve end with this; see the store. */
    private static final String UNRESOLVED_SUFFIX = MergedIncident.UNRESOLVED_SUFFIX;
    private static final DateTimeFormatter RU_DAY_MONTH = DateTimeFormatter.ofPattern("dd.MM");
    private static final DateTimeFormatter RU_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final Language language;
    private final ResourceBundle bundle;
    private final Map<String, String> regionsByIso = new HashMap<>();
    private final Map<String, String> regionsByName = new HashMap<>();
    private final Map<String, String> districts = new HashMap<>();
    private final Map<String, String> isoByName = new HashMap<>();
    // The same few texts go into every row of a big sheet: each is looked up and parsed once.
    // Concurrent maps, as the charts may take their texts on another thread than the workbook.
    private final Map<String, Message> messages = new ConcurrentHashMap<>();
    private final Map<String, String> eventTypes = new ConcurrentHashMap<>();
    /** Night labels by evening date; a report spans at most a few thousand nights. */
    private final Map<LocalDate, String> nights = new ConcurrentHashMap<>();

    private ReportTexts(Language language, Gazetteer gazetteer) {
        this.language = language;
        // No fallback to the machine's locale: a Russian desktop must still get English by default.
        this.bundle = ResourceBundle.getBundle(BUNDLE, language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        if (gazetteer != null && language == Language.RU) {
            for (Region region : gazetteer.regions()) {
                if (region.nameRu() != null && !region.nameRu().isBlank()) {
                    regionsByIso.put(region.isoCode(), region.nameRu());
                    regionsByName.put(region.name(), region.nameRu());
                }
                isoByName.put(region.name(), region.isoCode());
                // Short forms where no two districts of the region then read the same (RussianNames).
                Map<String, Long> shortForms = new HashMap<>();
                for (District district : gazetteer.districts(region)) {
                    if (district.nameRu() != null && !district.nameRu().isBlank()) {
                        shortForms.merge(RussianNames.shortForm(district.nameRu()), 1L, Long::sum);
                    }
                }
                for (District district : gazetteer.districts(region)) {
                    if (district.nameRu() != null && !district.nameRu().isBlank()) {
                        String name = district.nameRu();
                        String shortForm = RussianNames.shortForm(name);
                        name = shortForms.get(shortForm) == 1 ? shortForm : name;
                        districts.put(region.isoCode() + "|" + district.name(),
                                RussianNames.isUkrainian(name) ? RussianNames.fromUkrainian(name) : name);
                    }
                }
            }
        }
    }

    /** Texts of a language; place names as the store holds them (canonical English). */
    public static ReportTexts of(Language language) {
        return new ReportTexts(language, null);
    }

    /** Texts of a language with place names in that language, from the gazetteer. */
    public static ReportTexts of(Language language, Gazetteer gazetteer) {
        return new ReportTexts(language, gazetteer);
    }

    public static ReportTexts english() {
        return of(Language.EN);
    }

    public Language language() {
        return language;
    }

    public Locale locale() {
        return language.locale();
    }

    /** The text of a key, its arguments ({@code {0}}, plural forms, numbers) filled in, in this language. */
    public String text(String key, Object... args) {
        return message(key).format(args);
    }

    private Message message(String key) {
        Message message = messages.get(key);
        if (message == null) {
            String pattern;
            try {
                pattern = bundle.getString(key);
            } catch (MissingResourceException e) {
                throw new IllegalArgumentException("no report text '" + key + "'", e);
            }
            message = new Message(pattern, locale());
            messages.put(key, message);
        }
        return message;
    }

    /** Why a row or file was rejected, with its particulars, in this language. */
    public String reason(Reason reason) {
        Map<String, Object> arguments = reason.arguments();
        arguments.computeIfPresent("column", (name, column) -> field(column.toString()));
        return message("rejection." + reason.kind().code()).format(arguments);
    }

    /** How a name was resolved ({@code fuzzy}, {@code former name}, …) in this language; an unknown one as it is. */
    public String method(MatchMethod method) {
        return method == null ? null : optional("method." + method.label().replace(' ', '_'), method.label());
    }

    /** The rule that merged rows ({@link com.incidenttally.tally.Merge}'s rules) in this language. */
    public String mergeRule(String rule) {
        String key = com.incidenttally.tally.Merge.RULE_ID.equals(rule) ? "merge.rule.id"
                : com.incidenttally.tally.Merge.RULE_KEY.equals(rule) ? "merge.rule.key"
                : com.incidenttally.tally.Merge.RULE_DUPLICATE.equals(rule) ? "merge.rule.duplicate" : null;
        return key == null ? rule : text(key);
    }

    /** A text the catalogue may have, else {@code otherwise}. */
    public String optional(String key, String otherwise) {
        return bundle.containsKey(key) ? text(key) : otherwise;
    }

    /**
     * An input field by the name this language gives it: {@code district} in English (its header),
     * {@code район} in Russian; {@code (row)} and {@code (file)} too. A name of no field stays as it is.
     */
    public String field(String header) {
        if (header == null) {
            return null;
        }
        return bundle.containsKey("field." + header) ? text("field." + header) : header;
    }

    /**
     * A kind of rejection as Data quality and the console group it: {@code unknown region},
     * {@code missing value in source} (a column given for kinds that name one).
     */
    public String rejectionKind(RejectionKind kind, String column) {
        return message("rejection.kind." + kind.group().code())
                .format(java.util.Collections.singletonMap("column", column == null ? "" : field(column)));
    }

    /** A count with the language's grouping: {@code 1,234}, {@code 1 234}; the same as in texts. */
    public String number(long n) {
        return text("number", n);
    }

    /** A region by its ISO code in this language; {@code name} (the stored English name) when none is known. */
    public String region(String isoCode, String name) {
        return isoCode == null ? name : regionsByIso.getOrDefault(isoCode, name);
    }

    /** A region by its stored English name, in this language. */
    public String region(String name) {
        return name == null ? null : regionsByName.getOrDefault(name, name);
    }

    /**
     * A district of a region in this language: null (the region as a whole) says so, and a name
     * that did not resolve is kept as written and marked.
     */
    public String district(String regionIso, String name) {
        if (name == null) {
            return text("place.wholeRegion");
        }
        if (name.endsWith(UNRESOLVED_SUFFIX)) {
            return text("place.unresolved", name.substring(0, name.length() - UNRESOLVED_SUFFIX.length()));
        }
        return districts.isEmpty() ? name : districts.getOrDefault(regionIso + "|" + name, name);
    }

    /** A district of a region given by its stored English name, in this language (see {@link #district}). */
    public String districtOf(String regionName, String name) {
        return district(regionName == null ? null : isoByName.get(regionName), name);
    }

    /** An event type's label: {@code Shot down}, {@code Сбит}; a code we do not know as it is. */
    public String eventType(String code) {
        if (code == null) {
            return null;
        }
        String label = eventTypes.get(code);
        if (label == null) {
            try {
                label = eventType(EventType.fromCode(code));
            } catch (IllegalArgumentException e) {
                label = code;
            }
            if (eventTypes.size() < 64) {
                eventTypes.put(code, label);
            }
        }
        return label;
    }

    public String eventType(EventType type) {
        return text("event." + type.code());
    }

    /**
     * A night by its evening date: {@code 2025-12-07/08} in English (as summary.json writes it),
     * {@code 07–08.12.2025} in Russian, {@code 31.12.2025–01.01.2026} across a year.
     */
    public String night(LocalDate evening) {
        String label = nights.get(evening);
        if (label == null) {
            label = nightLabel(evening);
            if (nights.size() < 100_000) {
                nights.put(evening, label);
            }
        }
        return label;
    }

    private String nightLabel(LocalDate evening) {
        if (language == Language.EN) {
            return NightLabels.nightLabel(evening);
        }
        LocalDate morning = evening.plusDays(1);
        if (morning.getYear() != evening.getYear()) {
            return RU_DATE.format(evening) + "–" + RU_DATE.format(morning);
        }
        if (morning.getMonthValue() != evening.getMonthValue()) {
            return RU_DAY_MONTH.format(evening) + "–" + RU_DATE.format(morning);
        }
        return String.format("%02d–%s", evening.getDayOfMonth(), RU_DATE.format(morning));
    }

    /** The nights of a period: {@code nights 2025-12-08/09 to 2025-12-14/15}. */
    public String nights(Period period) {
        return period.from().equals(period.to()) ? text("period.night", night(period.from()))
                : text("period.nights", night(period.from()), night(period.to()));
    }

    /** A period as people read it: {@code 2025-W50 (nights 2025-12-08/09 to 2025-12-14/15)}. */
    public String period(Period period) {
        String label = "all".equals(period.label()) ? text("period.all") : period.label();
        return label + " (" + nights(period) + ")";
    }

    public String yesNo(boolean value) {
        return text(value ? "yes" : "no");
    }
}
