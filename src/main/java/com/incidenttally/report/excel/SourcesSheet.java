package com.incidenttally.report.excel;

import java.util.List;

import com.incidenttally.report.ReportTexts;
import com.incidenttally.tally.SourceTally;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * {@code Sources}: each source judged over the period, so a manager sees which feed is noisy: its
 * rows, the share accepted, its commonest rejection reason, the incidents it reported, the share
 * another source confirmed, and the merges with conflicting values it was part of. One page wide,
 * header repeated; a total row where figures add up (rows, accepted, rejected).
 */
final class SourcesSheet {

    static final int SOURCE = 0;
    static final int ROWS = 1;
    static final int ACCEPTED = 2;
    static final int ACCEPTED_SHARE = 3;
    static final int REJECTED = 4;
    static final int TOP_REASON = 5;
    static final int INCIDENTS = 6;
    static final int CONFIRMED = 7;
    static final int CONFIRMED_SHARE = 8;
    static final int CONFLICTS = 9;

    private final SXSSFWorkbook workbook;
    private final WorkbookStyles styles;
    private final ReportTexts texts;
    private final Cells cells;
    private final String printTitle;

    SourcesSheet(SXSSFWorkbook workbook, WorkbookStyles styles, ReportTexts texts, String printTitle) {
        this.workbook = workbook;
        this.styles = styles;
        this.texts = texts;
        this.cells = new Cells(styles, texts);
        this.printTitle = printTitle;
    }

    List<Column> columns() {
        return List.of(
                Column.text(texts.text("src.col.source"), 30),
                Column.number(texts.text("src.col.rows"), 9),
                Column.number(texts.text("src.col.accepted"), 10),
                Column.number(texts.text("src.col.acceptedShare"), 10),
                Column.number(texts.text("src.col.rejected"), 10),
                Column.text(texts.text("src.col.topReason"), 34),
                Column.number(texts.text("src.col.incidents"), 10),
                Column.number(texts.text("src.col.confirmed"), 11),
                Column.number(texts.text("src.col.confirmedShare"), 11),
                Column.number(texts.text("src.col.conflicts"), 10));
    }

    /** Writes the sheet; returns its name. */
    String write(List<SourceTally.SourceRow> sources) {
        String name = texts.text("sheet.sources");
        // A source per row: tens, at most thousands; never more than a sheet holds.
        TableSheet table = new TableSheet(workbook, styles, name, columns(), Integer.MAX_VALUE, 1, printTitle);
        long rows = 0;
        long accepted = 0;
        long rejected = 0;
        for (SourceTally.SourceRow source : sources) {
            Row row = table.dataRow();
            cells.text(row, SOURCE, source.source().equals(SourceTally.NO_SOURCE) ? texts.text("src.none")
                    : source.source());
            cells.number(row, ROWS, source.rows());
            cells.number(row, ACCEPTED, source.accepted());
            share(row, ACCEPTED_SHARE, source.rows(), source.acceptedShare());
            cells.number(row, REJECTED, source.rejected());
            cells.wrapped(row, TOP_REASON, source.topRejection() == null ? null
                    : texts.text("src.topReason", texts.rejectionKind(source.topRejection().kind(),
                            source.topRejection().column()), source.topRejectionRows()));
            cells.number(row, INCIDENTS, source.incidents());
            cells.number(row, CONFIRMED, source.confirmed());
            share(row, CONFIRMED_SHARE, source.incidents(), source.confirmedShare());
            cells.number(row, CONFLICTS, source.conflicts());
            rows += source.rows();
            accepted += source.accepted();
            rejected += source.rejected();
        }
        Row total = table.trailingRow();
        cells.styled(total, SOURCE, texts.text("total"), styles.totalLabel);
        cells.styled(total, ROWS, null, styles.totalInteger).setCellValue(rows);
        cells.styled(total, ACCEPTED, null, styles.totalInteger).setCellValue(accepted);
        cells.styled(total, ACCEPTED_SHARE, null, styles.totalPercent);
        if (rows > 0) {
            total.getCell(ACCEPTED_SHARE).setCellValue((double) accepted / rows);
        }
        cells.styled(total, REJECTED, null, styles.totalInteger).setCellValue(rejected);
        // Incidents, confirmations and conflicts do not add up across sources: one incident has several.
        for (int c = TOP_REASON; c <= CONFLICTS; c++) {
            cells.styled(total, c, null, c == TOP_REASON ? styles.totalLabel : styles.totalInteger);
        }
        if (sources.isEmpty()) {
            table.note(cells, texts.text("src.nothing"));
        }
        table.note(cells, texts.text("src.note"));
        table.finish();
        return name;
    }

    /** A share of {@code whole}, blank when there is nothing to take a share of. */
    private void share(Row row, int column, long whole, double share) {
        if (whole == 0) {
            cells.styled(row, column, null, styles.percent);
        } else {
            cells.styled(row, column, null, styles.percent).setCellValue(share);
        }
    }
}
