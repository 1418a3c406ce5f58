package com.incidenttally.places;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.tartarus.snowball.ext.RussianStemmer;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The grammar-folded key of a Cyrillic name: every word reduced to its stem by the Russian Snowball
 * stemmer (Lucene), so that {@code Брянской области}, {@code Белгородской областью} and
 * {@code Республикой Крым} meet the nominative names of the gazetteer.
 * <p>
 * The key is the set of stems that name the place, in character order (word order does not matter:
 * {@code Чеченской Республики}, {@code Республика Чеченская}); words that say what kind of place it is
 * (область, край, республика, район …) and Russian stop words (Lucene's list: в, над, и …) are left
 * out. Ukrainian words are read with Ukrainian letters as their Russian counterparts (і, ї, є, ґ), so the
 * Russian stemmer takes off the Ukrainian case endings too ({@code Вінницької області}).
 * <p>
 * Two different places may fold to one key; the index that uses these keys then resolves neither.
 */
final class GrammarFolding {

    /** Shorter stems than this are too easily another word's. */
    static final int MIN_STEM = 4;
    private static final CharArraySet STOP_WORDS = RussianAnalyzer.getDefaultStopSet();
    /** The Snowball stemmer keeps state while it works: one per thread. */
    private static final ThreadLocal<RussianStemmer> STEMMER = ThreadLocal.withInitial(RussianStemmer::new);

    /**
     * Words of kind: stemmed like every other word, so each of their forms is left out
     * ({@code области}, {@code областью}, {@code краем}, {@code республикой}, {@code районом} …).
     * A sea area ({@code акватория}) is a sea: it folds to the stem of {@code море}, which stays in the key.
     */
    private static final Set<String> KIND_STEMS = Stream.of(
                    "область", "край", "республика", "автономный", "автономная", "округ", "регион", "полуостров",
                    "муниципальный", "городской", "город", "образование", "поселение", "территория", "герой",
                    "громада", "міський", "місто", "селище", "зато", "курорт", "мо", "административный")
            .map(word -> stem(NameFolding.normalize(word))).collect(Collectors.toUnmodifiableSet());
    /** A district's word: left out of a district's key, kept in a region's (Крымский район is no region). */
    private static final String DISTRICT = stem("район");
    private static final String SEA = stem("море");
    private static final String CITY = stem("город");
    private static final String CITY_ADJECTIVE = stem("городской");
    /** Kinds that tell two districts of one name apart: the district around a town, the town, a city's okrug. */
    private static final Set<String> DISTINCT_KINDS = Set.of(DISTRICT, CITY, CITY_ADJECTIVE, stem("административный"));
    private static final String SEA_AREA = stem("акватория");
    /** The territory of a place is the place: {@code над территорией Брянской области}. */
    private static final String TERRITORY = stem("территория");
    /** A part of a place is the place: {@code над северо-западной частью Черного моря}. */
    private static final String PART = stem("часть");
    /** Where in a place, said only beside {@link #PART} (Северная Осетия keeps its северная). */
    private static final Set<String> DIRECTIONS = Stream.of("северный", "южный", "западный", "восточный", "северо",
                    "юго", "центральный", "северная", "южная", "западная", "восточная", "центральная")
            .map(GrammarFolding::stem).collect(Collectors.toUnmodifiableSet());

    private GrammarFolding() {
    }

    /**
     * The key of a name among regions: words of kind left out except {@code район}, which no region's
     * name has ({@code в районе} before a name is "in the area of" and is left out).
     * Empty when the name has no Cyrillic word or nothing but words of kind.
     */
    static String regionKey(String name) {
        return key(name, false, new TreeSet<>());
    }

    /**
     * The keys of a name among a region's districts, strict first: the stems with the kind the name says
     * ({@code район}, {@code город}, {@code административный}), which tell {@code Курского района}
     * (Kursky District) from {@code города Курска} (Kursk Urban Okrug); then the stems alone, where
     * {@code Шебекинского района} meets Shebekinsky Urban Okrug, the district's name since it became one.
     * A name that states no kind and is a town's name in -ск or -цк in a noun form ({@link #namesTown}:
     * {@code в Курске}, {@code Брянск}) says {@code город}: the stems alone would meet the district around the
     * town as well ({@code Курский район}), and the town is what it names.
     */
    static List<String> districtKeys(String name) {
        Set<String> kinds = new TreeSet<>();
        String loose = key(name, true, kinds);
        if (loose.isEmpty()) {
            return List.of();
        }
        if (kinds.isEmpty() && namesTown(name)) {
            kinds.add(CITY);
        }
        return kinds.isEmpty() ? List.of(loose) : List.of(loose + " | " + String.join(" ", kinds), loose);
    }

    /** Kinds of region a name may state; a name that states one must be of a region that has it. */
    private static final Set<String> REGION_KINDS = Stream.of("область", "край", "республика", "округ")
            .map(GrammarFolding::stem).collect(Collectors.toUnmodifiableSet());

    /**
     * The kinds of region a name states (область, край, республика, округ), as stems: {@code Московский край}
     * states a krai, which Moscow Oblast is not, so it does not resolve to it.
     */
    static Set<String> regionKinds(String name) {
        return kinds(name, REGION_KINDS);
    }

    /** Kinds only a region is (область, край, республика): a district's name never states one. */
    private static final Set<String> REGION_ONLY_KINDS = Stream.of("область", "край", "республика")
            .map(GrammarFolding::stem).collect(Collectors.toUnmodifiableSet());

    /**
     * The kinds only a region is that a name states: {@code Белгородской областью} in the district column names
     * the region, never Belgorodsky District.
     */
    static Set<String> regionOnlyKinds(String name) {
        return kinds(name, REGION_ONLY_KINDS);
    }

    /**
     * Latin words of kind, in English and the languages of Europe that write about these places, as the stem of
     * the Russian word they translate: {@code Kyiv Oblast} states an oblast as {@code Киевская область} does.
     */
    private static final java.util.Map<String, String> LATIN_KINDS = latinKinds();

    private static java.util.Map<String, String> latinKinds() {
        java.util.Map<String, String> kinds = new java.util.HashMap<>();
        for (String word : List.of("oblast", "oblasti", "obl", "gebiet", "obwod", "obwód", "oblasť", "óblast")) {
            kinds.put(word, stem("область"));
        }
        for (String word : List.of("krai", "kray", "kraj", "territory")) {
            kinds.put(word, stem("край"));
        }
        for (String word : List.of("republic", "respublika", "republik", "republiek", "république", "repubblica",
                "república", "republika")) {
            kinds.put(word, stem("республика"));
        }
        kinds.put("okrug", stem("округ"));
        return java.util.Map.copyOf(kinds);
    }

    private static Set<String> kinds(String name, Set<String> known) {
        Set<String> kinds = new TreeSet<>();
        String normalized = NameFolding.normalize(name);
        for (String word : normalized.split(" ")) {
            String stem = hasCyrillic(word) ? stem(word) : LATIN_KINDS.get(word);
            if (stem != null && known.contains(stem)) {
                kinds.add(stem);
            }
        }
        return kinds;
    }

    /**
     * Endings of a region's adjective in -ск or -цк: {@code Курская, Курской, Курскую, Приморского, Приморском}.
     * Not the neuter ones ({@code Кировское}): no kind of region is neuter, so such a word is a village's name.
     */
    private static final Set<String> ADJECTIVE_ENDINGS = Set.of("ая", "ой", "ую", "ою", "ий", "ый", "ого", "ому",
            "им", "ым", "ом", "ие", "ые", "их", "ых", "ими", "ыми");
    /** The same in Ukrainian, -ськ or -цьк, with its letters read as Russian: Донецька, Донецької, Донецькій, Донецьку. */
    private static final Set<String> UKRAINIAN_ADJECTIVE_ENDINGS = Set.of("а", "ой", "ий", "у", "ою", "ого", "ому",
            "им", "и", "их", "ими");

    /**
     * The stems of the words of a name that are a town's name, not a region's adjective: a stem in -ск or -цк
     * (-ськ, -цьк) without an adjective's ending ({@code Кировск}, {@code в Кировске}, {@code Кировское}), which
     * the grammar-folded key cannot tell from the region's ({@code Кировская область}). Empty without Cyrillic.
     */
    static Set<String> townStems(String name) {
        String normalized = NameFolding.normalize(name);
        if (!hasCyrillic(normalized)) {
            return Set.of();
        }
        Set<String> towns = new TreeSet<>();
        for (String word : normalized.split(" ")) {
            String russian = word.replace('і', 'и').replace('ї', 'й').replace('є', 'е').replace('ґ', 'г');
            String stem = stem(word);
            if (!russian.startsWith(stem)) {
                continue;
            }
            String ending = russian.substring(stem.length());
            boolean ukrainian = stem.endsWith("ськ") || stem.endsWith("цьк");
            boolean adjectiveStem = ukrainian || stem.endsWith("ск") || stem.endsWith("цк");
            if (adjectiveStem && !(ukrainian ? UKRAINIAN_ADJECTIVE_ENDINGS : ADJECTIVE_ENDINGS).contains(ending)) {
                towns.add(stem);
            }
        }
        return towns;
    }

    /**
     * Endings a Russian town's name in -ск or -цк takes as a noun and no adjective of that stem takes:
     * {@code Курск, Курска, Курску, Курске}. Not {@code Курском}, which is also the adjective's
     * ({@code в Курском районе}), nor the neuter {@code Курское}, a village's or a reservoir's name.
     */
    private static final Set<String> TOWN_NOUN_ENDINGS = Set.of("", "а", "у", "е");

    /**
     * Whether a name is a Russian town's in -ск or -цк in one of its noun forms ({@link #TOWN_NOUN_ENDINGS}): its last
     * word is ({@code в Курске}, {@code Железногорска}, {@code Усть-Илимске}) and no word is an adjective's form
     * ({@code Курский}, {@code Курском}, {@code Курское}, {@code Ленинск-Кузнецкий}).
     */
    static boolean namesTown(String name) {
        String normalized = NameFolding.normalize(name);
        boolean town = false;
        for (String word : normalized.split(" ")) {
            if (STOP_WORDS.contains(word)) {
                continue;
            }
            if (!hasCyrillic(word)) {
                return false;
            }
            String stem = stem(word);
            String ending = word.startsWith(stem) ? word.substring(stem.length()) : null;
            if (ending == null || ADJECTIVE_ENDINGS.contains(ending) || ending.equals("ое") || ending.equals("ее")) {
                return false;
            }
            town = (stem.endsWith("ск") || stem.endsWith("цк")) && TOWN_NOUN_ENDINGS.contains(ending);
        }
        return town;
    }

    /** The region's key as the only one, for an index of regions. */
    static List<String> regionKeys(String name) {
        String key = regionKey(name);
        return key.isEmpty() ? List.of() : List.of(key);
    }

    /**
     * Every stem of a name, words of kind included (stop words left out): the key of a wider area's name,
     * where {@code Московский регион} must not meet {@code Московская область}. Empty without Cyrillic.
     */
    static String allStems(String name) {
        String normalized = NameFolding.normalize(name);
        if (!hasCyrillic(normalized)) {
            return "";
        }
        Set<String> stems = new TreeSet<>();
        for (String word : normalized.split(" ")) {
            if (!STOP_WORDS.contains(word)) {
                stems.add(stem(word));
            }
        }
        dropFraming(stems);
        return String.join(" ", stems);
    }

    /** Leaves out the words that frame a place rather than name it: its territory, a part and where it lies. */
    private static void dropFraming(Set<String> stems) {
        stems.remove(TERRITORY);
        if (stems.remove(PART)) {
            stems.removeAll(DIRECTIONS);
        }
    }

    /** The key of a name; {@code kinds} receives the kinds that tell districts apart, which the name states. */
    private static String key(String name, boolean district, Set<String> kinds) {
        String normalized = NameFolding.normalize(name);
        if (!hasCyrillic(normalized)) {
            return "";
        }
        Set<String> stems = new TreeSet<>();
        String[] words = normalized.split(" ");
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            if (STOP_WORDS.contains(word)) {
                continue;
            }
            String stem = stem(word);
            if (DISTINCT_KINDS.contains(stem)) {
                kinds.add(stem.equals(CITY_ADJECTIVE) ? CITY : stem);
            }
            if (stem.equals(DISTRICT) && (district || (i > 0 && (words[i - 1].equals("в") || words[i - 1].equals("во"))))) {
                continue;
            }
            if (stem.equals(SEA_AREA)) {
                stem = SEA;
            }
            boolean latinKind = !hasCyrillic(word) && NameFolding.KIND_WORDS.contains(word);
            if (!KIND_STEMS.contains(stem) && !latinKind) {
                stems.add(stem);
            }
        }
        dropFraming(stems);
        return String.join(" ", stems);
    }

    private static boolean hasCyrillic(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.UnicodeBlock.of(text.charAt(i)) == Character.UnicodeBlock.CYRILLIC) {
                return true;
            }
        }
        return false;
    }

    /**
     * The stem of one lower-case word: Snowball applied again while it keeps changing the word, since one pass
     * does not give every form the same stem ({@code полуостров} gives {@code полуостр}, {@code полуострова}
     * {@code полуостров} and then {@code полуостр}), but never below {@link #MIN_STEM} letters
     * ({@code Кубань}, {@code Кубани}: {@code куба}, not {@code куб}); a word whose first stem is already that
     * short keeps it ({@code Куба}: {@code куб}, so it never meets Кубань). Ukrainian letters are read as Russian
     * ones; Latin words are kept as they are.
     */
    static String stem(String word) {
        if (!hasCyrillic(word)) {
            return word;
        }
        String russian = word.replace('і', 'и').replace('ї', 'й').replace('є', 'е').replace('ґ', 'г');
        String stem = snowball(russian);
        if (stem.length() < MIN_STEM) {
            return stem;
        }
        for (String next = snowball(stem); !next.equals(stem) && next.length() >= MIN_STEM; next = snowball(stem)) {
            stem = next;
        }
        return stem;
    }

    private static String snowball(String word) {
        RussianStemmer stemmer = STEMMER.get();
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
    }
}
