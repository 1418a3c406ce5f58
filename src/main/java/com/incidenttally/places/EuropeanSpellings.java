package com.incidenttally.places;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Russian or Ukrainian name as the languages of Europe that write about these places spell it: each
 * language's usual romanisation of the Cyrillic letters (German Duden, Dutch, French, Polish, Italian and
 * Czech scientific, Spanish), applied to every name, not a list of spellings. {@code Харків}: German
 * {@code Charkiw}, Polish {@code Charkiw}, French {@code Kharkiv}, Spanish {@code Jarkiv}; {@code Миколаїв}:
 * Dutch {@code Mykolajiv}. A Latin name is first read back into Cyrillic by the BGN/PCGN rules it was written
 * in ({@link #cyrillic}), so an English name ({@code Chernihiv}) gets its European spellings too.
 */
final class EuropeanSpellings {

    enum Language { GERMAN, DUTCH, FRENCH, POLISH, ITALIAN, SPANISH, CZECH }

    /** Text with a letter only Ukrainian has: made once, as the index's European spellings are made for every place. */
    private static final Pattern UKRAINIAN_TEXT = Pattern.compile(".*[іїєґ].*");
    private static final String VOWELS = "аеёиоуыэюяіїєaeiouy";
    /** The letters each language writes alike, in the order of {@link Language}. */
    private static final Map<Character, String[]> COMMON = Map.ofEntries(
            row('в', "w", "v", "v", "w", "v", "v", "v"),
            row('ж', "sch", "zj", "j", "ż", "ž", "zh", "ž"),
            row('з', "s", "z", "z", "z", "z", "z", "z"),
            row('у', "u", "oe", "ou", "u", "u", "u", "u"),
            row('х', "ch", "ch", "kh", "ch", "ch", "j", "ch"),
            row('ц', "z", "ts", "ts", "c", "c", "ts", "c"),
            row('ч', "tsch", "tsj", "tch", "cz", "č", "ch", "č"),
            row('ш', "sch", "sj", "ch", "sz", "š", "sh", "š"),
            row('ы', "y", "y", "y", "y", "y", "y", "y"));
    /** After a consonant (soft) and at the start of a word or after a vowel (with j), per language. */
    private static final Map<Character, String[]> SOFT = Map.ofEntries(
            row('е', "e", "e", "e", "ie", "e", "e", "e"),
            row('ё', "jo", "jo", "io", "io", "ë", "io", "jo"),
            row('ю', "ju", "joe", "iou", "iu", "ju", "iu", "ju"),
            row('я', "ja", "ja", "ia", "ia", "ja", "ia", "ja"),
            row('є', "je", "je", "ie", "ie", "je", "ie", "je"));
    private static final Map<Character, String[]> IOTATED = Map.ofEntries(
            row('е', "je", "je", "ie", "je", "je", "ie", "je"),
            row('ё', "jo", "jo", "io", "jo", "jo", "yo", "jo"),
            row('ю', "ju", "joe", "iou", "ju", "ju", "yu", "ju"),
            row('я', "ja", "ja", "ia", "ja", "ja", "ya", "ja"),
            row('є', "je", "je", "ie", "je", "je", "ye", "je"));
    /** Letters that Russian and Ukrainian read differently. */
    private static final Map<Character, String[]> RUSSIAN = Map.ofEntries(
            row('г', "g", "g", "g", "g", "g", "g", "g"),
            row('и', "i", "i", "i", "i", "i", "i", "i"),
            row('й', "i", "j", "ï", "j", "j", "i", "j"),
            row('щ', "schtsch", "sjtsj", "chtch", "szcz", "šč", "sch", "šč"));
    private static final Map<Character, String[]> UKRAINIAN = Map.ofEntries(
            row('г', "h", "h", "h", "h", "h", "h", "h"),
            row('ґ', "g", "g", "g", "g", "g", "g", "g"),
            row('е', "e", "e", "e", "e", "e", "e", "e"),
            row('и', "y", "y", "y", "y", "y", "y", "y"),
            row('і', "i", "i", "i", "i", "i", "i", "i"),
            row('ї', "ji", "ji", "ï", "ji", "ï", "i", "ji"),
            row('й', "j", "j", "ï", "j", "j", "i", "j"),
            row('щ', "schtsch", "sjtsj", "chtch", "szcz", "šč", "shch", "šč"));

    private EuropeanSpellings() {
    }

    private static Map.Entry<Character, String[]> row(char letter, String... spellings) {
        return Map.entry(letter, spellings);
    }

    /** The name in every language, Ukrainian rules when it is Ukrainian; distinct spellings only. */
    static Set<String> of(String cyrillic, boolean ukrainian) {
        Set<String> spellings = new LinkedHashSet<>();
        for (Language language : Language.values()) {
            spellings.add(in(language, cyrillic, ukrainian));
        }
        return spellings;
    }

    static String in(Language language, String cyrillic, boolean ukrainian) {
        String text = cyrillic.toLowerCase(Locale.ROOT);
        Map<Character, String[]> own = ukrainian ? UKRAINIAN : RUSSIAN;
        int l = language.ordinal();
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char before = i == 0 ? ' ' : text.charAt(i - 1);
            String[] spelled = own.get(c);
            if (spelled == null) {
                spelled = COMMON.get(c);
            }
            if (spelled == null && SOFT.containsKey(c)) {
                boolean iotated = !Character.isLetter(before) || VOWELS.indexOf(before) >= 0
                        || before == 'ь' || before == 'ъ' || before == '\'' || before == '’';
                spelled = (iotated ? IOTATED : SOFT).get(c);
            }
            if (spelled != null) {
                String s = spelled[l];
                if (language == Language.POLISH && c == 'и' && !ukrainian && "жшц".indexOf(before) >= 0) {
                    s = "y";
                }
                if ((language == Language.GERMAN || language == Language.FRENCH) && c == 'с'
                        && VOWELS.indexOf(before) >= 0 && i + 1 < text.length() && VOWELS.indexOf(text.charAt(i + 1)) >= 0) {
                    s = "ss";
                }
                out.append(s);
            } else if (c == 'с') {
                out.append((language == Language.GERMAN || language == Language.FRENCH)
                        && VOWELS.indexOf(before) >= 0 && i + 1 < text.length() && VOWELS.indexOf(text.charAt(i + 1)) >= 0
                        ? "ss" : "s");
            } else if (c == 'л' && language == Language.POLISH) {
                char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
                out.append("ьеёюяиіїє".indexOf(next) >= 0 ? "l" : "ł");
            } else if (c == 'ь' || c == 'ъ' || c == '\'' || c == '’' || c == 'ʼ') {
                // Soft and hard signs and apostrophes: most of these languages write nothing.
            } else {
                out.append(LETTERS.getOrDefault(c, String.valueOf(c)));
            }
        }
        return out.toString();
    }

    private static final Map<Character, String> LETTERS = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('д', "d"), Map.entry('к', "k"), Map.entry('л', "l"),
            Map.entry('м', "m"), Map.entry('н', "n"), Map.entry('о', "o"), Map.entry('п', "p"), Map.entry('р', "r"),
            Map.entry('т', "t"), Map.entry('ф', "f"), Map.entry('э', "e"));

    /** BGN/PCGN digraphs read back to Cyrillic, longest first; Ukrainian and Russian differ in a few. */
    private static final String[][] FROM_UKRAINIAN_BGN = {
            {"shch", "щ"}, {"zgh", "зг"}, {"kh", "х"}, {"zh", "ж"}, {"ts", "ц"}, {"ch", "ч"}, {"sh", "ш"},
            {"yu", "ю"}, {"ya", "я"}, {"ye", "є"}, {"iu", "ю"}, {"ia", "я"}, {"ie", "є"},
    };
    private static final String[][] FROM_RUSSIAN_BGN = {
            {"shch", "щ"}, {"kh", "х"}, {"zh", "ж"}, {"ts", "ц"}, {"ch", "ч"}, {"sh", "ш"},
            {"yu", "ю"}, {"ya", "я"}, {"ye", "е"}, {"yo", "ё"},
    };
    private static final Map<Character, Character> LATIN = Map.ofEntries(
            Map.entry('a', 'а'), Map.entry('b', 'б'), Map.entry('v', 'в'), Map.entry('d', 'д'), Map.entry('e', 'е'),
            Map.entry('z', 'з'), Map.entry('k', 'к'), Map.entry('l', 'л'), Map.entry('m', 'м'), Map.entry('n', 'н'),
            Map.entry('o', 'о'), Map.entry('p', 'п'), Map.entry('r', 'р'), Map.entry('s', 'с'), Map.entry('t', 'т'),
            Map.entry('u', 'у'), Map.entry('f', 'ф'));

    /**
     * A Latin name written by the BGN/PCGN rules read back into Cyrillic, Ukrainian or Russian; null when it has
     * letters those rules never write. {@code Chernihiv}: Чернігів; {@code Mykolaiv}: Миколаїв;
     * {@code Bryansk}: Брянск. Near enough for a European spelling, never shown.
     */
    static String cyrillic(String latin, boolean ukrainian) {
        String text = latin.toLowerCase(Locale.ROOT).replace("'", "ь").replace("’", "ь");
        String[][] digraphs = ukrainian ? FROM_UKRAINIAN_BGN : FROM_RUSSIAN_BGN;
        StringBuilder out = new StringBuilder();
        int i = 0;
        next:
        while (i < text.length()) {
            for (String[] digraph : digraphs) {
                if (text.startsWith(digraph[0], i)) {
                    out.append(digraph[1]);
                    i += digraph[0].length();
                    continue next;
                }
            }
            char c = text.charAt(i);
            char before = out.isEmpty() ? ' ' : out.charAt(out.length() - 1);
            boolean afterVowel = VOWELS.indexOf(before) >= 0;
            boolean last = i + 1 == text.length() || !Character.isLetter(text.charAt(i + 1));
            Character letter = LATIN.get(c);
            if (letter != null) {
                out.append(letter);
            } else if (c == 'g') {
                out.append(ukrainian ? 'ґ' : 'г');
            } else if (c == 'h') {
                out.append(ukrainian ? 'г' : 'х');
            } else if (c == 'i') {
                out.append(ukrainian ? (afterVowel ? (before == 'и' && last ? 'й' : 'ї') : 'і') : (afterVowel ? 'й' : 'и'));
            } else if (c == 'y') {
                boolean wordStart = before == ' ' || before == '-';
                out.append(ukrainian ? (wordStart ? 'й' : 'и') : (afterVowel || wordStart ? 'й' : 'ы'));
            } else if (c == ' ' || c == '-') {
                out.append(c);
            } else if (c == 'ь') {
                out.append('ь');
            } else {
                return null;
            }
            i++;
        }
        return out.toString();
    }

    /** Every European spelling of a name, Cyrillic or in BGN/PCGN Latin letters. */
    static List<String> allOf(String name, boolean ukrainian) {
        List<String> spellings = new ArrayList<>();
        boolean cyrillic = name.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC);
        String source = cyrillic ? name : cyrillic(name, ukrainian);
        if (source != null) {
            boolean ukrainianText = cyrillic ? UKRAINIAN_TEXT.matcher(source.toLowerCase(Locale.ROOT)).matches() : ukrainian;
            spellings.addAll(of(source, ukrainianText));
        }
        return spellings;
    }

    /**
     * The European spellings of a place's names: of each Cyrillic name's core, and of each Latin name read back
     * into Cyrillic (Ukrainian and Russian rules for a Ukrainian place, Russian for a Russian one).
     */
static Set<String> ofNames(List<String> names, boolean ukrainian) {
        Set<String> spellings = new java.util.LinkedHashSet<>();
        for (String name : names) {
            String core = NameFolding.core(name);
            if (core.isEmpty() || core.chars().anyMatch(Character::isDigit)) {
                continue;
            }
            boolean cyrillic = core.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC);
            if (cyrillic) {
                boolean ukrainianText = ukrainian || UKRAINIAN_TEXT.matcher(core).matches();
                spellings.addAll(EuropeanSpellings.of(core, ukrainianText));
            } else {
                spellings.addAll(EuropeanSpellings.allOf(core, false));
                if (ukrainian) {
                    spellings.addAll(EuropeanSpellings.allOf(core, true));
                }
            }
        }
        return spellings;
    }

    /** For the tests: the name in one language. */
    static Map<Language, String> table(String cyrillic, boolean ukrainian) {
        Map<Language, String> table = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            table.put(language, in(language, cyrillic, ukrainian));
        }
        return table;
    }
}
