package com.incidenttally.normalize;

import static com.incidenttally.TestReasons.english;
import com.incidenttally.incident.Incident;
import com.incidenttally.ingest.Column;
import com.incidenttally.ingest.RawRow;
import com.incidenttally.places.Gazetteer;
import com.incidenttally.sources.SourceNames;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A run may give a contested region another local time than the gazetteer's Moscow time. */
class RegionZonesTests {

    private static final Gazetteer GAZETTEER = Gazetteer.bundled();
    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    @Nested
    class Choices {

        @Test
        void aRegionByItsCodeOrItsNameGetsTheZoneChosen() {
            RegionZones zones = RegionZones.parse(List.of("UA-14=Europe/Kyiv", "Luhansk Oblast=Europe/Kyiv"), GAZETTEER);

            assertThat(zones.zoneOf(GAZETTEER.regionByIso("UA-14").orElseThrow())).isEqualTo(KYIV);
            assertThat(zones.zoneOf(GAZETTEER.regionByIso("UA-09").orElseThrow())).isEqualTo(KYIV);
            assertThat(zones.toString()).isEqualTo("UA-09=Europe/Kyiv,UA-14=Europe/Kyiv");
        }

        @Test
        void everyOtherRegionKeepsTheGazetteersZone() {
            RegionZones zones = RegionZones.parse(List.of("UA-14=Europe/Kyiv"), GAZETTEER);

            assertThat(zones.zoneOf(GAZETTEER.regionByIso("UA-65").orElseThrow())).isEqualTo(ZoneId.of("Europe/Moscow"));
            assertThat(zones.zoneOf(GAZETTEER.regionByIso("RU-KGD").orElseThrow())).isEqualTo(ZoneId.of("Europe/Kaliningrad"));
            assertThat(RegionZones.DEFAULT.zoneOf(GAZETTEER.regionByIso("UA-14").orElseThrow()))
                    .isEqualTo(ZoneId.of("Europe/Moscow"));
        }

        @Test
        void theJobParameterReadsBackAsTheSameChoice() {
            RegionZones zones = RegionZones.parse(List.of("UA-23=Europe/Kyiv", "UA-14=Europe/Kyiv"), GAZETTEER);

            assertThat(RegionZones.of(zones.toString(), GAZETTEER)).isEqualTo(zones);
            assertThat(RegionZones.of("", GAZETTEER)).isSameAs(RegionZones.DEFAULT);
            assertThat(RegionZones.DEFAULT.toString()).isEmpty();
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
                no zone             | UA-14                                | expected REGION=ZONE, e.g. UA-14=Europe/Kyiv, got 'UA-14'
                blank zone          | UA-14=                               | expected REGION=ZONE, e.g. UA-14=Europe/Kyiv, got 'UA-14='
                unknown region      | Narnia=Europe/Kyiv                   | 'Narnia' is not a region of the gazetteer (give its ISO code, e.g. UA-14, or its name)
                unknown zone        | UA-14=Europe/Kiev-on-Sea             | 'Europe/Kiev-on-Sea' is not a time zone (an IANA name, e.g. Europe/Kyiv)
                """)
        void aWrongChoiceSaysWhichAndWhy(String problem, String choice, String message) {
            assertThatThrownBy(() -> RegionZones.parse(List.of(choice), GAZETTEER))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
        }

        @Test
        void oneRegionCannotHaveTwoZones() {
            assertThatThrownBy(() -> RegionZones.parse(List.of("UA-14=Europe/Kyiv", "Donetsk Oblast=Europe/Moscow"),
                    GAZETTEER)).hasMessage("Donetsk Oblast is given two zones, Europe/Kyiv and Europe/Moscow");
        }
    }

    @Nested
    class Normalizing {

        private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-12-10T09:00:00Z"), ZoneOffset.UTC);

        private Normalized normalize(RegionZones zones, String occurredAt) {
            Map<Column, String> values = new EnumMap<>(Column.class);
            values.put(Column.OCCURRED_AT, occurredAt);
            values.put(Column.REGION, "Donetsk Oblast");
            values.put(Column.EVENT_TYPE, "attack");
            values.put(Column.SOURCE, "official");
            String[] array = new String[Column.values().length];
            values.forEach((column, value) -> array[column.ordinal()] = value);
            return new IncidentNormalizer(GAZETTEER, new NightCalendar(NightWindow.DEFAULT), CLOCK, zones,
                    SourceNames.NONE).normalize(new RawRow("sirens.csv", 2, array, "", null));
        }

        private Incident donetsk(RegionZones zones, String occurredAt) {
            Normalized result = normalize(zones, occurredAt);
            assertThat(result.rejection()).isNull();
            return result.incident();
        }

        @Test
        void anAlertInUtcLandsOnTheKyivNightWhenTheRunSaysSo() {
            // 09:30 UTC in winter: 12:30 in Moscow (the night of the 8th), 11:30 in Kyiv (still the night of the 7th).
            Incident moscow = donetsk(RegionZones.DEFAULT, "2025-12-08T09:30:00Z");
            Incident kyiv = donetsk(RegionZones.parse(List.of("UA-14=Europe/Kyiv"), GAZETTEER), "2025-12-08T09:30:00Z");

            assertThat(moscow.night()).isEqualTo(LocalDate.parse("2025-12-08"));
            assertThat(kyiv.night()).isEqualTo(LocalDate.parse("2025-12-07"));
            assertThat(kyiv.localTime()).isEqualTo(LocalDateTime.parse("2025-12-08T11:30"));
        }

        @Test
        void anAlertInUtcIsDaytimeInKyivThoughNightTimeInMoscow() {
            Incident moscow = donetsk(RegionZones.DEFAULT, "2025-12-05T15:30:00Z");
            Incident kyiv = donetsk(RegionZones.parse(List.of("UA-14=Europe/Kyiv"), GAZETTEER), "2025-12-05T15:30:00Z");

            assertThat(moscow.nightTime()).isTrue();
            assertThat(kyiv.nightTime()).isFalse();
            assertThat(kyiv.localTime()).isEqualTo(LocalDateTime.parse("2025-12-05T17:30"));
        }

        @Test
        void aLocalTimeWithoutOffsetIsReadInTheChosenZone() {
            // The run's clock is 09:00 UTC: 11:30 is 08:30 UTC in Moscow time, but 09:30 UTC, the future, in Kyiv time.
            assertThat(normalize(RegionZones.DEFAULT, "2025-12-10 11:30").isAccepted()).isTrue();

            Normalized kyiv = normalize(RegionZones.parse(List.of("UA-14=Europe/Kyiv"), GAZETTEER), "2025-12-10 11:30");

            assertThat(english(kyiv.rejection().reason())).startsWith("date in the future");
        }
    }
}
