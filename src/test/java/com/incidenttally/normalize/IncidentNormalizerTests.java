package com.incidenttally.normalize;

import static com.incidenttally.TestReasons.english;
import com.incidenttally.incident.EventType;
import com.incidenttally.incident.Incident;
import com.incidenttally.incident.Rejection;
import com.incidenttally.incident.RejectionKind;
import com.incidenttally.ingest.Column;
import com.incidenttally.ingest.RawRow;
import com.incidenttally.places.Gazetteer;
import com.incidenttally.places.MatchMethod;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentNormalizerTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-12-10T09:00:00Z"), ZoneOffset.UTC);
    private final IncidentNormalizer normalizer =
            new IncidentNormalizer(Gazetteer.bundled(), new NightCalendar(NightWindow.DEFAULT), CLOCK);

    /** A valid row; each test changes what it is about. */
    private static Map<Column, String> row() {
        Map<Column, String> values = new EnumMap<>(Column.class);
        values.put(Column.OCCURRED_AT, "2025-12-08 03:10");
        values.put(Column.REGION, "Rostov region");
        values.put(Column.EVENT_TYPE, "shot_down");
        values.put(Column.UAV_COUNT, "2");
        values.put(Column.SOURCE, "Governor (Telegram)");
        return values;
    }

    private static RawRow raw(Map<Column, String> values) {
        String[] array = new String[Column.values().length];
        values.forEach((column, value) -> array[column.ordinal()] = value);
        return new RawRow("input.csv", 7, array, String.join(",", values.values()), null);
    }

    private Incident accepted(Map<Column, String> values) {
        Normalized result = normalizer.normalize(raw(values));
        assertThat(result.rejection()).as("rejection").isNull();
        return result.incident();
    }

    private Rejection rejected(Map<Column, String> values) {
        Normalized result = normalizer.normalize(raw(values));
        assertThat(result.incident()).as("incident").isNull();
        return result.rejection();
    }

    @Nested
    class Nights {

        @Test
        void earlyMorningBelongsToPreviousNight() {
            Incident incident = accepted(row());
            assertThat(incident.night()).isEqualTo(LocalDate.parse("2025-12-07"));
            assertThat(incident.localTime()).isEqualTo(LocalDateTime.parse("2025-12-08T03:10"));
            assertThat(incident.nightTime()).isTrue();
            assertThat(incident.nightInferred()).isFalse();
        }

        @Test
        void russianStyleDateTime() {
            Map<Column, String> values = row();
            values.put(Column.OCCURRED_AT, "08.12.2025 14:30");
            Incident incident = accepted(values);
            assertThat(incident.night()).isEqualTo(LocalDate.parse("2025-12-08"));
            assertThat(incident.nightTime()).isFalse();
        }

        @Test
        void dateAloneMeansNightThatEndedThatMorningAndIsMarkedInferred() {
            Map<Column, String> values = row();
            values.put(Column.OCCURRED_AT, "08.12.2025");
            Incident incident = accepted(values);
            assertThat(incident.night()).isEqualTo(LocalDate.parse("2025-12-07"));
            assertThat(incident.nightInferred()).isTrue();
            assertThat(incident.localTime()).isNull();
            assertThat(incident.nightTime()).isNull();
        }

        @Test
        void nightColumnAlone() {
            Map<Column, String> values = row();
            values.remove(Column.OCCURRED_AT);
            values.put(Column.NIGHT, "2025-12-07/08");
            assertThat(accepted(values).night()).isEqualTo(LocalDate.parse("2025-12-07"));
        }

        @Test
        void nightAndOccurredAtThatAgreeAreAccepted() {
            Map<Column, String> values = row();
            values.put(Column.NIGHT, "2025-12-07/08");
            assertThat(accepted(values).night()).isEqualTo(LocalDate.parse("2025-12-07"));
        }

        @Test
        void nightAndOccurredAtThatDisagreeAreRejected() {
            Map<Column, String> values = row();
            values.put(Column.NIGHT, "2025-12-08/09");
            Rejection rejection = rejected(values);
            assertThat(rejection.column()).isEqualTo("night");
            assertThat(rejection.value()).isEqualTo("2025-12-08/09");
            assertThat(english(rejection.reason())).contains("disagrees with occurred_at").contains("2025-12-07/08");
        }

        @Test
        void offsetIsConvertedToTheRegionsOwnTime() {
            Map<Column, String> values = row();
            values.put(Column.REGION, "Kaliningrad Oblast");
            values.put(Column.OCCURRED_AT, "2025-12-08T09:30:00Z");
            Incident kaliningrad = accepted(values);
            assertThat(kaliningrad.localTime()).isEqualTo(LocalDateTime.parse("2025-12-08T11:30"));
            assertThat(kaliningrad.night()).isEqualTo(LocalDate.parse("2025-12-07"));

            values.put(Column.REGION, "Moscow Oblast");
            Incident moscow = accepted(values);
            assertThat(moscow.localTime()).isEqualTo(LocalDateTime.parse("2025-12-08T12:30"));
            assertThat(moscow.night()).isEqualTo(LocalDate.parse("2025-12-08"));
        }

        @Test
        void aSeaAreaIsItsOwnAreaOnMoscowTime() {
            Map<Column, String> values = row();
            values.put(Column.REGION, "над акваторией Чёрного моря");
            values.put(Column.OCCURRED_AT, "2025-12-08T20:30:00Z");
            Incident incident = accepted(values);
            assertThat(incident.regionIso()).isEqualTo("SEA-BLACK");
            assertThat(incident.localTime()).isEqualTo(LocalDateTime.parse("2025-12-08T23:30"));
        }

        @Test
        void aFormerNameIsRecordedAsSuch() {
            Map<Column, String> values = row();
            values.put(Column.REGION, "Kharkivska oblast");
            values.put(Column.DISTRICT, "Krasnohradskyi raion");
            Incident incident = accepted(values);
            assertThat(incident.district()).isEqualTo("Berestynskyi Raion");
            assertThat(incident.districtInput()).isEqualTo("Krasnohradskyi raion");
            assertThat(incident.districtMethod()).isEqualTo(MatchMethod.FORMER_NAME);
        }

        @Test
        void theMinistrysMoscowRegionCountsUnderMoscowOblastAsAWiderName() {
            Map<Column, String> values = row();
            values.put(Column.REGION, "Московского региона");
            Incident incident = accepted(values);
            assertThat(incident.regionIso()).isEqualTo("RU-MOS");
            assertThat(incident.regionMethod()).isEqualTo(MatchMethod.WIDER_NAME);
        }

        @Test
        void aNameInAnyGrammaticalCaseIsExactAndNotListed() {
            Map<Column, String> values = row();
            values.put(Column.REGION, "Белгородской областью");
            Incident incident = accepted(values);
            assertThat(incident.regionIso()).isEqualTo("RU-BEL");
            assertThat(incident.regionMethod()).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {"Смоленской областью", "Смоленская область", "Smolensk Oblast", "по Смоленской области"})
        void aDistrictColumnThatNamesTheRegionItselfIsTheRegionAsAWhole(String district) {
            Map<Column, String> values = row();
            values.put(Column.REGION, "Smolensk region");
            values.put(Column.DISTRICT, district);
            Incident incident = accepted(values);
            assertThat(incident.regionIso()).isEqualTo("RU-SMO");
            assertThat(incident.district()).isNull();
            assertThat(incident.districtKey().isRegion()).isTrue();
            assertThat(incident.districtInput()).isNull();
        }

        @Test
        void aDistrictColumnThatNamesAnotherRegionStaysAnUnresolvedDistrict() {
            Map<Column, String> values = row();
            values.put(Column.REGION, "Smolensk region");
            values.put(Column.DISTRICT, "Брянской области");
            Incident incident = accepted(values);
            assertThat(incident.district()).isEqualTo("Брянской области");
            assertThat(incident.districtKey().isUnresolved()).isTrue();
        }

        @Test
        void localTimeWithoutOffsetIsTheRegionsTime() {
            Map<Column, String> values = row();
            values.put(Column.REGION, "Sverdlovsk Oblast");
            values.put(Column.OCCURRED_AT, "2025-12-09 23:30");
            Incident incident = accepted(values);
            assertThat(incident.localTime()).isEqualTo(LocalDateTime.parse("2025-12-09T23:30"));
            assertThat(incident.night()).isEqualTo(LocalDate.parse("2025-12-09"));
        }
    }

    @Nested
    class Rejections {

        @ParameterizedTest(name = "{0} = ''{1}'' is rejected: {2}")
        @CsvSource(delimiter = '|', value = {
                "region      | ''                 | missing value: region is required",
                "event_type  | ''                 | missing value: event_type is required",
                "source      | '  '               | missing value: source is required",
                "region      | Atlantis           | unknown region",
                "event_type  | exploded           | unknown event type",
                // A type denied is no type; "shot down" beside another type is two.
                "event_type  | не сбит            | unknown event type",
                "event_type  | не сбит, упал      | unknown event type",
                "event_type  | попадания нет      | unknown event type",
                "event_type  | без попадания      | unknown event type",
                "event_type  | обломки не обнаружены | unknown event type",
                "event_type  | not intercepted    | unknown event type",
                "event_type  | shot down; debris  | unknown event type",
                "event_type  | shot down and impact | unknown event type",
                "uav_count   | 1.000              | not a whole number",
                "occurred_at | yesterday night    | unparseable date/time",
                "occurred_at | 2025-02-30 10:00   | unparseable date/time",
                "occurred_at | 31.12.2025 10:00   | date in the future",
                "occurred_at | 2025-12-11         | date in the future",
                "uav_count   | -3                 | a count cannot be negative",
                "uav_count   | 3.5                | not a whole number",
                "uav_count   | about ten          | not a whole number",
                "killed      | -1                 | a count cannot be negative",
                "injured     | two                | not a whole number",
                "uav_count   | 2147483647         | too large: a count may be at most 100,000",
                "uav_count   | 99999999999999999999 | too large: a count may be at most 100,000",
                "killed      | 100001             | too large: a count may be at most 100,000",
                "occurred_at | 1980-12-07 23:00   | date out of range: nights from 2000-01-01 up to the run's clock are supported",
                "occurred_at | 0001-12-07         | date out of range",
                "occurred_at | 07.12.0001 23:00   | date out of range",
                "occurred_at | 01.01.2000 03:00   | date out of range",
                "occurred_at | 07.12.25 23:00     | unparseable date/time",
                "occurred_at | 25-12-07           | unparseable date/time",
        })
        void rejectsBadValueWithColumnValueAndReason(String column, String value, String reason) {
            Map<Column, String> values = row();
            values.put(Column.fromHeader(column).orElseThrow(), value);
            Rejection rejection = rejected(values);
            assertThat(rejection.file()).isEqualTo("input.csv");
            assertThat(rejection.line()).isEqualTo(7);
            assertThat(rejection.column()).isEqualTo(column);
            assertThat(rejection.value()).isEqualTo(value);
            assertThat(english(rejection.reason())).startsWith(reason);
        }

        @Test
        void saysWhichRegionsANameOfSeveralRegionsNames() {
            Map<Column, String> values = row();
            values.put(Column.REGION, "в Донбассе");
            Rejection rejection = rejected(values);
            assertThat(rejection.column()).isEqualTo("region");
            assertThat(english(rejection.reason())).isEqualTo("unknown region: names several regions: Donetsk Oblast, Luhansk Oblast");
        }

        /** A cell naming two types says which, so that a person splits the row rather than guesses at a word. */
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "shot down; debris | shot_down, debris",
                "сбиты ПВО, обломки упали на крышу | shot_down, debris",
                "прилёт и обломки | impact, debris",
        })
        void saysWhichTypesACellOfTwoNames(String text, String types) {
            Map<Column, String> values = row();
            values.put(Column.EVENT_TYPE, text);
            Rejection rejection = rejected(values);
            assertThat(rejection.column()).isEqualTo("event_type");
            assertThat(english(rejection.reason())).isEqualTo("unknown event type: the words name " + types
                    + "; a row reports one type (one row per type)");
            assertThat(rejection.reason().kind().group()).isEqualTo(RejectionKind.UNKNOWN_EVENT_TYPE);
        }

        @Test
        void rejectsUnparseableNight() {
            Map<Column, String> values = row();
            values.remove(Column.OCCURRED_AT);
            values.put(Column.NIGHT, "2025-12-07/09");
            Rejection rejection = rejected(values);
            assertThat(rejection.column()).isEqualTo("night");
            assertThat(english(rejection.reason())).startsWith("unparseable night");
        }

        @Test
        void rejectsNightInTheFuture() {
            Map<Column, String> values = row();
            values.remove(Column.OCCURRED_AT);
            values.put(Column.NIGHT, "2025-12-11/12");
            assertThat(english(rejected(values).reason())).startsWith("night in the future");
        }

        @ParameterizedTest
        @ValueSource(strings = {"1999-12-31/2000-01-01", "0001-12-07", "1980-12-07/08"})
        void rejectsANightBeforeTheSupportedRange(String night) {
            Map<Column, String> values = row();
            values.remove(Column.OCCURRED_AT);
            values.put(Column.NIGHT, night);
            Rejection rejection = rejected(values);
            assertThat(rejection.column()).isEqualTo("night");
            assertThat(english(rejection.reason()))
                    .isEqualTo("date out of range: nights from 2000-01-01 up to the run's clock are supported");
        }

        @Test
        void acceptsTheFirstNightOfTheSupportedRange() {
            Map<Column, String> values = row();
            values.put(Column.OCCURRED_AT, "2000-01-01 23:00");
            assertThat(accepted(values).night()).isEqualTo(java.time.LocalDate.of(2000, 1, 1));
        }

        @ParameterizedTest
        @ValueSource(strings = {"\u00A0", "\u200B", "\uFEFF", "\u00A0\u200B\u2060 \u3000", "\u202F\u00AD\u200D", "\u3164"})
        void rejectsASourceOfInvisibleCharactersAsMissing(String source) {
            Map<Column, String> values = row();
            values.put(Column.SOURCE, source);
            Rejection rejection = rejected(values);
            assertThat(rejection.column()).isEqualTo("source");
            assertThat(english(rejection.reason())).isEqualTo("missing value: source is required");
        }

        @Test
        void stripsInvisibleCharactersAtTheEdgesOfEveryValue() {
            Map<Column, String> values = row();
            values.put(Column.SOURCE, "\uFEFF\u00A0Governor (Telegram)\u200B");
            values.put(Column.REGION, "\u200BRostov region\u00A0");
            values.put(Column.UAV_COUNT, "\u00A03\u200B");
            values.put(Column.NOTES, "\u2060two\u00A0words\u00A0");
            Incident incident = accepted(values);
            assertThat(incident.source()).isEqualTo("Governor (Telegram)");
            assertThat(incident.uavCount()).isEqualTo(3);
            assertThat(incident.notes()).isEqualTo("two\u00A0words");
            Map<Column, String> visible = row();
            visible.put(Column.UAV_COUNT, "3");
            visible.put(Column.NOTES, "two\u00A0words");
            assertThat(incident.contentHash()).isEqualTo(accepted(visible).contentHash());
        }

        @Test
        void acceptsTheLargestCountAndLeadingZeros() {
            Map<Column, String> values = row();
            values.put(Column.UAV_COUNT, "100000");
            values.put(Column.KILLED, "0007");
            Incident incident = accepted(values);
            assertThat(incident.uavCount()).isEqualTo(100_000);
            assertThat(incident.killed()).isEqualTo(7);
        }

        @Test
        void rejectsRowWithNeitherTimeNorNight() {
            Map<Column, String> values = row();
            values.put(Column.OCCURRED_AT, "");
            Rejection rejection = rejected(values);
            assertThat(rejection.column()).isEqualTo("occurred_at");
            assertThat(english(rejection.reason())).isEqualTo("missing value: give occurred_at or night");
        }

        @Test
        void passesOnTheReadersReasonForAMalformedRow() {
            RawRow row = new RawRow("input.csv", 12, new String[Column.values().length], "a,b",
                    com.incidenttally.incident.Reason.of(com.incidenttally.incident.RejectionKind.WRONG_FIELD_COUNT, 12, 2));
            Rejection rejection = normalizer.normalize(row).rejection();
            assertThat(rejection.line()).isEqualTo(12);
            assertThat(rejection.column()).isEqualTo("(row)");
            assertThat(english(rejection.reason())).isEqualTo("expected 12 fields, found 2");
            assertThat(rejection.raw()).isEqualTo("a,b");
        }
    }

    @Nested
    class Values {

        @ParameterizedTest
        @ValueSource(strings = {"", "unknown", "multiple", "several", "несколько", "Several", "multiple drones",
                "number unconfirmed", "Number not specified", "несколько БПЛА", "количество уточняется", "не установлено",
                "неизвестное количество", "кілька дронів", "невідома кількість", "группа беспилотников", "n/a", "?",
                "н/д", "не указано", "не сообщается", "множество", "a few", "десятки", "dozens", "undisclosed",
                "нет данных", "-", "—", "nan"})
        void vagueUavCountIsUnknown(String value) {
            Map<Column, String> values = row();
            values.put(Column.UAV_COUNT, value);
            assertThat(accepted(values).uavCount()).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {"drones", "about ten", "несколько 5", "3 or more", "БПЛА", "three (multiple sources)",
                "two, not confirmed", "несколько, не менее двух", "один или несколько", "sevral", "несколко"})
        void aCountThatSaysNeitherANumberNorThatItIsUnknownIsRejected(String value) {
            Map<Column, String> values = row();
            values.put(Column.UAV_COUNT, value);
            assertThat(english(rejected(values).reason())).isEqualTo("not a whole number");
        }

        @ParameterizedTest
        @CsvSource({"shot down, SHOT_DOWN", "Intercepted, SHOT_DOWN", "уничтожен, SHOT_DOWN", "сбит, SHOT_DOWN",
                "wreckage, DEBRIS", "обломки, DEBRIS", "strike, IMPACT", "прилёт, IMPACT", "попадание, IMPACT",
                "атака, ATTACK", "ATTACK, ATTACK",
                // A type word among other words, a negation beside none of them.
                "shot down near the school, SHOT_DOWN", "'debris, no casualties', DEBRIS", "обломки упали, DEBRIS",
                "атака отражена, ATTACK"})
        void eventTypeAliases(String text, EventType type) {
            Map<Column, String> values = row();
            values.put(Column.EVENT_TYPE, text);
            assertThat(accepted(values).eventType()).isEqualTo(type);
        }

        @ParameterizedTest
        @CsvSource({"3.0, 3", "0.0, 0", "12.0, 12"})
        void aWholeCountWrittenAsAFloatIsThatCount(String text, int count) {
            // pandas writes a count column with blanks in it as floats.
            Map<Column, String> values = row();
            values.put(Column.UAV_COUNT, text);
            values.put(Column.KILLED, text);
            Incident incident = accepted(values);
            assertThat(incident.uavCount()).isEqualTo(count);
            assertThat(incident.killed()).isEqualTo(count);
        }

        @Test
        void aDashForCasualtiesIsNotReported() {
            Map<Column, String> values = row();
            values.put(Column.KILLED, "—");
            values.put(Column.INJURED, "нет данных");
            Incident incident = accepted(values);
            assertThat(incident.killed()).isNull();
            assertThat(incident.injured()).isNull();
        }

        @Test
        void blankCasualtiesAreNotReportedAndZeroIsZero() {
            Map<Column, String> values = row();
            values.put(Column.KILLED, "");
            values.put(Column.INJURED, "0");
            Incident incident = accepted(values);
            assertThat(incident.killed()).isNull();
            assertThat(incident.injured()).isZero();
        }

        @Test
        void formulaLikeTextIsKeptAsData() {
            Map<Column, String> values = row();
            values.put(Column.LOCATION, "=HYPERLINK(\"http://example.org\",\"click\")");
            assertThat(accepted(values).location()).isEqualTo("=HYPERLINK(\"http://example.org\",\"click\")");
        }

        @Test
        void overLongTextIsCutWithAVisibleMarker() {
            Map<Column, String> values = row();
            values.put(Column.NOTES, "x".repeat(40_000));
            String notes = accepted(values).notes();
            assertThat(notes).hasSize(FreeText.MAX_LENGTH).endsWith("[cut: 40,000 characters]");
        }

        @Test
        void exactDuplicateRowsShareAHashAndOtherRowsDoNot() {
            String first = accepted(row()).contentHash();
            assertThat(accepted(row()).contentHash()).isEqualTo(first);
            Map<Column, String> other = row();
            other.put(Column.SOURCE, "Another source");
            assertThat(accepted(other).contentHash()).isNotEqualTo(first);
        }

        @Test
        void aRowCopiedByAToolThatWritesDatesAndCountsItsOwnWayIsTheSameRow() {
            // A CSV file and LibreOffice's xlsx of it: the date cell reads back ISO, a count column with blanks as floats.
            String first = accepted(row()).contentHash();
            Map<Column, String> copied = row();
            copied.put(Column.OCCURRED_AT, "08.12.2025 03:10");
            copied.put(Column.UAV_COUNT, "2.0");
            assertThat(accepted(copied).contentHash()).isEqualTo(first);
            Map<Column, String> later = row();
            later.put(Column.OCCURRED_AT, "08.12.2025 03:11");
            assertThat(accepted(later).contentHash()).isNotEqualTo(first);
            Map<Column, String> more = row();
            more.put(Column.UAV_COUNT, "3");
            assertThat(accepted(more).contentHash()).isNotEqualTo(first);
        }

        @Test
        void regionSpelledAnotherWayResolvesToItsCode() {
            Map<Column, String> values = row();
            values.put(Column.REGION, "Ростовская область");
            assertThat(accepted(values).regionIso()).isEqualTo("RU-ROS");
        }
    }

    /** A rejected row still belongs to a night when its date reads, so that a report of that night's period lists it. */
    @Nested
    class NightOfARejectedRow {

        @Test
        void aRowRejectedForItsRegionKeepsTheNightItsDateNames() {
            Map<Column, String> values = row();
            values.put(Column.REGION, "Atlantis");
            Rejection rejection = rejected(values);
            assertThat(rejection.column()).isEqualTo("region");
            // 03:10 Moscow time, the time most regions keep, on the morning of 8 Dec: the night of the 7th.
            assertThat(rejection.night()).isEqualTo(LocalDate.parse("2025-12-07"));
            assertThat(rejection.source()).isEqualTo("Governor (Telegram)");
        }

        @Test
        void aRowRejectedForItsCountReadsItsTimeInItsRegionsZone() {
            Map<Column, String> values = row();
            values.put(Column.REGION, "Kaliningrad Oblast");
            values.put(Column.OCCURRED_AT, "2025-12-08T10:30:00Z");
            values.put(Column.UAV_COUNT, "-1");
            Rejection rejection = rejected(values);
            assertThat(rejection.column()).isEqualTo("uav_count");
            // 12:30 in Kaliningrad (UTC+2), past noon: the night of the 8th; Moscow would say the same.
            assertThat(rejection.night()).isEqualTo(LocalDate.parse("2025-12-08"));
        }

        @Test
        void aRowRejectedForItsDateHasNoNight() {
            Map<Column, String> values = row();
            values.put(Column.OCCURRED_AT, "yesterday evening");
            assertThat(rejected(values).night()).isNull();
        }

        @Test
        void aRowDatedInTheFutureHasNoNight() {
            Map<Column, String> values = row();
            values.put(Column.OCCURRED_AT, "2026-01-08 03:10");
            Rejection rejection = rejected(values);
            assertThat(rejection.column()).isEqualTo("occurred_at");
            assertThat(rejection.night()).isNull();
        }

        @Test
        void aRowWithNoDateAndAnotherFaultHasNoNight() {
            Map<Column, String> values = row();
            values.remove(Column.OCCURRED_AT);
            values.put(Column.EVENT_TYPE, "sideways");
            Rejection rejection = rejected(values);
            assertThat(rejection.column()).isEqualTo("night");
            assertThat(rejection.night()).isNull();
        }

        @Test
        void aRowRejectedForItsSourceNamesNone() {
            Map<Column, String> values = row();
            values.remove(Column.SOURCE);
            Rejection rejection = rejected(values);
            assertThat(rejection.column()).isEqualTo("source");
            assertThat(rejection.source()).isNull();
            assertThat(rejection.night()).isEqualTo(LocalDate.parse("2025-12-07"));
        }
    }
}
