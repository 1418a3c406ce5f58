package com.incidenttally.report.excel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.incidenttally.incident.EventType;
import com.incidenttally.report.NightLabels;
import com.incidenttally.report.ReportTexts;
import com.incidenttally.tally.NightStretches;
import com.incidenttally.tally.TallyRow;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** The {@code By region}, {@code By district} and {@code By night} sheets: one row per group and a total row. */
final class TallySheets {

    /** The figures of a row, in column order. */
    private enum Figure {
        INCIDENTS, NIGHT_TIME, DAYTIME, SHOT_DOWN, DEBRIS, IMPACT, ATTACK, UAVS, UNKNOWN_COUNT, KILLED, INJURED, SOURCES
    }

    private final SXSSFWorkbook workbook;
    private final WorkbookStyles styles;
    private final ReportTexts texts;
    private final Cells cells;
    private final int maxRows;
    private final String printTitle;

    TallySheets(SXSSFWorkbook workbook, WorkbookStyles styles, ReportTexts texts, int maxRows, String printTitle) {
        this.workbook = workbook;
        this.styles = styles;
        this.texts = texts;
        this.cells = new Cells(styles, texts);
        this.maxRows = maxRows;
        this.printTitle = printTitle;
    }

    /** The sheet's name for a grouping: {@code By region} … in the report's language. */
    static String sheetName(ReportTexts texts, String grouping) {
        return texts.text("sheet." + grouping);
    }

    void byRegion(List<TallyRow> rows) {
        write(sheetName(texts, "byRegion"), List.of(Column.text(texts.text("col.region"), 30),
                Column.text(texts.text("col.iso"), 9)), rows, (row, tally) -> {
                    cells.wrapped(row, 0, texts.region(tally.isoCode(), tally.region()));
                    cells.text(row, 1, tally.isoCode());
                });
    }

    void byDistrict(List<TallyRow> rows) {
        write(sheetName(texts, "byDistrict"), List.of(Column.text(texts.text("col.region"), 22),
                Column.text(texts.text("col.iso"), 8), Column.text(texts.text("col.district"), 26)),
                rows, (row, tally) -> {
                    cells.wrapped(row, 0, texts.region(tally.isoCode(), tally.region()));
                    cells.text(row, 1, tally.isoCode());
                    // A sea area has no districts: its row's district stays blank.
                    cells.wrapped(row, 2, tally.district() == null && tally.isSea() ? null
                            : texts.district(tally.isoCode(), tally.district()));
                });
    }

    /**
     * One row per night, except that a stretch of {@link NightStretches#EMPTY_NIGHTS} or more nights
     * with no reports is one marker row, so that a typo date months away never fills pages.
     */
    void byNight(List<TallyRow> rows) {
        List<TallyRow> all = rows == null ? List.of() : rows;
        List<TallyRow> shown = new ArrayList<>();
        Map<Integer, String> markers = new HashMap<>();
        for (NightStretches.Stretch stretch : NightStretches.of(all.stream().map(TallyRow::night).toList(),
                i -> all.get(i).incidents() == 0)) {
            if (stretch.quiet()) {
                markers.put(shown.size(), texts.text("night.quietStretch", stretch.nights(),
                        texts.night(stretch.first()), texts.night(stretch.last())));
            } else {
                shown.add(all.get(stretch.index()));
            }
        }
        write(sheetName(texts, "byNight"), List.of(Column.text(texts.text("col.night"), 16),
                Column.text(texts.text("col.evening"), 12), Column.text(texts.text("col.week"), 10)),
                shown, markers, (row, tally) -> {
                    cells.wrapped(row, 0, texts.night(tally.night()));
                    cells.date(row, 1, tally.night());
                    cells.text(row, 2, NightLabels.isoWeek(tally.night()));
                });
    }

    /** The headings of the figures, in {@link Figure} order, shared with the Summary's charts. */
    static List<Column> figureColumns(ReportTexts texts) {
        List<Column> columns = new ArrayList<>();
        columns.add(Column.number(texts.text("col.incidents"), 9));
        columns.add(Column.number(texts.text("col.nightTime"), 9));
        columns.add(Column.number(texts.text("col.daytime"), 8));
        for (EventType type : EventType.values()) {
            columns.add(Column.number(texts.eventType(type), 9));
        }
        columns.add(Column.number(texts.text("col.uavs"), 10));
        columns.add(Column.number(texts.text("col.unknownCount"), 11));
        columns.add(Column.number(texts.text("col.killed"), 8));
        columns.add(Column.number(texts.text("col.injured"), 8));
        columns.add(Column.number(texts.text("col.sources"), 9));
        return columns;
    }

