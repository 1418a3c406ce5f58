package com.incidenttally.places;

import com.ibm.icu.text.Transliterator;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The three keys a name is compared on, from strict to loose.
 * <ol>
 * <li>{@link #normalize}: case, punctuation, {@code ё}/{@code е} and apostrophes folded, abbreviations spelled out;</li>
 * <li>{@link #core}: the same without the words that say what kind of place it is (region, oblast, район, …);</li>
 * <li>{@link #spelling}: the core in Latin letters with the differences between transliteration systems
 *     folded away (kh/h, y/i/iy/ii, -sky/-skiy/-skoy/-skoye/-skoe, doubled letters, …).</li>
 * </ol>
 * Folding may make two different places equal (Moscow the city, Moscow the oblast); the index that uses
 * these keys treats such a key as ambiguous and never resolves through it.
 */
final class NameFolding {

    /** Words that say what kind of place a name is, not which one (soft signs dropped, as normalize does). */
    static final Set<String> KIND_WORDS = Stream.of(
            "region", "regions", "oblast", "oblasti", "obl", "krai", "kray", "territory", "republic", "rep", "respublika",
            "autonomous", "avtonomnyy", "avtonomny", "avtonomnaya", "okrug", "ao",
            "district", "districts", "raion", "raions", "rayon", "rayons", "rajon", "raiona", "rayona", "municipal", "munitsipalnyy", "munitsipalny", "munitsipalnyi",
            "urban", "gorodskoy", "city", "gorod", "hero", "resort", "kurort", "town", "settlement", "zato", "municipality", "of", "the",
            "область", "края", "край", "республика", "автономный", "автономная", "автономного",
            "округ", "округа", "район", "района", "районы", "муниципальный", "муниципального", "муниципальное",
            "муниципальная", "городской", "городского", "город", "образование", "образования",
            "области", "мо", "герой", "курорт", "зато", "поселок", "поселение", "громада", "міська", "місто", "автономна",
            "село", "деревня", "хутор", "станица", "селище",
            // The same words in the languages of Europe that write about these places, and the little words
            // they put between kind and name (Oblast de Kharkiv, Oblast' di Charkiv, Óblast de Járkov).
            "gebiet", "obwod", "obwód", "kraj", "oblasť", "óblast", "région", "regio", "regione", "región", "rajon",
            "rejon", "rajonu", "okres", "republik", "republiek", "république", "repubblica", "república", "republika",
            "autonome", "autonoom", "autonomous", "autonomní", "autonomiczna", "de", "di", "del", "van")
            .map(word -> word.replace("ь", "")).collect(Collectors.toUnmodifiableSet());

    /**
     * French and Italian elision before a name, after a first word: {@code Oblast d'Odessa}, {@code regione
     * dell'Altai}; never at the start, where the apostrophe is a soft sign ({@code L’gov}, {@code D'yakovo}).
     */
    private static final Pattern ELISION = Pattern.compile("(?<=\\p{L}['’ʼ]?\\s{1,3})(?:d|l|dell|nell)['’ʼ`´](?=\\p{L})");
    /**
     * Words of kind a slip of the hand may bend ({@code Obalst}, {@code Regoin}, {@code Raoin}): one edit from one
     * of them, in a name of more than one word, is that word. Short ones (krai, obl) are left alone: one edit
     * from four letters is too often another word.
     */
    private static final List<String> KIND_WORDS_WITH_TYPOS = List.of(
            "oblast", "oblasti", "region", "raion", "rayon", "district", "republic", "okrug", "gebiet");
    private static final Pattern RAION_ABBREVIATION = Pattern.compile("(?<![\\p{L}])р-о?н(?:а|е|у|ом)?(?![\\p{L}])");
    private static final Pattern APOSTROPHES = Pattern.compile("['’ʼ`´ʹʺ\"”“«»ъь·]");
    private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");
    private static final Pattern UKRAINIAN_LETTERS = Pattern.compile("[іїєґ]");
    private static final Pattern ADJECTIVE_ENDING =
            Pattern.compile("(?<=[bcdfghklmnprstvz])(iy|yy|ii|ij|yj|yi|iyy|y|oy|oi|oj|oye|oe|oje|aya|aja|ogo|aia)$");

    private static final Transliterator RUSSIAN = Transliterator.getInstance("Russian-Latin/BGN");
    private static final Transliterator UKRAINIAN = Transliterator.getInstance("Ukrainian-Latin/BGN");

    private NameFolding() {
    }

    /**
     * Lower case, {@code ё} as {@code е}, no apostrophes, primes or soft and hard signs (transliterations
     * write them or not), abbreviations spelled out, words separated by one space.
     */
    static String normalize(String name) {
        if (name == null) {
            return "";
        }
        // One name is folded several times as it is resolved (its notes, its kind words, each key): the last two
        // names this thread folded are kept, and a name met again is not folded again.
        String[] last = LAST_NORMALIZED.get();
        if (name.equals(last[0])) {
            return last[1];
        }
        if (name.equals(last[2])) {
            return last[3];
        }
        String folded = fold(name);
        last[2] = last[0];
        last[3] = last[1];
        last[0] = name;
        last[1] = folded;
        return folded;
    }

    /** The last two names this thread normalized and their folded forms: name, folded, name, folded. */
    private static final ThreadLocal<String[]> LAST_NORMALIZED = ThreadLocal.withInitial(() -> new String[4]);

    private static String fold(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replace('ё', 'е');
        // Each pattern is run only on text that holds a character it needs: most names hold none.
        if (s.contains("р-")) {
            s = RAION_ABBREVIATION.matcher(s).replaceAll(" район ");
        }
        if (containsAny(s, ELISION_MARKS)) {
            s = ELISION.matcher(s).replaceAll(" ");
        }
        if (containsAny(s, APOSTROPHE_CHARACTERS)) {
            s = APOSTROPHES.matcher(s).replaceAll("");
        }
        s = lettersAndDigits(s);
        if (s.isEmpty()) {
            return s;
        }
        List<String> words = new ArrayList<>();
        String[] split = s.split(" ");
        for (int i = 0; i < split.length; i++) {
            String word = split[i];
            String next = i + 1 < split.length ? split[i + 1] : "";
            if ((word.equals("г") || word.equals("м")) && next.equals("о") || word.equals("ст") && next.equals("ца")) {
                // г.о. (urban okrug), м.о. (municipal okrug), ст-ца (stanitsa): two letters, one word of kind.
                words.add(word.equals("г") ? "городской округ" : word.equals("м") ? "муниципальный округ" : "станица");
                i++;
                continue;
            }
            words.add(switch (word) {
                case "обл" -> "област";
                case "г", "гор" -> "город";
                case "респ" -> "республика";
                case "кр" -> "край";
                case "го" -> "городской округ";
                // Ukrainian м. (місто), смт; Russian пос., п., пгт, рп, нп, с., д., х.: a town or village.
                case "м" -> "місто";
                case "смт" -> "селище";
                case "пос", "п", "пгт", "рп", "нп" -> "поселок";
                case "с", "сел" -> "село";
                case "д", "дер" -> "деревня";
                case "х" -> "хутор";
                default -> split.length > 1 ? kindWordTypo(word) : word;
            });
        }
        return String.join(" ", words);
    }

    /** The marks {@link #ELISION} needs after its article. */
    private static final String ELISION_MARKS = "'’ʼ`´";
    /** The characters {@link #APOSTROPHES} drops. */
    private static final String APOSTROPHE_CHARACTERS = "'’ʼ`´ʹʺ\"”“«»ъь·";

    private static boolean containsAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The text with each run of characters other than letters and decimal digits as one space, and none at
     * either end: what {@code text.replaceAll("[^\p{L}\p{Nd}]+", " ").trim()} gives, by code points
     * ({@code \p{L}} is {@link Character#isLetter}, {@code \p{Nd}} {@link Character#isDigit}), without a
     * regular expression or a copy when there is nothing to change.
     */
    static String lettersAndDigits(String text) {
        StringBuilder kept = null;
        boolean gap = false;
        int length = text.length();
        for (int i = 0; i < length; ) {
            int c = text.codePointAt(i);
            int width = Character.charCount(c);
            boolean keep = c < 0x80 ? c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z'
                    : Character.isLetter(c) || Character.isDigit(c);
            if (keep) {
                if (kept != null) {
                    if (gap && !kept.isEmpty()) {
                        kept.append(' ');
                    }
                    kept.appendCodePoint(c);
                }
                gap = false;
            } else {
                if (kept == null && !(c == ' ' && i > 0 && !gap && i + 1 < length)) {
                    // The first character to change: what came before it is kept as it was, but for a space
                    // just before it, which is part of this run.
                    kept = new StringBuilder(length);
                    kept.append(text, 0, gap ? i - 1 : i);
                }
                gap = true;
            }
            i += width;
        }
        return kept == null ? text : kept.toString();
    }

    /** The word of kind a word is one slip away from, or the word itself. */
    static String kindWordTypo(String word) {
        int length = word.length();
        if (length < 5 || length > 9 || KIND_WORDS.contains(word)) {
            return word;
        }
        for (String kind : KIND_WORDS_WITH_TYPOS) {
            if (kind.charAt(0) == word.charAt(0) && Edits.distance(word, kind, 1) <= 1) {
                return kind;
            }
        }
        return word;
    }

    /** Words only a region's name has: a district column holding one names a region, not a district. */
    private static final Set<String> REGION_WORDS = Set.of("region", "oblast", "obl", "krai", "kray", "territory", "republic",
            "respublika", "област", "край", "республика", "области", "края", "gebiet", "obwod", "obwód", "oblasť",
            "óblast", "région", "regio", "regione", "región", "republik", "republiek", "république", "repubblica",
            "república", "republika", "kraj");

    /**
     * Words besides {@link #REGION_WORDS} that say a name is a region or a sea area: an autonomous okrug or oblast
     * (not "okrug" alone, which urban okrugs, municipalities, have too), a sea and its waters.
     */
    private static final Set<String> OTHER_AREA_WORDS = Set.of("autonomous", "avtonomnyy", "avtonomny",
            "avtonomnaya", "автономный", "автономная", "автономного", "автономна", "ao", "sea", "more", "море", "моря",
            "акватория", "акваторія");

    /** The feminine ending of an adjective of place, which agrees with "oblast" (after soft signs are dropped). */
    private static final Pattern OBLAST_ADJECTIVE = Pattern.compile("(?:sk|ck|ts?k)(?:aya|aja|aia|a)$|[сц]к(?:ая|а)$");

    /**
     * Whether a name is a district's by its words of kind ({@code Кировский район}, {@code Kirovskyi raion}), not only
     * near one: {@code в районе Белгорода} ("near Belgorod") is not.
     */
    static boolean namesADistrict(String name) {
        return hasWord(name, word -> DISTRICT_WORDS.contains(word) && !word.equals("районе") && !word.equals("районом"));
    }

    /** Words that say a name is a town or village's (spelled out from пос., с., д., х., пгт, смт …), not a district's. */
    private static final Set<String> SETTLEMENT_WORDS = Set.of("поселок", "село", "деревня", "хутор", "станица", "селище");

    /**
     * Whether a name's last word is an adjective of place once folded ({@code Chertkovsky}, {@code Верхнедонское},
     * {@code Олександрійський}: its spelling key ends in -ski), as a district's name mostly is and a village's
     * ({@code Олександрівка}, {@code Стрілки}) is not.
     */
    static boolean adjectiveShaped(String name) {
        String core = core(name);
        String last = core.substring(core.lastIndexOf(' ') + 1);
        return spellingOfCore(last).endsWith("ski");
    }

    /**
     * Whether a district's name is made of this town's ({@code Ostrogozhsky District} of {@code Ostrogozhsk},
     * {@code Uzhhorodskyi Raion} of {@code Ужгород}, {@code Polohivskyi Raion} of {@code Пологи}): the town's spelling
     * key, its final vowels dropped and г read either way, begins the district's.
     */
    static boolean namedAfter(String district, String town) {
        String stem = spelling(town).replace('g', 'h');
        int end = stem.length();
        while (end > 0 && "aeiouy".indexOf(stem.charAt(end - 1)) >= 0) {
            end--;
        }
        return end >= 4 && spelling(district).replace('g', 'h').startsWith(stem.substring(0, end));
    }

    /**
     * Whether a name says it is a settlement's, as its first word: {@code пос. Кировский}, {@code с. Коренево},
     * {@code х. Пустошкин}; not {@code Царское Село}, a name.
     */
    static boolean saysSettlement(String name) {
        String normalized = normalize(name);
        int space = normalized.indexOf(' ');
        return space > 0 && SETTLEMENT_WORDS.contains(normalized.substring(0, space));
    }

    /** Whether a name holds a letter only Ukrainian writes (і, ї, є, ґ), in either case. */
    static boolean hasUkrainianLetters(String name) {
        return UKRAINIAN_LETTERS.matcher(name.toLowerCase(Locale.ROOT)).find();
    }

    /** Adjective endings of Russian and Ukrainian place names: Каменский, Курская, Каменское, Ленинградские, Сумський. */
    private static final List<String> ADJECTIVE_ENDINGS = List.of("ий", "ый", "ой", "ая", "яя", "ое", "ее", "ые", "ие",
            "ій", "а", "е", "і");

    /**
     * Whether a name's last word is an adjective by its ending: {@code Каменский}, {@code Курская}, {@code Kamensky}.
     * For Cyrillic the ending itself decides ({@code Лиски}, a town, is none, though its spelling key ends as
     * {@link #adjectiveShaped} reads one); a Ukrainian {@code -а}, {@code -е}, {@code -і} counts only after -ськ- or -цьк-.
     */
    static boolean adjectiveWord(String name) {
        String core = core(name);
        String last = core.substring(core.lastIndexOf(' ') + 1);
        if (!hasCyrillic(last)) {
            return adjectiveShaped(name);
        }
        for (String ending : ADJECTIVE_ENDINGS) {
            if (last.endsWith(ending) && last.length() > ending.length() + 2) {
                String stem = last.substring(0, last.length() - ending.length());
                return ending.length() == 2 || stem.endsWith("ськ") || stem.endsWith("цьк");
            }
        }
        return false;
    }

    /**
     * Whether a name says it is a settlement's by its first or last word, spelled out or abbreviated:
     * {@code станица Ленинградская}, {@code пос. Тульский}, {@code Курская станица}.
     */
    static boolean namesASettlement(String name) {
        if (saysSettlement(name)) {
            return true;
        }
        String normalized = normalize(name);
        int last = normalized.lastIndexOf(' ');
        return last > 0 && SETTLEMENT_WORDS.contains(normalized.substring(last + 1));
    }

    /** Whether a name is a name alone, no word of kind in it ({@code Олександрівка}, not {@code Valuysky Urban Okrug}). */
    static boolean bare(String name) {
        String normalized = normalize(name);
        return coreOfNormalized(normalized).equals(normalized);
    }

    /** Words only a district's name has: a region column holding one is never guessed at as a region. */
    private static final Set<String> DISTRICT_WORDS = Set.of("district", "raion", "rayon", "rajon", "rejon", "район",
            "района", "районе", "районом", "okres", "bezirk");

    static boolean saysDistrict(String name) {
        return hasWord(name, DISTRICT_WORDS::contains);
    }

    static boolean saysRegion(String name) {
        return hasWord(name, REGION_WORDS::contains);
    }

    /** Whether a word of the normalized name is one {@code word} accepts. */
    private static boolean hasWord(String name, java.util.function.Predicate<String> word) {
        for (String each : normalize(name).split(" ")) {
            if (word.test(each)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a name says it is a region or a sea area, not a town: by a word of kind ({@code Smolnesk Oblast},
     * {@code Caspain Sea}) or by ending in the feminine adjective that stands for the oblast ({@code Belgordskaya},
     * {@code Kharkvska}, {@code Харьквская}), as few settlements' names do (stanitsas: {@code Terskaya}).
     */
    static boolean statesRegionKind(String name) {
        if (hasWord(name, word -> REGION_WORDS.contains(word) || OTHER_AREA_WORDS.contains(word))) {
            return true;
        }
        String normalized = normalize(name);
        return OBLAST_ADJECTIVE.matcher(normalized.substring(normalized.lastIndexOf(' ') + 1)).find();
    }

    /** The normalized name without words of kind; the normalized name itself when nothing else is left. */
    static String core(String name) {
        return coreOfNormalized(normalize(name));
    }

    /** {@link #core} of a name already {@link #normalize normalized}. */
    static String coreOfNormalized(String normalized) {
        StringBuilder core = new StringBuilder();
        for (String word : normalized.split(" ")) {
            if (!KIND_WORDS.contains(word)) {
                if (!core.isEmpty()) {
                    core.append(' ');
                }
                core.append(word);
            }
        }
        return core.isEmpty() ? normalized : core.toString();
    }

    /** Latin letters of the core, with transliteration differences folded away; no spaces. */
    static String spelling(String name) {
        return spellingOfCore(core(name));
    }

    /** Whether a character of the Cyrillic script is in the text ({@code \p{IsCyrillic}}, by code points). */
    static boolean hasCyrillic(String text) {
        return CYRILLIC.matcher(text).find();
    }

    /** {@link #spelling} of a name's {@link #core}. */
    static String spellingOfCore(String core) {
        if (hasCyrillic(core)) {
            core = normalize(transliterate(core));
        }
        StringBuilder key = new StringBuilder();
        for (String word : core.split(" ")) {
            key.append(foldWord(word));
        }
        return key.toString();
    }

    /** Cyrillic to Latin by the BGN/PCGN systems, Ukrainian when Ukrainian letters show it. */
    static String transliterate(String cyrillic) {
        Transliterator transliterator = hasUkrainianLetters(cyrillic)
                ? UKRAINIAN : RUSSIAN;
        // ICU transliterators keep state while they work; one at a time.
        synchronized (transliterator) {
            return transliterator.transliterate(cyrillic);
        }
    }

    static String transliterateUkrainian(String cyrillic) {
        synchronized (UKRAINIAN) {
            return UKRAINIAN.transliterate(cyrillic);
        }
    }

    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern LONE_C = Pattern.compile("c(?!h)");
    /** Czech and Polish adjectives (Charkovská, charkowskie) end as the Russian ones fold: -ski. */
    private static final Pattern SLAVIC_ADJECTIVE_ENDING = Pattern.compile("(?<=[sc]k)(a|o|e|ie)$");

    private static String foldWord(String word) {
        String w = word
                .replace("č", "ch").replace("š", "sh").replace("ž", "zh").replace("ć", "ch")
                .replace("ż", "zh").replace("ź", "z").replace('ł', 'l')
                .replace("ë", "e").replace("é", "e");
        if (!isAscii(w)) {
            w = MARKS.matcher(Normalizer.normalize(w, Normalizer.Form.NFD)).replaceAll("");
        }
        w = undoubled(w);
        w = w.replace("shch", "sh").replace("sch", "sh").replace("kh", "h")
                .replace('j', 'y').replace('w', 'v').replace("x", "ks").replace("ph", "f")
                .replace("tz", "ts").replace('q', 'k');
        if (w.indexOf('c') >= 0) {
            w = LONE_C.matcher(w).replaceAll("ts");
        }
        if (!w.isEmpty() && mayEndAsAdjective(w.charAt(w.length() - 1))) {
            w = ADJECTIVE_ENDING.matcher(w).replaceAll("i");
        }
        // ё and е after a vowel: BGN writes yo/ye, others e/ë; one letter here.
        w = w.replace("yo", "e").replace("ye", "e").replace('y', 'i');
        return undoubled(w);
    }

    /**
     * The word with each run of one letter as that letter once: what {@code (\p{L})\1+} replaced by
     * {@code $1} makes, by code point, without the expression (which the compiler inlined whole into
     * every caller, about a second of its time at a million rows).
     */
    static String undoubled(String word) {
        int length = word.length();
        StringBuilder out = null;
        int previous = -1;
        for (int i = 0; i < length; ) {
            int c = word.codePointAt(i);
            int next = i + Character.charCount(c);
            if (c == previous && Character.isLetter(c)) {
                if (out == null) {
                    out = new StringBuilder(length).append(word, 0, i);
                }
            } else if (out != null) {
                out.append(word, i, next);
            }
            previous = c;
            i = next;
        }
        return out == null ? word : out.toString();
    }

    /**
     * Whether {@link #ADJECTIVE_ENDING} may match a word ending in this character: each of its endings ends in
     * a, e, i, j, o or y; and {@code $} also matches before a line break at the end.
     */
    private static boolean mayEndAsAdjective(char last) {
        return "aeijoy".indexOf(last) >= 0 || !Character.isLetterOrDigit(last);
    }

    /**
     * The spelling key among European spellings: Czech and Polish adjectives (Charkovská, charkowskie) end as the
     * Russian ones fold, in -ski. Only there, so the keys of today's names stay as they were.
     */
    static String europeanKey(String spelling) {
        return SLAVIC_ADJECTIVE_ENDING.matcher(spelling).replaceAll("i");
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }
}
