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
            // The Ukrainian spelling of a name Russian shares with a town of Russia is the Ukrainian town's alone.
            "Vovchansk|Kharkiv Oblast",
            "Вовчанськ|Kharkiv Oblast",
            "Шахтарськ|Donetsk Oblast",
            "Siversk|Donetsk Oblast",
            // A letter Russian and Ukrainian do not trade makes another name: Kimovsk is no Kirovsk, Ostrov no Ostroh.
            "Kimovsk|Tula Oblast",
            "Ostrov|Pskov Oblast",
            "Korolev|Moscow Oblast",
    })
    void resolvesACityToItsRegionAndSaysSo(String input, String expected) {
        PlaceMatch<Region> match = GAZETTEER.resolveRegion(input);
        assertThat(match.resolved()).as(input).isTrue();
        assertThat(match.place().name()).isEqualTo(expected);
        assertThat(match.method()).isIn(MatchMethod.CITY_NAMED, MatchMethod.NOTE_DROPPED);
        assertThat(MatchMethod.CITY_NAMED.label()).isEqualTo("city named");
    }

    /**
     * A settlement's word says the name is a town's or village's, whatever region's adjective follows: the stanitsa
     * Leningradskaya is in Krasnodar Krai, Kurskaya in Stavropol Krai, and villages named Курское, Тульский or
     * Брянский are in many regions. None is the region its adjective names; the region index's guess is dropped, and a
     * settlement the towns of the index do not place in one region is unresolved.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"станица Ленинградская", "ст-ца Курская", "станица Курская", "Курская станица", "с. Курское",
            "пгт Курское", "х. Ленинградский", "п. Брянский", "пос. Тульский", "посёлок Московский", "д. Смоленская"})
    void aSettlementOrABareAdjectiveIsNoRegionItsWordsResemble(String input) {
        PlaceMatch<Region> match = GAZETTEER.resolveRegion(input);
        assertThat(match.resolved()).as(input + " -> " + match.place()).isFalse();
    }

    /** A settlement the towns place in one region is that region's; an okrug that says it is one is its region's. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {"пгт Глушково|Kursk Oblast", "г. Белгород|Belgorod Oblast",
            "с. Глушково (Курская)|Kursk Oblast", "С.-Петербург|Saint Petersburg", "С. Петербург|Saint Petersburg",
            // Towns whose names are adjectives stay their towns' (a settlement's word is what makes a name a village's).
            "Волжский|Volgograd Oblast", "Жуковский|Moscow Oblast", "Раменское|Moscow Oblast",
            "Новый Уренгой|Yamalo-Nenets Autonomous Okrug", "Каменск-Шахтинский|Rostov Oblast",
            "Петропавловск-Камчатский|Kamchatka Krai",
            "Каменский г.о.|Sverdlovsk Oblast", "Шебекинский г.о.|Belgorod Oblast", "Valuysky Urban Okrug|Belgorod Oblast"})
    void aSettlementOrOkrugOfOneRegionIsThatRegion(String input, String expected) {
        assertThat(GAZETTEER.resolveRegion(input).place()).as(input).extracting(Region::name).isEqualTo(expected);
    }

    /**
     * A town named in a grammatical case, as reports write it ("в Воронеже", "из Орла"): the town list holds the
     * nominative, and the case's ending gives it back (a fleeting vowel restored: Орёл, Елец). Only Russian cases,
     * and only where they give towns of one region.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {"Воронеже|Voronezh Oblast", "в Воронеже|Voronezh Oblast",
            "в Таганроге|Rostov Oblast", "Туле|Tula Oblast", "Тулы|Tula Oblast", "Калуги|Kaluga Oblast",
            "Тамбове|Tambov Oblast", "Ярославле|Yaroslavl Oblast", "Ельце|Lipetsk Oblast", "Орла|Oryol Oblast",
            "в Орле|Oryol Oblast", "Новороссийске|Krasnodar Krai", "Шебекине|Belgorod Oblast", "Лиски|Voronezh Oblast",
            "над Тулой|Tula Oblast"})
    void aTownInAGrammaticalCaseIsItsRegion(String input, String expected) {
        PlaceMatch<Region> match = GAZETTEER.resolveRegion(input);
        assertThat(match.resolved()).as(input).isTrue();
        assertThat(match.place().name()).isEqualTo(expected);
        assertThat(match.method()).isEqualTo(MatchMethod.CITY_NAMED);
    }

    /** Ukrainian villages' names that end as a Russian case would (KATOTTG): each is its own name, not a town's case. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Іванове", "Кургани", "Курганне", "Самари", "Тернопілля",
            // An adjective in a case is no town's case (Волжском is Volzhsky's, not Volzhsk's, in Mari El), and a
            // nominative the region index reads as another region is neither (в Ростове: Rostov-on-Don's, most often,
            // not Rostov Veliky's of Yaroslavl Oblast, the one Ростов the town list holds).
            "в Волжском", "Климовском", "Октябрьском", "Белогорском", "в Ростове", "Ростова"})
    void aVillageWhoseNameEndsAsACaseIsNoTownsCase(String input) {
        assertThat(GAZETTEER.resolveRegion(input).resolved()).as(input).isFalse();
    }

    /** Short and colloquial names reports use. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {"КБР|Kabardino-Balkaria", "КЧР|Karachay-Cherkessia", "РСО-Алания|North Ossetia-Alania",
            "Питер|Saint Petersburg", "в Питере|Saint Petersburg", "Каспий|Caspian Sea", "Моск. обл.|Moscow Oblast",
            "Н. Новгород|Nizhny Novgorod Oblast", "N. Novgorod|Nizhny Novgorod Oblast", "В. Новгород|Novgorod Oblast",
            "на Бєлгородщині|Belgorod Oblast", "Підмосков’я|Moscow Oblast"})
    void shortAndColloquialNamesResolve(String input, String expected) {
        PlaceMatch<Region> match = GAZETTEER.resolveRegion(input);
        assertThat(match.resolved()).as(input).isTrue();
        assertThat(match.place().name()).isEqualTo(expected);
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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Sovetsk|Kaliningrad Oblast, Kirov Oblast",
            "Советск|Kaliningrad Oblast, Kirov Oblast",
            "Kirovsk|Leningrad Oblast, Luhansk Oblast, Murmansk Oblast",
            "Кировск|Leningrad Oblast, Luhansk Oblast, Murmansk Oblast",
            "Kirovsk, Russia|Leningrad Oblast, Luhansk Oblast, Murmansk Oblast",
            // The urban okrug's own Russian name is Moscow Oblast's alone; its spelling is Saratov's town's too.
            "Красноармейск|Moscow Oblast, Saratov Oblast",
            "Zarechny|Ivanovo Oblast, Penza Oblast, Ryazan Oblast, Sverdlovsk Oblast",
            // A Russian town's name that is also the Russian name of a Ukrainian town (Vovchansk, Shakhtarsk, Siversk).
            "Волчанск|Kharkiv Oblast, Sverdlovsk Oblast",
            "Volchansk|Kharkiv Oblast, Sverdlovsk Oblast",
            "Шахтерск|Donetsk Oblast, Sakhalin Oblast",
            "Северск|Donetsk Oblast, Tomsk Oblast",
            "Дергачи|Kharkiv Oblast, Saratov Oblast",
    })
    void aTownNameTwoRegionsShareIsNeitherAndSaysWhichItCouldBe(String input, String regions) {
        // The name alone does not say which; nor is a region a slip away from it (Kirovsk, Kirov Oblast) taken.
        PlaceMatch<Region> match = GAZETTEER.resolveRegion(input);
        assertThat(match.resolved()).as("%s resolved to %s", input, match.place()).isFalse();
        assertThat(match.note()).isEqualTo("names towns in several regions: " + regions);
        assertThat(GAZETTEER.regionCandidates(input, 3)).noneMatch(c -> c.score() == 1.0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // Folded as Amur Oblast's adjective (Амурская), but the town is in Khabarovsk Krai.
            "Амурск|Khabarovsk Krai",
            // A town the data place in the region itself stays that region.
            "Курск|Kursk Oblast",
            "в Курске|Kursk Oblast",
            "Брянска|Bryansk Oblast",
            "Мурманск|Murmansk Oblast",
            // One the data do not know, too.
            "Луганск|Luhansk Oblast",
            "Донецьк|Donetsk Oblast",
            // The region's adjective in any case is the region.
            "Кировской|Kirov Oblast",
            "Приморского края|Primorsky Krai",
            "Донецької області|Donetsk Oblast",
    })
    void aTownWhoseNameFoldsAsARegionsAdjectiveIsWhereItsTownsAre(String input, String expected) {
        PlaceMatch<Region> match = GAZETTEER.resolveRegion(input);
        assertThat(match.resolved()).as(input).isTrue();
        assertThat(match.place().name()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Кировск", "в Кировске", "Кировское", "Приморск", "Приморске"})
    void aTownWhoseNameFoldsAsARegionsAdjectiveIsNotThatRegion(String input) {
        // Kirovsk is in Murmansk and Leningrad Oblasts, the villages Kirovskoye in six regions, Primorsk in four;
        // Kirov Oblast and Primorsky Krai have none of them.
        PlaceMatch<Region> match = GAZETTEER.resolveRegion(input);
        assertThat(match.resolved() ? match.place().name() : null).as(input).isNotIn("Kirov Oblast", "Primorsky Krai");
    }
}
