package com.incidenttally.normalize;

import com.incidenttally.incident.RejectionKind;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Whole-number counts as analysts write them, vague words included. */
final class Counts {

    /** The largest count a row may give: more is a typo, never a report (and would overflow totals). */
    static final int MAX = 100_000;

    /** Values that mean "not known" whole. */
    private static final Set<String> UNKNOWN = Set.of("n/a", "?", "н/д", "н/у", "нет данных", "немає даних", "nan",
            "-", "\u2013", "\u2014");
    /**
     * The beginnings of words that say "some, number not known" in English, Russian and Ukrainian: {@code multiple
     * drones}, {@code number unconfirmed}, {@code несколько БПЛА}, {@code количество уточняется}, {@code кілька}.
     */
    private static final List<String> VAGUE = List.of("unknown", "multipl", "several", "many", "numerous", "some",
            "unconfirm", "unspecif", "undetermin", "unclear", "unverif", "tbc", "tbd",
            "undisclos", "few", "dozens",
            "несколь", "неизвест", "неустановл", "неуточн", "уточня", "много", "множеств", "групп", "ряд", "десятк",
            "неуказ", "несообщ", "кільк", "декільк", "багат", "невідом", "невстановл", "уточню", "груп");
    /**
     * Number words, whole ({@code NUMBERS}) or by their beginnings ({@code NUMBER_STEMS}): a value that says a number
     * in words ({@code three (multiple sources)}, {@code не менее двух}) is not "number not known", and stays a
     * rejection for a person to fix.
     */
    private static final Set<String> NUMBERS = Set.of("one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "один", "одна", "одно", "одного", "одной", "одну", "два", "две", "двух", "двум", "двумя",
            "три", "трёх", "трех", "трём", "тремя", "пять", "пяти", "шесть", "шести", "семь", "семи", "дві",
            "чотири", "п'ять", "шість", "сім", "вісім", "дев'ять", "десять", "десяти");
    private static final List<String> NUMBER_STEMS = List.of("eleven", "twelve", "thirteen", "fourteen", "fifteen",
            "twenty", "thirty", "forty", "fifty", "четыр", "восем", "восьм", "девят", "одиннадц", "двенадц", "двадцат",
            "тридцат", "сорок", "пятьдес", "чотир", "вісім");
    private static final Pattern WORDS = Pattern.compile("[^\\p{L}]+");
    private static final Pattern NE = Pattern.compile("(?<!\\p{L})не\\s+");
    private static final Pattern NOT = Pattern.compile("(?<!\\p{L})not\\s+");

    private Counts() {
    }

    /**
     * The count, or null when the value is blank or says the number is not known: a value without a digit with
     * a word that says so ({@code multiple drones}, {@code number unconfirmed}, {@code несколько}).
     */
    static Integer uavCount(String value) {
        String text = value == null ? "" : FreeText.strip(value);
        if (text.isEmpty() || UNKNOWN.contains(text.toLowerCase(Locale.ROOT)) || saysNotKnown(text)) {
            return null;
        }
        return wholeNumber(text);
    }

    /** Whether text with no digit in it has a word that says "some, number not known". */
    private static boolean saysNotKnown(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        // "не установлено", "не уточняется", "not confirmed": one word with its не or not, as неизвестно and
        // unconfirmed are.
        String words = NOT.matcher(NE.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("не")).replaceAll("un");
        boolean vague = false;
        for (String word : WORDS.split(words)) {
            if (NUMBERS.contains(word) || NUMBER_STEMS.stream().anyMatch(word::startsWith)) {
                return false;
            }
            vague |= VAGUE.stream().anyMatch(word::startsWith);
        }
        return vague;
    }

    /** The count, or null when blank or a dash, {@code n/a}, {@code нет данных} (not reported). */
    static Integer casualties(String value) {
        String text = value == null ? "" : FreeText.strip(value);
        return text.isEmpty() || UNKNOWN.contains(text.toLowerCase(Locale.ROOT)) ? null : wholeNumber(text);
    }

    private static Integer wholeNumber(String text) {
        if (text.endsWith(".0") && isDigits(text.substring(0, text.length() - 2), 0)) {
            // 3.0: how pandas writes a count column with blanks in it (as floats). Only ".0": 1.000 is a thousand
            // in much of Europe, and stays a rejection.
            text = text.substring(0, text.length() - 2);
        }
        if (text.startsWith("-") && isDigits(text, 1)) {
            throw new InvalidCount(RejectionKind.NEGATIVE_COUNT, "a count cannot be negative");
        }
        if (!isDigits(text, 0)) {
            throw new InvalidCount(RejectionKind.NOT_A_WHOLE_NUMBER, "not a whole number");
        }
        int first = 0;
        while (first < text.length() - 1 && text.charAt(first) == '0') {
            first++;
        }
        String digits = text.substring(first);
        if (digits.length() > 6 || Integer.parseInt(digits) > MAX) {
            throw new InvalidCount(RejectionKind.COUNT_TOO_LARGE, "too large: a count may be at most 100,000");
        }
        return Integer.valueOf(digits);
    }

    private static boolean isDigits(String text, int from) {
        if (text.length() <= from) {
            return false;
        }
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A count that cannot be taken, and the kind of rejection it makes. */
    static final class InvalidCount extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        final transient RejectionKind kind;

        InvalidCount(RejectionKind kind, String message) {
            super(message, null);
            this.kind = kind;
        }
    }
}
