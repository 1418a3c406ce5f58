package com.incidenttally.places;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Raions abolished by Ukraine's 2020 reform resolve to the raion that took them in, as "former district". */
class AbolishedRaionTests {

    private static final Gazetteer GAZETTEER = Gazetteer.bundled();

    @ParameterizedTest(name = "{1} in {0} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "UA-63|Балаклійський район|Izyumskyi Raion",
            "UA-63|Balakliiskyi raion|Izyumskyi Raion",
            "UA-63|Borivskyi raion|Izyumskyi Raion",
            "UA-05|Барський район|Zhmerynskyi Raion",
    })
    void resolvesToTheRaionThatTookItIn(String iso, String input, String expected) {
        PlaceMatch<District> match = GAZETTEER.resolveDistrict(GAZETTEER.regionByIso(iso).orElseThrow(), input);
        assertThat(match.resolved()).as(input).isTrue();
        assertThat(match.place().name()).isEqualTo(expected);
        assertThat(match.method()).isEqualTo(MatchMethod.FORMER_DISTRICT);
        assertThat(match.method().label()).isEqualTo("former district");
    }

    @Test
    void todaysRaionOfTheSameNameWins() {
        // Kharkivskyi Raion existed before 2020 and exists today: its name is today's raion, never a former one.
        PlaceMatch<District> match = GAZETTEER.resolveDistrict(GAZETTEER.regionByIso("UA-63").orElseThrow(), "Kharkivskyi raion");
        assertThat(match.method()).isEqualTo(MatchMethod.EXACT);
    }

    @Test
    void anAbolishedRaionOfAnotherOblastIsNotHere() {
        assertThat(GAZETTEER.resolveDistrict(GAZETTEER.regionByIso("UA-05").orElseThrow(), "Балаклійський район")
                .resolved()).isFalse();
    }
}
