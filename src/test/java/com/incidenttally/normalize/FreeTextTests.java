package com.incidenttally.normalize;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FreeTextTests {

    /** The rule of what trimming takes away, as Java's character classes say it, with no shortcut. */
    private static boolean invisibleByTheClasses(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                || Character.getType(codePoint) == Character.FORMAT
                || Character.getType(codePoint) == Character.CONTROL
                || codePoint == 0x115F || codePoint == 0x1160 || codePoint == 0x3164 || codePoint == 0xFFA0;
    }

    @Test
    void everyCodePointIsTrimmedExactlyWhenTheCharacterClassesCallItInvisible() {
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            if (Character.getType(codePoint) == Character.SURROGATE) {
                continue;
            }
            String alone = new String(Character.toChars(codePoint));
            String text = alone + "x" + alone;
            String expected = invisibleByTheClasses(codePoint) ? "x" : text;
            if (!FreeText.strip(text).equals(expected)) {
                assertThat(FreeText.strip(text)).as("U+%04X", codePoint).isEqualTo(expected);
            }
        }
    }

    @Test
    void aValueWithNothingToTrimIsTheSameInstance() {
        String value = "Ростовская область";
        assertThat(FreeText.strip(value)).isSameAs(value);
        assertThat(FreeText.strip(" \u00A0Rostov\u200B ")).isEqualTo("Rostov");
        assertThat(FreeText.strip(null)).isNull();
    }
}
