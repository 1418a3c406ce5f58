package com.incidenttally.report.excel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CellsTests {

    @Test
    void keepsTextThatFitsACell() {
        String full = "ж".repeat(Cells.MAX_TEXT);

        assertThat(Cells.fit(full)).isSameAs(full);
        assertThat(Cells.fit(null)).isNull();
    }

    @Test
    void cutsTextOneCharacterTooLongAndSaysByHowMuch() {
        String text = "a".repeat(Cells.MAX_TEXT + 1);

        String fitted = Cells.fit(text);

        assertThat(fitted).hasSize(Cells.MAX_TEXT);
        assertThat(fitted).endsWith("… [cut: 32,768 characters]");
    }

    @Test
    void neverSplitsACharacterOutsideTheBasicPlane() {
        String marker = "… [cut: 40,000 characters]";
        int keep = Cells.MAX_TEXT - marker.length();
        // Put a surrogate pair across the cut point.
        String text = "a".repeat(keep - 1) + "\uD83D\uDE80" + "b".repeat(40_000 - keep - 1);

        String fitted = Cells.fit(text);

        assertThat(fitted).hasSizeLessThanOrEqualTo(Cells.MAX_TEXT);
        assertThat(Character.isHighSurrogate(fitted.charAt(fitted.indexOf('…') - 1))).isFalse();
        assertThat(fitted).endsWith(marker);
    }
}
