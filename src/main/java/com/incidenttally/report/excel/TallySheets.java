package com.incidenttally.report.excel;

import java.util.ArrayList;
import java.util.List;

import com.incidenttally.normalize.EventType;
import com.incidenttally.report.NightLabels;
import com.incidenttally.tally.TallyRow;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** The {@code By region}, {@code By district} and {@code By night} sheets: one row per group and a total row. */
final class TallySheets {

    /** Set apart from the other figures: the total of distinct sources per group is not a sum. */
    private static final int FIGURES = 11;

    private final SXSSFWorkbook workbook;
    private final WorkbookStyles styles;
    private final Cells cells;
    private final int maxRows;
    private final String printTitle;

    TallySheets(SXSSFWorkbook workbook, WorkbookStyles styles, int maxRows, String printTitle) {
        this.workbook = workbook;
        this.styles = styles;
        this.cells = new Cells(styles);
        this.maxRows = maxRows;
        this.printTitle = printTitle;
    }

    void byRegion(List<TallyRow> rows) {
        write("By region", List.of(new Column("Region", 30), new Column("ISO code", 10)), rows, (row, tally) -> {
            cells.text(row, 0, tally.region());
            cells.text(row, 1, tally.isoCode());
        });
    }

    void byDistrict(List<TallyRow> rows) {
        write("By district", List.of(new Column("Region", 28), new Column("ISO code", 10), new Column("District", 30)),
                rows, (row, tally) -> {
                    cells.text(row, 0, tally.region());
                    cells.text(row, 1, tally.isoCode());
                    // A sea area has no districts: its row's district stays blank.
                    cells.text(row, 2, tally.district() != null ? tally.district()
                            : tally.isSea() ? null : "(region as a whole)");
                });
    }

    void byNight(List<TallyRow> rows) {
        write("By night", List.of(new Column("Night", 16), new Column("Evening date", 12), new Column("Week", 10)),
                rows, (row, tally) -> {
                    cells.text(row, 0, NightLabels.nightLabel(tally.night()));
                    cells.date(row, 1, tally.night());
                    cells.text(row, 2, NightLabels.isoWeek(tally.night()));
                });
    }

    private interface KeyWriter {
        void write(Row row, TallyRow tally);
    }

    private void write(String name, List<Column> keys, List<TallyRow> rows, KeyWriter keyWriter) {
        List<Column> columns = new ArrayList<>(keys);
        columns.add(new Column("Incidents", 11));
        columns.add(new Column("Night-time", 11));
        columns.add(new Column("Daytime", 10));
        for (EventType type : EventType.values()) {
            columns.add(new Column(type.label(), 10));
        }
        columns.add(new Column("UAVs reported", 11));
        columns.add(new Column("Incidents with unknown count", 14));
        columns.add(new Column("Killed", 9));
        columns.add(new Column("Injured", 9));
        columns.add(new Column("Sources", 10));

        TableSheet table = new TableSheet(workbook, styles, name, columns, maxRows, keys.size(), printTitle);
        int first = keys.size();
        long[] totals = new long[FIGURES];
        for (TallyRow tally : rows == null ? List.<TallyRow>of() : rows) {
            Row row = table.dataRow();
            keyWriter.write(row, tally);
            long[] figures = figures(tally);
            for (int i = 0; i < figures.length; i++) {
                cells.number(row, first + i, figures[i]);
                if (i < FIGURES) {
                    totals[i] += figures[i];
                }
            }
        }
        Row total = table.trailingRow();
        cells.styled(total, 0, "Total", styles.totalLabel);
        for (int i = 1; i < first; i++) {
            cells.styled(total, i, null, styles.totalLabel);
        }
        for (int i = 0; i < FIGURES; i++) {
            total.createCell(first + i).setCellValue(totals[i]);
            total.getCell(first + i).setCellStyle(styles.totalInteger);
        }
        // Distinct sources do not add up across groups, so the total row leaves them blank.
        cells.styled(total, first + FIGURES, null, styles.totalLabel);
        table.finish();
    }

    static long[] figures(TallyRow row) {
        return new long[] {row.incidents(), row.nightTime(), row.daytime(), row.shotDown(), row.debris(),
                row.impact(), row.attack(), row.uavReported(), row.unknownCount(), row.killed(), row.injured(),
                row.sources()};
    }
}
