package com.incidenttally.places;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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
                "Климовского р-на|климовского район",
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

    /**
     * The folds test characters by hand where they ran regular expressions: each must answer as its expression
     * does, on the awkward cases and on random text of the alphabets names come in.
     */
    @Nested
    class AsTheirExpressions {

        private static final java.util.regex.Pattern NOT_LETTER_OR_DIGIT =
                java.util.regex.Pattern.compile("[^\\p{L}\\p{Nd}]+");
        private static final java.util.regex.Pattern DOUBLED = java.util.regex.Pattern.compile("(\\p{L})\\1+");
        /** Letters, digits, spaces, marks, punctuation, a lone surrogate, a letter outside the BMP, a line break. */
        private static final String ALPHABET = "abzAZ09 орёіїЁЯ٣²½ǅ \u0301\u00a0\t\n.,-'’«»()ʹъь\ud800𝐀𐐷ᲀ\u2028";

        @ParameterizedTest(name = "[{0}]")
        @ValueSource(strings = {
                "a", "a b", "a  b", " a", "a ", " ", "  ", "a -b", "a- b", "a - b", "-a-", "a--b", "ab cd ef",
                "a ,", "Ростов-на-Дону", "x²y", "٣a", "a\u00a0b", "a\tb", "",
        })
        void lettersAndDigits(String input) {
            assertThat(NameFolding.lettersAndDigits(input))
                    .isEqualTo(NOT_LETTER_OR_DIGIT.matcher(input).replaceAll(" ").trim());
        }

        @ParameterizedTest(name = "[{0}]")
        @ValueSource(strings = {
                "", "a", "aa", "aaa", "abba", "Aa", "aA", "11", "a11a", "--", "ёё", "ЁЁё", "𝐀𝐀", "𝐀𝐀𝐀b", "\ud800\ud800",
                "a\u0301\u0301", "ǅǅ", "kk k", "ss-ss", "ʹʹ", "ъъ",
        })
        void undoubled(String input) {
            assertThat(NameFolding.undoubled(input)).isEqualTo(DOUBLED.matcher(input).replaceAll("$1"));
        }

        @Test
        void onRandomText() {
            java.util.SplittableRandom random = new java.util.SplittableRandom(18);
            int[] points = ALPHABET.codePoints().toArray();
            for (int n = 0; n < 20_000; n++) {
                StringBuilder text = new StringBuilder();
                for (int length = random.nextInt(12); length > 0; length--) {
                    text.appendCodePoint(points[random.nextInt(points.length)]);
                }
                String input = text.toString();
                assertThat(NameFolding.lettersAndDigits(input)).as("[%s]", input)
                        .isEqualTo(NOT_LETTER_OR_DIGIT.matcher(input).replaceAll(" ").trim());
            }
        }

        /** Runs are what undoubling is about: text of few code points, so that neighbours are often alike. */
        @Test
        void undoubledOnRandomText() {
            java.util.SplittableRandom random = new java.util.SplittableRandom(18);
            int[] all = ALPHABET.codePoints().toArray();
            for (int n = 0; n < 20_000; n++) {
                int[] points = {all[random.nextInt(all.length)], all[random.nextInt(all.length)],
                        all[random.nextInt(all.length)]};
                StringBuilder text = new StringBuilder();
                for (int length = random.nextInt(12); length > 0; length--) {
                    text.appendCodePoint(points[random.nextInt(points.length)]);
                }
                String input = text.toString();
                assertThat(NameFolding.undoubled(input)).as("[%s]", input)
                        .isEqualTo(DOUBLED.matcher(input).replaceAll("$1"));
            }
        }
    }
}
