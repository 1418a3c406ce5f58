package com.incidenttally.places;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A note or a country beside a place is dropped and said; text that names no place is no place. */
class NameNotesTests {

    private static final Gazetteer GAZETTEER = Gazetteer.bundled();

    @ParameterizedTest(name = "{0} -> {1} (dropped {2})")
    @CsvSource(delimiter = '|', value = {
            "Kharkiv Oblast, Ukraine|Kharkiv Oblast|Ukraine",
            "Belgorod Oblast, Russia|Belgorod Oblast|Russia",
            "Kherson Oblast (right bank)|Kherson Oblast|(right bank)",
            "Сумська область, Україна|Sumy Oblast|Україна",
            "Rostov Oblast Russia|Rostov Oblast|Russia",
            "Kursk Oblast (RU) - Russian Federation|Kursk Oblast|(RU), Russian Federation",
    })
    void dropsATrailingCountryOrANoteAndSaysSo(String input, String expected, String dropped) {
        PlaceMatch<Region> match = GAZETTEER.resolveRegion(input);
        assertThat(match.resolved()).as(input).isTrue();
        assertThat(match.place().name()).isEqualTo(expected);
        assertThat(match.method()).isNotEqualTo(MatchMethod.EXACT);
        assertThat(match.note()).isEqualTo("dropped: " + dropped);
    }

    @Test
    void aDistrictWithANoteIsListedWithItsMethod() {
        Region rostov = GAZETTEER.regionByIso("RU-ROS").orElseThrow();
        PlaceMatch<District> match = GAZETTEER.resolveDistrict(rostov, "Chertkovsky District (border)");
        assertThat(match.place().name()).isEqualTo("Chertkovsky District");
        assertThat(match.method()).isEqualTo(MatchMethod.NOTE_DROPPED);
    }

    @Test
    void aNoteAroundAnUnknownNameLeavesItUnresolved() {
        assertThat(GAZETTEER.resolveRegion("Atlantis (Ukraine)").resolved()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"east", "East", "south-west", "north-east", "North East", "Ukraine", "Russia",
            "unknown", "n/a", "Eastern Ukraine", "юг", "схід", "невідомо", "Россия"})
    void textThatNamesNoPlaceIsRejectedWithoutCandidates(String input) {
        PlaceMatch<Region> match = GAZETTEER.resolveRegion(input);
        assertThat(match.resolved()).isFalse();
        assertThat(match.note()).isEqualTo(Gazetteer.NOT_A_PLACE);
        assertThat(GAZETTEER.regionCandidates(input, 3)).isEmpty();
    }

    @Test
    void namesOfPlacesThatHoldADirectionAreStillPlaces() {
        assertThat(GAZETTEER.resolveRegion("North Ossetia").resolved()).isTrue();
        Region moscow = GAZETTEER.regionByIso("RU-MOW").orElseThrow();
        assertThat(GAZETTEER.districtCandidates(moscow, "Центральный", 3)).isNotEmpty();
    }

    @Test
    void aDistrictColumnSayingUnknownIsNoDistrict() {
        Region rostov = GAZETTEER.regionByIso("RU-ROS").orElseThrow();
        assertThat(GAZETTEER.resolveDistrict(rostov, "unknown").note()).isEqualTo(Gazetteer.NOT_A_PLACE);
        assertThat(GAZETTEER.districtCandidates(rostov, "east", 3)).isEmpty();
    }
}
