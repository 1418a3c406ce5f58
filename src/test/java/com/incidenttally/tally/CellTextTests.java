package com.incidenttally.tally;

import com.incidenttally.incident.CellText;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CellTextTests {

    /** A text whose every character is outside the BMP (two UTF-16 units), with an ASCII letter at {@code offset}. */
    private static String emoji(int characters, int offset) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < characters; i++) {
            text.appendCodePoint(i == offset ? 'a' : 0x1F600 + i % 64);
        }
        return text.toString();
    }

    @Test
    void cutsBetweenCharactersAtEveryPositionAndFitsTheLimit() {
        for (int offset = 0; offset < 3; offset++) {
            String text = emoji(700, offset);
            for (int max = 1; max <= 1_500; max++) {
                String cut = CellText.cut(text, max);
                assertThat(cut.length()).as("max %d", max).isLessThanOrEqualTo(max);
                for (int i = 0; i < cut.length(); i++) {
                    char c = cut.charAt(i);
                    if (Character.isHighSurrogate(c)) {
                        assertThat(i + 1 < cut.length() && Character.isLowSurrogate(cut.charAt(i + 1)))
                                .as("max %d: half a character at %d", max, i).isTrue();
                    } else if (Character.isLowSurrogate(c)) {
                        assertThat(i > 0 && Character.isHighSurrogate(cut.charAt(i - 1)))
                                .as("max %d: half a character at %d", max, i).isTrue();
                    }
                }
                if (text.length() > max && max > 40) {
                    assertThat(cut).as("max %d", max).endsWith(" … [cut: 700 characters]");
                    assertThat(text).startsWith(cut.substring(0, cut.length() - " … [cut: 700 characters]".length()));
                }
            }
        }
    }

    @Test
    void theMarkerCountsCharactersNotUtf16Units() {
        assertThat(CellText.cut(emoji(600, -1), 1_000)).endsWith("[cut: 600 characters]");
        assertThat(CellText.cut("x".repeat(40_000), CellText.MAX_LENGTH)).hasSize(CellText.MAX_LENGTH)
                .endsWith(" … [cut: 40,000 characters]");
    }

    @Test
    void textThatFitsIsKeptAsItIs() {
        String text = emoji(500, -1);
        assertThat(CellText.cut(text, 1_000)).isSameAs(text);
        assertThat(CellText.cut(null, 10)).isNull();
    }
}
