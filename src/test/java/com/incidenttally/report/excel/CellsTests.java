package com.incidenttally.report.excel;

import java.io.IOException;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
        // 40,000 UTF-16 units, 39,999 characters: the marker counts characters.
        String marker = " … [cut: 39,999 characters]";
        int keep = Cells.MAX_TEXT - marker.length();
        // Put a surrogate pair across the cut point.
        String text = "a".repeat(keep - 1) + "\uD83D\uDE80" + "b".repeat(40_000 - keep - 1);

        String fitted = Cells.fit(text);

        assertThat(fitted).hasSizeLessThanOrEqualTo(Cells.MAX_TEXT);
        assertThat(Character.isHighSurrogate(fitted.charAt(fitted.indexOf('…') - 1))).isFalse();
        assertThat(fitted).endsWith(marker);
    }

    @Test
    void wrappedTextMakesItsRowAsTallAsItsLinesInItsOwnSheetsColumn() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Cells cells = new Cells(new WorkbookStyles(workbook));
            Sheet narrow = workbook.createSheet("narrow");
            narrow.setColumnWidth(0, 10 * 256);
            Sheet wide = workbook.createSheet("wide");
            wide.setColumnWidth(0, 40 * 256);
            String text = "x".repeat(15) + "\nshort\n";

            Row twoLinesAndTwo = narrow.createRow(0);
            cells.wrapped(twoLinesAndTwo, 0, text);
            Row threeLines = wide.createRow(0);
            cells.wrapped(threeLines, 0, text);
            Row capped = narrow.createRow(1);
            cells.wrapped(capped, 0, "x".repeat(500));
            Row oneLine = narrow.createRow(2);
            cells.wrapped(oneLine, 0, "one line");
            Row manyBreaks = wide.createRow(1);
            cells.wrapped(manyBreaks, 0, "\n".repeat(30));

            assertThat(twoLinesAndTwo.getHeightInPoints()).isEqualTo(4 * 14.5f);
            assertThat(threeLines.getHeightInPoints()).isEqualTo(3 * 14.5f);
            assertThat(capped.getHeightInPoints()).isEqualTo(Cells.MAX_WRAPPED_LINES * 14.5f);
            assertThat(oneLine.getHeightInPoints()).isEqualTo(narrow.getDefaultRowHeightInPoints());
            assertThat(manyBreaks.getHeightInPoints()).isEqualTo(Cells.MAX_WRAPPED_LINES * 14.5f);
        }
    }

    @Test
    void linesAreCountedAsASpreadsheetWrapsWordsInItsColumn() {
        assertThat(Cells.lines("ROS-20251207-12", 16)).isEqualTo(1);
        assertThat(Cells.lines("2025-12-07/08", 14)).isEqualTo(1);
        assertThat(Cells.lines("excel/reports-2.csv:14, reports-3.csv:13", 23)).isEqualTo(2);
        // A word wider than the column is broken where it reaches the edge.
        assertThat(Cells.lines("x".repeat(30), 10)).isEqualTo(3);
        // Wider letters take more room: capitals and Cyrillic need more lines than digits.
        assertThat(Cells.lines("ШШШШШШШШШШ", 10)).isGreaterThan(Cells.lines("0000000000", 11));
        assertThat(Cells.lines("windows broken in a residential building", 19)).isEqualTo(2);
    }
}
