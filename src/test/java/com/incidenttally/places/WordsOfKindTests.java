package com.incidenttally.places;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a word of kind says, as reports abbreviate it (р-н, г.о., м.о., ГО, пос., с., м., кр.): a district is never a
 * region of the same adjective, a village never a district, and an urban okrug is its district.
 */
class WordsOfKindTests {

    private static final Gazetteer GAZETTEER = Gazetteer.bundled();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // Kirov Oblast has no Kirovsky District; Kirovsky Districts are in Primorsky Krai, Leningrad Oblast …
            "Кировский район", "Кировский р-н", "Кировского района", "Kirovskyi raion", "Kirovsky District",
            "Московский район", "Приморский район", "Ставропольский район", "Амурский район",
    })
    void aDistrictInTheRegionColumnIsNoRegionOfItsAdjective(String input) {
        PlaceMatch<Region> match = GAZETTEER.resolveRegion(input);
        assertThat(match.resolved()).as("%s resolved to %s", input, match.place()).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "в районе Черного моря|Black Sea",
            "в районе Белгорода|Belgorod Oblast",
            "м. Харків|Kharkiv Oblast",
            "м. Київ|Kyiv",
            "Краснодарский кр.|Krasnodar Krai",
            // "Territory", as English writes krai; Crimea as Ukrainian writes it.
            "Kamchatka Territory|Kamchatka Krai",
            "Altai Territory|Altai Krai",
            "АР Крим|Crimea",
            "АРК|Crimea",
            "Автономна Республіка Крим|Crimea",
    })
    void nearAPlaceAndAbbreviatedKindsStillNameTheirRegion(String input, String expected) {
        PlaceMatch<Region> match = GAZETTEER.resolveRegion(input);
        assertThat(match.resolved()).as(input).isTrue();
        assertThat(match.place().name()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{1} in {0}: {2}")
    @CsvSource(delimiter = '|', value = {
            // Villages: the village Kirovsky of Kursk Oblast is in Pristensky District, not one a slip away.
            "Курская область|пос. Кировский|",
            "Курская область|с. Кировский|",
            "Курская область|пгт Глушково|",
            // Another region's town or district is no district here, whatever slip it is from one.
            "Курская область|г.о. Брянск|",
            "Тульская область|Климовский г.о.|",
            // An urban or municipal okrug however abbreviated.
            "Брянская область|Климовский г.о.|Klimovsky District",
            "Белгородская область|г.о. Белгород|Belgorod Urban Okrug",
            "Белгородская область|ГО Белгород|Belgorod Urban Okrug",
            "Белгородская область|Шебекинский г.о.|Shebekinsky Urban Okrug",
            "Белгородская область|г. Белгород|Belgorod Urban Okrug",
            // A village is no raion a slip from its name; a town its raion is named after is that raion.
            "Кіровоградська область|Олександрівка|",
            "Миколаївська область|Миколаївка|",
            "Львівська область|Стрілки|",
            "Житомирська область|Коростки|",
            "Запорізька область|Пологи|Polohivskyi Raion",
            "Полтавська область|Миргород|Myrhorodskyi Raion",
            "Voronezh Oblast|Ostrogozhsk|Ostrogozhsky District",
            "Ростовская область|Verhnedonneskoye|Verkhnedonskoy District",
    })
    void villagesAreNoDistrictsAndOkrugsAreTheirs(String region, String input, String expected) {
        PlaceMatch<District> match = GAZETTEER.resolveDistrict(GAZETTEER.resolveRegion(region).place(), input);
        if (expected == null) {
            assertThat(match.resolved()).as("%s resolved to %s", input, match.place()).isFalse();
        } else {
            assertThat(match.resolved()).as(input).isTrue();
            assertThat(match.place().name()).isEqualTo(expected);
        }
    }
}
