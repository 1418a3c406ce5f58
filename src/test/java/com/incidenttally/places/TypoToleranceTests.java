package com.incidenttally.places;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** One rule for slips of the hand, in regions and districts alike: a swap of two neighbours is one slip. */
class TypoToleranceTests {

    private static final Gazetteer GAZETTEER = Gazetteer.bundled();

    @Nested
    class Distance {

        @ParameterizedTest(name = "{0} / {1}: {2}")
        @CsvSource({
                "oblast, oblsat, 1",
                "oblast, obalst, 1",
                "region, regoin, 1",
                "voronezh, voronehz, 1",
                "rostov, rostvo, 1",
                "rostov, rostov, 0",
                "rostov, rotsvo, 2",
                "abc, cba, 2",
                "'', abc, 3",
        })
        void countsASwapOfNeighboursAsOneEdit(String a, String b, int expected) {
            assertThat(Edits.distance(a, b, 5)).isEqualTo(expected);
            assertThat(Edits.distance(b, a, 5)).isEqualTo(expected);
        }

        @Test
        void stopsCountingPastTheLimit() {
            assertThat(Edits.distance("kharkiv", "sevastopol", 2)).isEqualTo(3);
        }
    }

    @Nested
    class KindWords {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "Rostov Obalst, Rostov Oblast",
                "Rostov Oblsat, Rostov Oblast",
                "Belgorod Regoin, Belgorod Oblast",
                "Kursk Oblastt, Kursk Oblast",
                "Republc of Tatarstan, Tatarstan",
        })
        void aSlipInAWordOfKindCostsNothing(String input, String expected) {
            PlaceMatch<Region> match = GAZETTEER.resolveRegion(input);
            assertThat(match.resolved()).as(input).isTrue();
            assertThat(match.place().name()).isEqualTo(expected);
            assertThat(match.method()).isNotEqualTo(MatchMethod.FUZZY);
        }

        @Test
        void aSlipInADistrictsWordOfKindCostsNothing() {
            Region rostov = GAZETTEER.regionByIso("RU-ROS").orElseThrow();
            assertThat(GAZETTEER.resolveDistrict(rostov, "Chertkovsky Raoin").place().name()).isEqualTo("Chertkovsky District");
            assertThat(GAZETTEER.resolveDistrict(rostov, "Chertkovsky Distirct").place().name()).isEqualTo("Chertkovsky District");
        }

        @Test
        void aWordAloneIsNotTakenForAWordOfKind() {
            assertThat(NameFolding.normalize("Regoin")).isEqualTo("regoin");
        }
    }

    @Nested
    class Names {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "Voronehz Oblast, Voronezh Oblast",
                "Rostvo Oblast, Rostov Oblast",
                "Smolnesk Oblast, Smolensk Oblast",
                // Any slip, in a name that says it is a region or a sea (a word of kind, or the oblast's adjective).
                "Republic of Tatarstna, Tatarstan",
                "Rostvo region, Rostov Oblast",
                "Caspain Sea, Caspian Sea",
                "Sea of Azvo, Sea of Azov",
                "Belgordskaya, Belgorod Oblast",
                "Kharkvska, Kharkiv Oblast",
                "Харьквская, Kharkiv Oblast",
        })
        void aSwappedPairInARegionsNameIsOneSlip(String input, String expected) {
            PlaceMatch<Region> match = GAZETTEER.resolveRegion(input);
            assertThat(match.method()).as(input).isEqualTo(MatchMethod.FUZZY);
            assertThat(match.place().name()).isEqualTo(expected);
        }

        @Test
        void aSwappedPairInADistrictsNameIsOneSlipToo() {
            Region rostov = GAZETTEER.regionByIso("RU-ROS").orElseThrow();
            PlaceMatch<District> match = GAZETTEER.resolveDistrict(rostov, "Chertkvosky");
            assertThat(match.method()).isEqualTo(MatchMethod.FUZZY);
            assertThat(match.place().name()).isEqualTo("Chertkovsky District");
        }

        @Test
        void twoPlacesEquallyCloseAreNeither() {
            // One slip from Kursk and from Kirov alike would be a guess; so is a name that begins with a whole other name.
            Region rostov = GAZETTEER.regionByIso("RU-ROS").orElseThrow();
            assertThat(GAZETTEER.resolveDistrict(rostov, "Kamensky-Shakhtinsky District").resolved()).isFalse();
        }

        @ParameterizedTest(name = "{0} is no {1}")
        @CsvSource({
                // Towns and villages of Russia and Ukraine (GeoNames, KATOTTG) that were taken for misspelt regions.
                "Kalga, Kaluga Oblast",
                "Orlovka, Oryol Oblast",
                "Kostrovo, Kostroma Oblast",
                "Yurga, Khanty-Mansi Autonomous Okrug",
                "Smolenka, Smolensk Oblast",
                "Krasnodon, Krasnodar Krai",
                "Краснодон, Krasnodar Krai",
                "Вороніж, Voronezh Oblast",
                "Волинка, Volyn Oblast",
                "Pritomskiy, Primorsky Krai",
                // A bare slip of a region's own name is unresolved too; the region is its first suggestion.
                "Smolnesk, Smolensk Oblast",
                "Tatarstna, Tatarstan",
        })
        void aBareWordASlipFromARegionIsNoRegionButItsSuggestion(String input, String region) {
            assertThat(GAZETTEER.resolveRegion(input).resolved()).as(input).isFalse();
            assertThat(GAZETTEER.regionCandidates(input, 3)).extracting(c -> c.place().name()).contains(region);
        }

        @Test
        void aNameThatStatesAKindIsNeverGuessedAsAPlaceOfAnother() {
            assertThat(GAZETTEER.resolveRegion("Sevastopl Oblast").resolved()).isFalse();
        }
    }
}
