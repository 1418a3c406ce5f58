package com.incidenttally.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A report text's {@link String#format} pattern, parsed once. Patterns made only of words,
 * {@code %s}, {@code %d} and {@code %,d} are filled in piece by piece, each number formatted once
 * per value; any other pattern, or an argument of another kind, goes to {@link String#format}. The
 * result is the same either way: the formatter fills each specifier on its own. A report fills the
 * same few patterns for every one of hundreds of thousands of rows, where a new
 * {@link java.util.Formatter} per row was a fifth of the Data quality sheet's time. Safe to share
 * between threads.
 */
final class TextPattern {

    private static final Pattern SPECIFIER = Pattern.compile("%(,?d|s)|%");
    /** Numbers kept formatted per pattern; counts in a report repeat, and this bounds the memory. */
    private static final int MAX_NUMBERS = 1_024;

    private final String pattern;
    private final Locale locale;
    /** The words between specifiers, one more than there are specifiers; null when the pattern is left to String.format. */
    private final String[] words;
    /** Per specifier: null for {@code %s}, else {@code %d} or {@code %,d}. */
    private final String[] numbers;
    private final Map<Long, String> plainNumbers = new ConcurrentHashMap<>();
    private final Map<Long, String> groupedNumbers = new ConcurrentHashMap<>();

    TextPattern(String pattern, Locale locale) {
        this.pattern = pattern;
        this.locale = locale;
        List<String> words = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        Matcher matcher = SPECIFIER.matcher(pattern);
        int end = 0;
        boolean simple = true;
        while (matcher.find()) {
            if (matcher.group(1) == null) {
                simple = false;
                break;
            }
            words.add(pattern.substring(end, matcher.start()));
            numbers.add(matcher.group(1).equals("s") ? null : "%" + matcher.group(1));
            end = matcher.end();
        }
        words.add(pattern.substring(end));
        this.words = simple ? words.toArray(String[]::new) : null;
        this.numbers = simple ? numbers.toArray(String[]::new) : null;
    }

    String pattern() {
        return pattern;
    }

    String format(Object... args) {
        if (words == null || args.length != numbers.length) {
            return String.format(locale, pattern, args);
        }
        StringBuilder text = new StringBuilder(pattern.length() + 16 * args.length);
        for (int i = 0; i < args.length; i++) {
            text.append(words[i]);
            Object arg = args[i];
            if (numbers[i] == null) {
                if (arg instanceof java.util.Formattable) {
                    return String.format(locale, pattern, args);
                }
                text.append(arg);
            } else if (arg instanceof Integer || arg instanceof Long) {
                text.append(number(numbers[i], ((Number) arg).longValue()));
            } else {
                return String.format(locale, pattern, args);
            }
        }
        return text.append(words[args.length]).toString();
    }

    private String number(String specifier, long value) {
        Map<Long, String> formatted = specifier.length() == 2 ? plainNumbers : groupedNumbers;
        String text = formatted.get(value);
        if (text == null) {
            text = String.format(locale, specifier, value);
            if (formatted.size() < MAX_NUMBERS) {
                formatted.put(value, text);
            }
        }
        return text;
    }
}
