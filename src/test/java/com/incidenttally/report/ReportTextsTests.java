package com.incidenttally.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Properties;

import com.incidenttally.places.Gazetteer;
import com.incidenttally.places.MatchMethod;
import com.incidenttally.tally.Period;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReportTextsTests {

    @Test
    void russianHasEveryTextEnglishHasAndNoOther() throws IOException {
        Properties english = load("messages.properties");
        Properties russian = load("messages_ru.properties");

        assertThat(russian.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        for (String key : english.stringPropertyNames()) {
            // The same arguments, so one call fills both; and each pattern parses. Russian may leave out
            // a detail that only English has words for (a date parser's own message).
            assertThat(arguments(english.getProperty(key), Language.EN)).as(key)
                    .containsAll(arguments(russian.getProperty(key), Language.RU));
            if (!key.startsWith("rejection.")) {
                assertThat(arguments(russian.getProperty(key), Language.RU)).as(key)
                        .isEqualTo(arguments(english.getProperty(key), Language.EN));
            }
        }
    }

    @Test
    void noPatternKeepsAStringFormatSpecifier() throws IOException {
        for (String file : new String[] {"messages.properties", "messages_ru.properties"}) {
            Properties texts = load(file);
            for (String key : texts.stringPropertyNames()) {
                assertThat(texts.getProperty(key)).as(file + " " + key).doesNotContainPattern("%[-,.0-9]*[sdf]");
            }
        }
    }

    @Test
    void countsTakeTheirNounInTheFormTheLanguageAsks() {
        ReportTexts english = ReportTexts.english();
        ReportTexts russian = ReportTexts.of(Language.RU);

        assertThat(english.text("dq.mergedRows", 1, "x")).isEqualTo("1 row counted once (x)");
        assertThat(english.text("dq.mergedRows", 1234, "x")).isEqualTo("1,234 rows counted once (x)");
        assertThat(russian.text("dq.mergedRows", 1, "x")).isEqualTo("1 строка учтена один раз (x)");
        assertThat(russian.text("dq.mergedRows", 2, "x")).isEqualTo("2 строки учтены один раз (x)");
        assertThat(russian.text("dq.mergedRows", 5, "x")).isEqualTo("5 строк учтены один раз (x)");
        assertThat(russian.text("dq.mergedRows", 21, "x")).isEqualTo("21 строка учтена один раз (x)");
        assertThat(russian.text("note.untimed", 134)).startsWith("Ночью + днём не включает 134 инцидента, о которых");
        assertThat(russian.text("note.untimed", 1)).startsWith("Ночью + днём не включает 1 инцидент, о котором");
        assertThat(english.text("dq.rejectedNote", 1)).isEqualTo("Rejected: 1 row, also in rejected.csv.");
        assertThat(russian.text("dq.otherPeriods", 1)).startsWith("Другие периоды: ещё 1 строка отклонена за ночи");
        assertThat(russian.text("dq.otherPeriods", 3)).startsWith("Другие периоды: ещё 3 строки отклонены за ночи");
        assertThat(russian.text("dq.otherPeriods", 11)).startsWith("Другие периоды: ещё 11 строк отклонены за ночи");
        assertThat(russian.text("dq.newNote", 1)).startsWith("Новые с прошлого запуска: 1 из этих строк взята из");
        assertThat(english.text("dq.otherPeriods", 1)).startsWith("Other periods: 1 more row was rejected");
        assertThat(english.text("dq.otherPeriods", 1234)).startsWith("Other periods: 1,234 more rows were rejected");
        assertThat(english.text("dq.newNote", 1)).startsWith("New since the last run: 1 of these rows comes from");
        assertThat(english.text("dq.undatedNote", 1)).isEqualTo("No usable date: 1 of these rows belongs to no period"
                + " and is shown in every report until it is fixed.");
        assertThat(russian.text("dq.undatedNote", 21)).startsWith("Нет пригодной даты: 21 из этих строк не относится");
        assertThat(russian.text("dq.undatedNote", 5)).startsWith("Нет пригодной даты: 5 из этих строк не относятся");
    }

    @Test
    void numbersAreGroupedOneWayPerLanguage() {
        assertThat(ReportTexts.english().number(1318)).isEqualTo("1,318");
        assertThat(ReportTexts.of(Language.RU).number(1318)).isEqualTo("1\u00a0318");
        assertThat(ReportTexts.of(Language.RU).text("summary.otherRegions", 1318)).isEqualTo("Прочие регионы (1\u00a0318)");
    }

    @Test
    void anApostropheIsKeptAndAQuotedArgumentFilledIn() {
        assertThat(ReportTexts.english().text("note.merged")).contains("another row's incident");
        assertThat(ReportTexts.english().text("dq.nameGroup", "unknown region", "Atlantis", 2))
                .isEqualTo("unknown region 'Atlantis' \u2014 2 rows");
    }

    @Test
    void englishIsTheDefaultWhateverTheMachinesLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("ru"));
            assertThat(ReportTexts.english().text("sheet.summary")).isEqualTo("Summary");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void nightsReadAsEachLanguageWritesDates() {
        ReportTexts english = ReportTexts.english();
        ReportTexts russian = ReportTexts.of(Language.RU);

        assertThat(english.night(LocalDate.of(2025, 12, 7))).isEqualTo("2025-12-07/08");
        assertThat(russian.night(LocalDate.of(2025, 12, 7))).isEqualTo("07–08.12.2025");
        assertThat(russian.night(LocalDate.of(2025, 11, 30))).isEqualTo("30.11–01.12.2025");
        assertThat(russian.night(LocalDate.of(2025, 12, 31))).isEqualTo("31.12.2025–01.01.2026");
        Period week = new Period("2025-W50", LocalDate.of(2025, 12, 8), LocalDate.of(2025, 12, 14));
        assertThat(english.period(week)).isEqualTo("2025-W50 (nights 2025-12-08/09 to 2025-12-14/15)");
        assertThat(russian.period(week)).isEqualTo("2025-W50 (ночи с 08–09.12.2025 по 14–15.12.2025)");
    }

    @Test
    void placesTakeTheirRussianNamesFromTheGazetteer() {
        ReportTexts russian = ReportTexts.of(Language.RU, Gazetteer.bundled());
        ReportTexts english = ReportTexts.of(Language.EN, Gazetteer.bundled());

        assertThat(russian.region("RU-ROS", "Rostov Oblast")).isEqualTo("Ростовская область");
        assertThat(russian.region("Rostov Oblast")).isEqualTo("Ростовская область");
        assertThat(english.region("RU-ROS", "Rostov Oblast")).isEqualTo("Rostov Oblast");
        assertThat(russian.district("RU-ROS", "Chertkovsky District")).startsWith("Чертковский");
        assertThat(russian.district("RU-ROS", null)).isEqualTo("(регион в целом)");
        assertThat(russian.district("RU-ROS", "Zzyx (unresolved)")).isEqualTo("Zzyx (не распознан)");
        // A name the gazetteer does not hold is shown as it is, not lost.
        assertThat(russian.region("XX-NOPE", "Atlantis")).isEqualTo("Atlantis");
    }

    @Test
    void districtsReadInRussianInTheirShortFormAndUkrainianRaionsInRussian() {
        ReportTexts russian = ReportTexts.of(Language.RU, Gazetteer.bundled());

        assertThat(russian.district("RU-ALT", "Aleysky District")).isEqualTo("Алейский район");
        assertThat(russian.district("UA-32", "Brovarskyi Raion")).isEqualTo("Броварский район");
        assertThat(russian.district("UA-63", "Kharkivskyi Raion")).isEqualTo("Харьковский район");
        assertThat(russian.district("UA-63", "Chuhuyivskyi Raion")).isEqualTo("Чугуевский район");
        assertThat(russian.district("UA-32", "Obukhivskyi Raion")).isEqualTo("Обуховский район");
        assertThat(russian.districtOf("Kyiv Oblast", "Brovarskyi Raion")).isEqualTo("Броварский район");
        assertThat(russian.method(MatchMethod.FUZZY)).isEqualTo("нечёткое совпадение");
        assertThat(russian.field("event_type")).isEqualTo("тип события");
    }

    @Test
    void noUkrainianLetterInAnyDistrictOfARussianReport() {
        ReportTexts russian = ReportTexts.of(Language.RU, Gazetteer.bundled());
        Gazetteer gazetteer = Gazetteer.bundled();
        for (com.incidenttally.places.Region region : gazetteer.regions()) {
            for (com.incidenttally.places.District district : gazetteer.districts(region)) {
                assertThat(russian.district(region.isoCode(), district.name())).as(district.name())
                        .doesNotContainPattern("[іїєґІЇЄҐ’']");
            }
        }
    }

    @Test
    void aMissingTextIsAMistakeNotABlank() {
        assertThatIllegalArgumentException().isThrownBy(() -> ReportTexts.english().text("no.such.key"))
                .withMessageContaining("no.such.key");
    }

    private static java.util.Set<String> arguments(String pattern, Language language) {
        return new com.ibm.icu.text.MessageFormat(pattern, language.locale()).getArgumentNames();
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ReportTexts.class.getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
