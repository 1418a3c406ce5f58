package com.incidenttally.places;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A Ukrainian raion by the name of the town it is named after, today's or a former one. */
class CentreCityRaionTests {

    private static final Gazetteer GAZETTEER = Gazetteer.bundled();

    @ParameterizedTest(name = "{1} in {0} -> {2} ({3})")
    @CsvSource(delimiter = '|', value = {
            "UA-12|Dnipro Raion|Dniprovskyi Raion|OTHER_NAME",
            "UA-63|Kharkiv district|Kharkivskyi Raion|OTHER_NAME",
            "UA-59|Sumy Raion|Sumskyi Raion|OTHER_NAME",
            "UA-51|Odesa Raion|Odeskyi Raion|OTHER_NAME",
            "UA-12|Днепровский район|Dniprovskyi Raion|FUZZY",
            "UA-63|Krasnohrad Raion|Berestynskyi Raion|FORMER_NAME",
            "UA-18|Novohrad-Volynskyi district|Zvyahelskyi Raion|FORMER_NAME",
            "UA-12|Novomoskovsk Raion|Samarivskyi Raion|FORMER_NAME",
            "UA-12|Novomoskovsk district|Samarivskyi Raion|FORMER_NAME",
    })
    void resolvesARaionByItsCentre(String iso, String input, String expected, MatchMethod method) {
        PlaceMatch<District> match = GAZETTEER.resolveDistrict(GAZETTEER.regionByIso(iso).orElseThrow(), input);
        assertThat(match.resolved()).as(input).isTrue();
        assertThat(match.place().name()).isEqualTo(expected);
        if (method == MatchMethod.OTHER_NAME) {
            // The town's name as GeoNames spells it (Odessa) or another spelling of it (Odesa).
            assertThat(match.method()).isIn(MatchMethod.OTHER_NAME, MatchMethod.TRANSLITERATED);
        } else {
            assertThat(match.method()).isEqualTo(method);
        }
    }

    @ParameterizedTest(name = "{1} in {0}")
    @CsvSource(delimiter = '|', value = {"UA-63|Dnipro Raion", "RU-KRS|Kursk Raion"})
    void aTownOfAnotherRegionNamesNoRaionHere(String iso, String input) {
        PlaceMatch<District> match = GAZETTEER.resolveDistrict(GAZETTEER.regionByIso(iso).orElseThrow(), input);
        assertThat(match.resolved() && match.method() == MatchMethod.OTHER_NAME).isFalse();
    }
}
