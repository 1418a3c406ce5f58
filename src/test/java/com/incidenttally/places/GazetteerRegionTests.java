package com.incidenttally.places;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GazetteerRegionTests {

    private final Gazetteer gazetteer = Gazetteer.bundled();

    @Nested
    class Bundled {

        @Test
        void holdsEveryFederalSubjectAndTheRegionsReportsNameUnderUkraine() {
            List<String> codes = gazetteer.regions().stream().map(Region::isoCode).toList();
            assertThat(codes.stream().filter(c -> c.startsWith("RU-"))).hasSize(83);
            assertThat(codes).contains("UA-43", "UA-40", "UA-14", "UA-09", "UA-23", "UA-65");
            assertThat(codes.stream().filter(c -> c.startsWith("UA-"))).hasSize(27);
            assertThat(codes).doesNotHaveDuplicates();
        }

        @Test
        void everyRegionHasEnglishAndRussianNames() {
            assertThat(gazetteer.regions()).allSatisfy(region -> {
                assertThat(region.name()).isNotBlank().doesNotContainPattern("\\p{IsCyrillic}");
                assertThat(region.nameRu()).containsPattern("\\p{IsCyrillic}");
            });
        }

        @Test
        void holdsTheSeasAroundRussiaAsAreasOfTheirOwn() {
            List<Region> seas = gazetteer.regions().stream().filter(Region::isSea).toList();
            assertThat(seas).extracting(Region::isoCode).containsExactlyInAnyOrder("SEA-BLACK", "SEA-AZOV", "SEA-CASPIAN",
                    "SEA-BALTIC", "SEA-BARENTS", "SEA-WHITE", "SEA-KARA", "SEA-LAPTEV", "SEA-EAST-SIBERIAN", "SEA-CHUKCHI",
                    "SEA-BERING", "SEA-OKHOTSK", "SEA-JAPAN");
            assertThat(seas).allSatisfy(sea -> {
                assertThat(sea.kind()).isEqualTo(AreaKind.SEA);
                assertThat(gazetteer.districts(sea)).isEmpty();
            });
            assertThat(gazetteer.regions().stream().filter(r -> !r.isSea()))
                    .allSatisfy(r -> assertThat(r.kind()).isEqualTo(AreaKind.REGION));
        }

        @Test
        void isCachedOnce() {
            assertThat(Gazetteer.bundled()).isSameAs(gazetteer);
        }

        @ParameterizedTest(name = "{0} keeps {1}")
        @CsvSource({
                "RU-ROS, Europe/Moscow",
                "RU-KGD, Europe/Kaliningrad",
                "RU-SAM, Europe/Samara",
                "RU-SVE, Asia/Yekaterinburg",
                "RU-VGG, Europe/Volgograd",
                "RU-KAM, Asia/Kamchatka",
                "UA-43, Europe/Simferopol",
                "UA-40, Europe/Simferopol",
                "UA-14, Europe/Moscow",
                "UA-09, Europe/Moscow",
                "UA-23, Europe/Moscow",
                "UA-65, Europe/Moscow",
                "UA-63, Europe/Kyiv",
                "SEA-BLACK, Europe/Moscow",
                "SEA-AZOV, Europe/Moscow",
                "SEA-CASPIAN, Europe/Moscow",
                "SEA-BALTIC, Europe/Kaliningrad",
                "SEA-JAPAN, Asia/Vladivostok",
        })
        void knowsEachRegionsLocalTime(String iso, String zone) {
            assertThat(gazetteer.regionByIso(iso)).get().extracting(Region::zone).isEqualTo(ZoneId.of(zone));
        }

        @Test
        void findsRegionsByIsoCodeInAnyCase() {
            assertThat(gazetteer.regionByIso("ru-ros")).get().extracting(Region::name).isEqualTo("Rostov Oblast");
            assertThat(gazetteer.regionByIso("RU-XXX")).isEmpty();
            assertThat(gazetteer.regionByIso(null)).isEmpty();
        }
    }

    @Nested
    class Resolving {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
                "Rostov region|RU-ROS",
                "Rostov Oblast|RU-ROS",
                "Rostovskaya oblast|RU-ROS",
                "Rostovskaya oblast'|RU-ROS",
                "Ростовская область|RU-ROS",
                "Ростовская обл.|RU-ROS",
                "ростовская  ОБЛАСТЬ|RU-ROS",
                "RU-ROS|RU-ROS",
                "Moscow|RU-MOW",
                "Москва|RU-MOW",
                "г. Москва|RU-MOW",
                "Moscow Oblast|RU-MOS",
                "Moscow region|RU-MOS",
                "Московская область|RU-MOS",
                "St Petersburg|RU-SPE",
                "St. Petersburg|RU-SPE",
                "Saint Petersburg|RU-SPE",
                "Санкт-Петербург|RU-SPE",
                "Leningrad region|RU-LEN",
                "Krasnodar Krai|RU-KDA",
                "Krasnodar region|RU-KDA",
                "Краснодарский край|RU-KDA",
                "Tatarstan|RU-TA",
                "Republic of Tatarstan|RU-TA",
                "Республика Татарстан|RU-TA",
                "Belgorod region|RU-BEL",
                "Белгородская обл|RU-BEL",
                "Bryansk Oblast|RU-BRY",
                "Kursk region|RU-KRS",
                "Voronezh region|RU-VOR",
                "Smolensk Oblast|RU-SMO",
                "Смоленская область|RU-SMO",
                "Volgograd Oblast|RU-VGG",
                "Волгоградская область|RU-VGG",
                "Oryol Oblast|RU-ORL",
                "Orel region|RU-ORL",
                "Орловская область|RU-ORL",
                "Chechnya|RU-CE",
                "Chechen Republic|RU-CE",
                "North Ossetia|RU-SE",
                "Yakutia|RU-SA",
                "Khanty-Mansi Autonomous Okrug|RU-KHM",
                "Altai Republic|RU-AL",
                "Altai Krai|RU-ALT",
                "Crimea|UA-43",
                "Republic of Crimea|UA-43",
                "Республика Крым|UA-43",
                "Крым|UA-43",
                "Sevastopol|UA-40",
                "Севастополь|UA-40",
                "Donetsk Oblast|UA-14",
                "ДНР|UA-14",
                "Донецкая Народная Республика|UA-14",
                "DPR|UA-14",
                "Luhansk Oblast|UA-09",
                "Lugansk region|UA-09",
                "ЛНР|UA-09",
                "Zaporizhzhia Oblast|UA-23",
                "Zaporozhye region|UA-23",
                "Запорожская область|UA-23",
                "Kherson Oblast|UA-65",
                "Херсонская область|UA-65",
                "Kyiv|UA-30",
                "Kyiv Oblast|UA-32",
                "Kharkiv Oblast|UA-63",
        })
        void resolvesEverySpellingReportsUse(String input, String iso) {
            PlaceMatch<Region> match = gazetteer.resolveRegion(input);
            assertThat(match.resolved()).as(input).isTrue();
            assertThat(match.place().isoCode()).as(input).isEqualTo(iso);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Rostov Oblast", "Ростовская обл.", "Rostov region", "Moscow", "Moscow region"})
        void resolvesBundledNamesAndAliasesExactly(String input) {
            PlaceMatch<Region> match = gazetteer.resolveRegion(input);
            assertThat(match.method()).isEqualTo(MatchMethod.EXACT);
            assertThat(match.score()).isEqualTo(1.0);
            assertThat(match.input()).isEqualTo(input);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Moscow Krai", "Altai", "Narnia", "Region", "Oblast", "Rostov District Krai Foo"})
        void leavesAmbiguousOrUnknownNamesUnresolved(String input) {
            PlaceMatch<Region> match = gazetteer.resolveRegion(input);
            assertThat(match.resolved()).as(input).isFalse();
            assertThat(match.method()).isEqualTo(MatchMethod.UNRESOLVED);
            assertThat(match.place()).isNull();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"  ", "--"})
        void leavesBlankUnresolved(String input) {
            assertThat(gazetteer.resolveRegion(input).resolved()).isFalse();
        }

        @Test
        void keepsMoscowTheCityApartFromTheOblast() {
            assertThat(gazetteer.regionIndex().ambiguousCores()).containsKey("moscow");
            assertThat(gazetteer.resolveRegion("Moscow").place().isoCode()).isEqualTo("RU-MOW");
            assertThat(gazetteer.resolveRegion("Moscow Oblast").place().isoCode()).isEqualTo("RU-MOS");
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
                "Брянской области|RU-BRY",
                "Белгородской областью|RU-BEL",
                "Курской областями|RU-KRS",
                "Курской областей|RU-KRS",
                "Республики Крым|UA-43",
                "Республикой Крым|UA-43",
                "республики Татарстан|RU-TA",
                "Чеченской Республики|RU-CE",
                "Республики Северная Осетия-Алания|RU-SE",
                "Чувашской Республики|RU-CU",
                "Краснодарским краем|RU-KDA",
                "Крыма|UA-43",
                "Москвы|RU-MOW",
                "акваторией Чёрного моря|SEA-BLACK",
                "акваториями Азовского|SEA-AZOV",
                "над Каспийским морем|SEA-CASPIAN",
                "Черного морей|SEA-BLACK",
                "над территорией Брянской области|RU-BRY",
                "над северо-западной частью акватории Черного моря|SEA-BLACK",
                "над южной частью Каспийского моря|SEA-CASPIAN",
        })
        void resolvesTheFormsRealPostsWriteExactly(String input, String iso) {
            PlaceMatch<Region> match = gazetteer.resolveRegion(input);
            assertThat(match.place()).as(input).isNotNull();
            assertThat(match.place().isoCode()).as(input).isEqualTo(iso);
            assertThat(match.method()).isEqualTo(MatchMethod.EXACT);
        }

        /** Short and colloquial names are other names than the region's own: listed on Data quality as such. */
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
                "Крымского полуострова|UA-43",
                "Крымским полуостровом|UA-43",
                "Новой Москвы|RU-MOW",
                "Брянщина|RU-BRY",
                "Подмосковье|RU-MOS",
                "Кубань|RU-KDA",
                "Северной Осетии|RU-SE",
        })
        void resolvesShortAndColloquialNamesAsOtherNames(String input, String iso) {
            PlaceMatch<Region> match = gazetteer.resolveRegion(input);
            assertThat(match.place()).as(input).isNotNull();
            assertThat(match.place().isoCode()).as(input).isEqualTo(iso);
            assertThat(match.method()).isEqualTo(MatchMethod.OTHER_NAME);
            assertThat(match.method().label()).isEqualTo("other name");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Московского региона", "Московским регионом", "Московский регион",
                "над территорией Московского региона"})
        void countsTheMinistrysMoscowRegionUnderMoscowOblastAndSaysSo(String input) {
            PlaceMatch<Region> match = gazetteer.resolveRegion(input);
            assertThat(match.place().isoCode()).isEqualTo("RU-MOS");
            assertThat(match.method()).isEqualTo(MatchMethod.WIDER_NAME);
            assertThat(match.method().label()).isEqualTo("wider name");
            assertThat(match.note()).isEqualTo("Moscow and Moscow Oblast together, counted under Moscow Oblast");
        }

        @ParameterizedTest(name = "{0}: {1}")
        @CsvSource(delimiter = '|', value = {
                "Донбасс|names several regions: Donetsk Oblast, Luhansk Oblast",
                "в Донбассе|names several regions: Donetsk Oblast, Luhansk Oblast",
                "Donbas|names several regions: Donetsk Oblast, Luhansk Oblast",
                "Новороссии|names several regions: Donetsk Oblast, Luhansk Oblast, Zaporizhzhia Oblast, Kherson Oblast, Mykolaiv Oblast, Odesa Oblast",
                "Приазовья|names several regions: Rostov Oblast, Krasnodar Krai, Crimea, Donetsk Oblast, Zaporizhzhia Oblast, Kherson Oblast",
                "Северного Кавказа|names several regions: Dagestan, Ingushetia, Kabardino-Balkaria, Karachay-Cherkessia, North Ossetia-Alania, Chechnya, Stavropol Krai",
                "Курской и Белгородской областей|names several regions: Kursk Oblast, Belgorod Oblast",
                "Rostov and Volgograd regions|names several regions: Rostov Oblast, Volgograd Oblast",
                "Брянская, Курская области|names several regions: Bryansk Oblast, Kursk Oblast",
                "Черного и Азовского морей|names several regions: Black Sea, Sea of Azov",
        })
        void neverGuessesANameOfSeveralRegionsAndSaysWhichItNames(String input, String reason) {
            PlaceMatch<Region> match = gazetteer.resolveRegion(input);
            assertThat(match.resolved()).isFalse();
            assertThat(match.method()).isEqualTo(MatchMethod.UNRESOLVED);
            assertThat(match.note()).isEqualTo(reason);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Московский край", "Крымский район", "Азовский район", "Куба", "Курской и Белгородской областей",
                "Южная Осетия", "Южной Осетии"})
        void leavesAFoldedNameOfAnotherKindOrOfTwoRegionsUnresolved(String input) {
            assertThat(gazetteer.resolveRegion(input).resolved()).as(input).isFalse();
        }

        @Test
        void aNameOfOneRegionTwiceOrOfSomethingUnknownSaysNothingMore() {
            assertThat(gazetteer.resolveRegion("Курской и Курской областей").note()).isNull();
            assertThat(gazetteer.resolveRegion("Курской и Нарнийской областей").note()).isNull();
            assertThat(gazetteer.resolveRegion("Курской и Нарнийской областей").resolved()).isFalse();
        }

        @Test
        void resolvesEachSpellingOnce() {
            PlaceMatch<Region> first = gazetteer.resolveRegion("Rostovskaya obl.");
            assertThat(gazetteer.resolveRegion("Rostovskaya obl.")).isSameAs(first);
        }
    }
}
