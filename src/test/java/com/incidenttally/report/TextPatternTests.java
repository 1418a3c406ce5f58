package com.incidenttally.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Formattable;
import java.util.Formatter;
import java.util.List;
import java.util.Locale;
import java.util.MissingFormatArgumentException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextPatternTests {

    private static final Locale RUSSIAN = Language.RU.locale();
    private static final Pattern CONVERSION = Pattern.compile("%(\\d+\\$)?[-#+ 0,(<]*\\d*(\\.\\d+)?([a-zA-Z%])");

    @ParameterizedTest
    @ValueSource(strings = {"texts.properties", "texts_ru.properties"})
    void fillsEveryReportTextAsStringFormatDoes(String file) throws IOException {
        Properties texts = new Properties();
        try (InputStream in = ReportTexts.class.getResourceAsStream(file)) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Locale locale = file.contains("_ru") ? RUSSIAN : Locale.ENGLISH;
        for (String key : texts.stringPropertyNames()) {
            String pattern = texts.getProperty(key);
            for (long number : new long[] {0, 7, 1_234_567, -45_000}) {
                Object[] args = argumentsFor(pattern, number);
                TextPattern text = new TextPattern(pattern, locale);
                String expected;
                try {
                    expected = String.format(locale, pattern, args);
                } catch (RuntimeException e) {
                    // A text shown as it is ("% change") is never filled; filled, it fails alike.
                    assertThatThrownBy(() -> text.format(args)).as(key).isInstanceOf(e.getClass());
                    continue;
                }
                assertThat(text.format(args)).as(key).isEqualTo(expected);
            }
        }
    }

    @Test
    void groupsThousandsAsTheLanguageDoes() {
        TextPattern russian = new TextPattern("%,d строк (%s)", RUSSIAN);
        TextPattern english = new TextPattern("%,d rows (%s)", Locale.ENGLISH);

        assertThat(russian.format(1_234_567, "ok")).isEqualTo(String.format(RUSSIAN, "%,d строк (%s)", 1_234_567, "ok"));
        assertThat(english.format(1_234_567L, "ok")).isEqualTo("1,234,567 rows (ok)");
        assertThat(english.format(Integer.MIN_VALUE, "ok")).isEqualTo("-2,147,483,648 rows (ok)");
    }

    @Test
    void fillsTheSameNumberAlikeTimeAfterTime() {
        TextPattern pattern = new TextPattern("%d of %,d", Locale.ENGLISH);

        // More numbers than it keeps formatted: the ones past that are formatted each time.
        for (int i = 0; i < 3_000; i++) {
            assertThat(pattern.format(i, i * 1_000)).isEqualTo(String.format(Locale.ENGLISH, "%d of %,d", i, i * 1_000));
        }
        assertThat(pattern.format(5, 5)).isEqualTo("5 of 5");
    }

    @Test
    void writesNullAsStringFormatDoes() {
        assertThat(new TextPattern("value %s", Locale.ENGLISH).format((Object) null)).isEqualTo("value null");
    }

    @Test
    void leavesOtherConversionsToStringFormat() {
        for (String pattern : List.of("%.2f%%", "%1$s and %1$s", "%-6s|", "%S", "line%n", "%,d %<s")) {
            Object[] args = argumentsFor(pattern, 12);
            assertThat(new TextPattern(pattern, Locale.ENGLISH).format(args)).as(pattern)
                    .isEqualTo(String.format(Locale.ENGLISH, pattern, args));
        }
    }

    @Test
    void aNumberWhereTextIsExpectedOrTextWhereANumberIsExpectedIsStringFormatsBusiness() {
        assertThat(new TextPattern("%s rows", Locale.ENGLISH).format(1_234)).isEqualTo("1234 rows");
        assertThatThrownBy(() -> new TextPattern("%d rows", Locale.ENGLISH).format("many"))
                .isInstanceOf(java.util.IllegalFormatConversionException.class);
        assertThatThrownBy(() -> new TextPattern("%s of %s", Locale.ENGLISH).format("one"))
                .isInstanceOf(MissingFormatArgumentException.class);
    }

    @Test
    void letsAFormattableArgumentFormatItself() {
        Formattable shouting = (Formatter formatter, int flags, int width, int precision) ->
                formatter.format("LOUD");

        assertThat(new TextPattern("say %s", Locale.ENGLISH).format(shouting)).isEqualTo("say LOUD");
    }

    /** Arguments of the kinds a pattern's conversions take: text with markup and Cyrillic, numbers, decimals. */
    private static Object[] argumentsFor(String pattern, long number) {
        List<Object> args = new ArrayList<>();
        Matcher matcher = CONVERSION.matcher(pattern);
        while (matcher.find()) {
            if (matcher.group(1) != null || matcher.group(0).contains("<")) {
                continue;
            }
            switch (matcher.group(3)) {
                case "s", "S" -> args.add("Курск <&> \"x\"");
                case "d" -> args.add(args.size() % 2 == 0 ? (Object) number : (Object) (int) number);
                case "f" -> args.add(number / 7.0);
                default -> { }
            }
        }
        if (args.isEmpty() && pattern.contains("$")) {
            args.add("Курск");
        }
        return args.toArray();
    }
}