    /**
     * Figure columns wide enough that no word of a heading is split (Russian words are longer),
     * the widest key column narrowed to keep the table printable at 8 pt.
     */
    static List<Column> legible(List<Column> keys, List<Column> figures) {
        List<Column> columns = new ArrayList<>(keys);
        int width = keys.stream().mapToInt(Column::width).sum();
        for (Column figure : figures) {
            int longestWord = 0;
            for (String word : figure.title().split("[\\s/-]+")) {
                longestWord = Math.max(longestWord, word.length());
            }
            Column wide = new Column(figure.title(), Math.max(figure.width(), longestWord + 1), figure.numeric());
            columns.add(wide);
            width += wide.width();
        }
        int excess = width - TableSheet.LEGIBLE_WIDTH_CHARS;
        if (excess > 0) {
            int widest = 0;
            for (int i = 1; i < keys.size(); i++) {
                if (keys.get(i).width() > keys.get(widest).width()) {
                    widest = i;
                }
            }
            Column key = keys.get(widest);
            columns.set(widest, new Column(key.title(), Math.max(12, key.width() - excess), key.numeric()));
        }
        return columns;
    }

    private interface KeyWriter {
        void write(Row row, TallyRow tally);
    }

    private void write(String name, List<Column> keys, List<TallyRow> rows, KeyWriter keyWriter) {
        write(name, keys, rows, Map.of(), keyWriter);
    }

    /** @param markers a line of text to write before the row of each index ({@code rows.size()}: after the last) */
    private void write(String name, List<Column> keys, List<TallyRow> rows, Map<Integer, String> markers,
                       KeyWriter keyWriter) {
        List<Column> columns = legible(keys, figureColumns(texts));

        TableSheet table = new TableSheet(workbook, styles, name, columns, maxRows, keys.size(), printTitle);
        int first = keys.size();
        long[] totals = new long[Figure.values().length];
        long killedKnown = 0;
        long injuredKnown = 0;
        List<TallyRow> listed = rows == null ? List.of() : rows;
        for (int i = 0; i <= listed.size(); i++) {
            if (markers.containsKey(i)) {
                cells.styled(table.dataRow(), 0, markers.get(i), styles.note);
            }
            if (i == listed.size()) {
                break;
            }
            TallyRow tally = listed.get(i);
            Row row = table.dataRow();
            keyWriter.write(row, tally);
            long[] figures = figures(tally);
            for (Figure figure : Figure.values()) {
                int column = first + figure.ordinal();
                totals[figure.ordinal()] += figures[figure.ordinal()];
                if (figure == Figure.KILLED && tally.killedKnown() == 0
                        || figure == Figure.INJURED && tally.injuredKnown() == 0) {
                    // No report of the group gave a number: unknown, not a reported zero.
                    cells.blankNumber(row, column);
                } else {
                    cells.number(row, column, figures[figure.ordinal()]);
                }
            }
            killedKnown += tally.killedKnown();
            injuredKnown += tally.injuredKnown();
        }
        Row total = table.trailingRow();
        cells.styled(total, 0, texts.text("total"), styles.totalLabel);
        for (int i = 1; i < first; i++) {
            cells.styled(total, i, null, styles.totalLabel);
        }
        for (Figure figure : Figure.values()) {
            int column = first + figure.ordinal();
            boolean unknown = figure == Figure.KILLED && killedKnown == 0 || figure == Figure.INJURED && injuredKnown == 0;
            // Distinct sources do not add up across groups, so the total row leaves them blank.
            if (figure == Figure.SOURCES || unknown) {
                cells.styled(total, column, null, styles.totalInteger);
            } else {
                cells.styled(total, column, null, styles.totalInteger).setCellValue(totals[figure.ordinal()]);
            }
        }
        long timed = totals[Figure.NIGHT_TIME.ordinal()] + totals[Figure.DAYTIME.ordinal()];
        long untimed = totals[Figure.INCIDENTS.ordinal()] - timed;
        if (untimed > 0) {
            table.note(cells, texts.text("note.untimed", untimed));
        }
        if (totals[Figure.UNKNOWN_COUNT.ordinal()] > 0) {
            table.note(cells, texts.text("note.unknownCount", totals[Figure.UNKNOWN_COUNT.ordinal()]));
        }
        table.note(cells, texts.text("note.casualties"));
        table.note(cells, texts.text("note.sources"));
        table.finish();
    }

    static long[] figures(TallyRow row) {
        return new long[] {row.incidents(), row.nightTime(), row.daytime(), row.events(EventType.SHOT_DOWN),
                row.events(EventType.DEBRIS), row.events(EventType.IMPACT), row.events(EventType.ATTACK),
                row.uavReported(), row.unknownCount(), row.killed(), row.injured(), row.sources()};
    }
}
