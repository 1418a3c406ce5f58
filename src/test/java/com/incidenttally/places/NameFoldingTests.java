package com.incidenttally.places;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class NameFoldingTests {

    @Nested
    class Normalize {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
                "Rostov Oblast|rostov oblast",
                "  ROSTOV   oblast.  |rostov oblast",
                "Rostovskaya oblast'|rostovskaya oblast",
                "Rostovskaya oblastʹ|rostovskaya oblast",
                "Ростовская обл.|ростовская област",
                "Чертковский р-н|чертковский район",
                "Орёл|орел",
                "Kabardino-Balkaria|kabardino balkaria",
                "St. Petersburg|st petersburg",
        })
        void foldsCasePunctuationYoAndAbbreviations(String input, String expected) {
            assertThat(NameFolding.normalize(input)).isEqualTo(expected);
        }

        @Test
        void blankAndNullFoldToEmpty() {
            assertThat(NameFolding.normalize(null)).isEmpty();
            assertThat(NameFolding.normalize(" ,.- ")).isEmpty();
        }
    }

    @Nested
    class Core {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
                "Rostov Oblast|rostov",
                "Rostov region|rostov",
                "Republic of Tatarstan|tatarstan",
                "Krasnodar Krai|krasnodar",
                "Ростовская область|ростовская",
                "Ростовская обл.|ростовская",
                "Чертковский район|чертковский",
                "Chertkovsky District|chertkovsky",
                "Zhirnovskiy Rayon|zhirnovskiy",
                "Shebekinsky Urban Okrug|shebekinsky",
                "Khanty-Mansi Autonomous Okrug|khanty mansi",
        })
        void dropsWordsOfKind(String input, String expected) {
            assertThat(NameFolding.core(input)).isEqualTo(expected);
        }

        @Test
        void keepsTheNameWhenItIsOnlyWordsOfKind() {
            assertThat(NameFolding.core("Region")).isEqualTo("region");
        }
    }

    @Nested
    class Spelling {

        @ParameterizedTest(name = "{0} = {1}")
        @CsvSource(delimiter = '|', value = {
                "Chertkovsky|Chertkovskoye",
                "Chertkovsky|Chertkovskiy",
                "Chertkovsky|Чертковский район",
                "Verkhnedonsky|Verkhnedonskoy",
                "Verkhnedonsky|Verhnedonskoe",
                "Millerovsky|Millerovskoye",
                "Zhirnovskiy Rayon|Zhirnovsky District",
                "Yegorlyksky|Egorlyksky",
                "Bagayevsky|Bagaevsky",
                "Vesyolovsky|Veselovsky",
                "Tsentralny|Tsentralnyy",
                "Ryazan|Rjazan",
        })
        void foldsTransliterationVariantsTogether(String one, String other) {
            assertThat(NameFolding.spelling(one)).isEqualTo(NameFolding.spelling(other));
        }

        @ParameterizedTest(name = "{0} != {1}")
        @CsvSource(delimiter = '|', value = {
                "Volgodonsk|Volgodonskoy",
                "Azov|Azovsky",
                "Kamensky|Kamensk-Shakhtinsky",
        })
        void keepsACityApartFromTheDistrictNamedAfterIt(String one, String other) {
            assertThat(NameFolding.spelling(one)).isNotEqualTo(NameFolding.spelling(other));
        }
    }
}
