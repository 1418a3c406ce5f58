package com.incidenttally.places;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A town or city in the region column counts under the one region it lies in, and says so. */
class CityInRegionColumnTests {

    private static final Gazetteer GAZETTEER = Gazetteer.bundled();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Berdyansk|Zaporizhzhia Oblast",
            "Melitopol|Zaporizhzhia Oblast",
            "Mariupol|Donetsk Oblast",
            "Horlivka|Donetsk Oblast",
            "Taganrog|Rostov Oblast",
            "Shebekino|Belgorod Oblast",
            "Rostov-on-Don|Rostov Oblast",
            "Таганрог|Rostov Oblast",
            "Mariupol, Ukraine|Donetsk Oblast",
    })
    void resolvesACityToItsRegionAndSaysSo(String input, String expected) {
        PlaceMatch<Region> match = GAZETTEER.resolveRegion(input);
        assertThat(match.resolved()).as(input).isTrue();
        assertThat(match.place().name()).isEqualTo(expected);
        assertThat(match.method()).isIn(MatchMethod.CITY_NAMED, MatchMethod.NOTE_DROPPED);
        assertThat(MatchMethod.CITY_NAMED.label()).isEqualTo("city named");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"Kyiv|Kyiv", "Moscow|Moscow", "Sevastopol|Sevastopol", "Donetsk|Donetsk Oblast"})
    void aCityThatIsItselfARegionStaysThatRegion(String input, String expected) {
        PlaceMatch<Region> match = GAZETTEER.resolveRegion(input);
        assertThat(match.place().name()).isEqualTo(expected);
        assertThat(match.method()).isEqualTo(MatchMethod.EXACT);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Berdyansk Oblast", "Mariupol region", "Taganrog raion"})
    void aNameThatSaysOblastOrRaionIsNeverACity(String input) {
        assertThat(GAZETTEER.resolveRegion(input).method()).isNotEqualTo(MatchMethod.CITY_NAMED);
    }

    @Test
    void aCityIsNeverGuessedAsALookalikeRegion() {
        // Berdyansk is one slip-pair from Bryansk Oblast; its own region comes first and the lookalike is unsure.
        assertThat(GAZETTEER.regionCandidates("Berdyansk", 3)).first()
                .satisfies(c -> assertThat(c.place().name()).isEqualTo("Zaporizhzhia Oblast"));
        assertThat(GAZETTEER.regionCandidates("Berdyansk", 3).subList(1, 3)).allSatisfy(c -> assertThat(c.sure()).isFalse());
    }

    @Test
    void aTownNameTwoRegionsShareIsNeither() {
        // Several regions have a town called Sovetsk, Kirovsk or Zarechny: the name alone does not say which.
        assertThat(GAZETTEER.resolveRegion("Sovetsk").method()).isNotEqualTo(MatchMethod.CITY_NAMED);
        assertThat(GAZETTEER.resolveRegion("Zarechny").method()).isNotEqualTo(MatchMethod.CITY_NAMED);
    }
}
