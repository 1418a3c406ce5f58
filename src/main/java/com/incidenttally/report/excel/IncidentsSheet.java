package com.incidenttally.report.excel;

import java.util.List;

import com.incidenttally.report.ReportTexts;
import com.incidenttally.tally.MergedIncident;
import com.incidenttally.tally.Period;
import com.incidenttally.tally.ReportData;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** {@code Incidents}: one row per merged incident, streamed, continued on {@code Incidents (2)}, … */
final class IncidentsSheet {

    /**
     * The first columns are what a printed page shows (one page wide at 8 pt or more); the
     * columns after them are on screen only. Printed text wraps in its column, so nothing is cut
     * on paper: an id, a source or a {@code file:line} is read whole, on a taller row if need be.
     */
    static final int PRINTED_COLUMNS = 13;

    private final SXSSFWorkbook workbook;
    private final WorkbookStyles styles;
    private final ReportTexts texts;
    private final Cells cells;
    private final int maxRows;
    private final String printTitle;

    IncidentsSheet(SXSSFWorkbook workbook, WorkbookStyles styles, ReportTexts texts, int maxRows, String printTitle) {
        this.workbook = workbook;
        this.styles = styles;
        this.texts = texts;
        this.cells = new Cells(styles, texts);
        this.maxRows = maxRows;
        this.printTitle = printTitle;
    }

    static List<Column> columns(ReportTexts texts) {
        return List.of(
                // Wide enough for a generated id (ROS-20251207-12) and a night (2025-12-07/08) on one line;
                // the free text wide enough that most of it takes one or two lines.
                Column.text(texts.text("col.id"), 16),
                Column.text(texts.text("col.night"), 14),
                Column.text(texts.text("col.localTime"), 16),
                Column.text(texts.text("col.region"), 16),
                Column.text(texts.text("col.district"), 19),
                Column.text(texts.text("col.location"), 17),
                Column.text(texts.text("col.eventType"), 10),
                Column.number(texts.text("col.uavsShort"), 6),
                // Wide enough for the headings' words in Russian too (Погибли, Ранены).
                Column.number(texts.text("col.killedShort"), 9),
                Column.number(texts.text("col.injuredShort"), 8),
                Column.text(texts.text("col.damage"), 18),
                Column.text(texts.text("col.sources"), 18),
                Column.text(texts.text("col.from"), 23),
                // On screen only, past the printed columns:
                Column.text(texts.text("col.measures"), 22),
                Column.text(texts.text("col.evening"), 11),
                Column.text(texts.text("col.timeOfDay"), 10),
                Column.text(texts.text("col.nightInferred"), 9),
                Column.text(texts.text("col.iso"), 8),
                Column.text(texts.text("col.sourceLinks"), 22),
                Column.text(texts.text("col.notes"), 28),
                Column.number(texts.text("col.reports"), 8));
    }

    /** The sheets the table took, once finished. */
    List<String> sheetNames() {
        return table.sheetNames();
    }

    /** The table, from {@link #start} to {@link #finish}. */
    private TableSheet table;
    private long written;

    /** Writes the whole sheet from the report's listing. */
    long write(ReportData data) {
        start();
        data.incidents().forEach(this::add);
        return finish(data.period());
    }

    void start() {
        table = new TableSheet(workbook, styles, texts.text("sheet.incidents"), columns(texts), maxRows, 1,
                printTitle, PRINTED_COLUMNS);
    }

    /** One incident, in listing order. */
    void add(MergedIncident incident) {
        write(table.dataRow(), incident);
        written++;
    }

    /** Says so when the period had no incident; returns the incidents written. */
    long finish(Period period) {
        if (written == 0) {
            cells.styled(table.trailingRow(), 0, texts.text("noIncidents", texts.period(period)), styles.note);
        }
        table.finish();
        return written;
    }

    private void write(Row row, MergedIncident incident) {
        int c = 0;
        // The printed columns wrap; the screen-only ones after them keep one line a row.
        cells.wrapped(row, c++, incident.id());
        cells.wrapped(row, c++, incident.night() == null ? null : texts.night(incident.night()));
        cells.dateTime(row, c++, incident.localTime());
        cells.wrapped(row, c++, texts.region(incident.isoCode(), incident.region()));
        // A sea area has no districts: its incidents' district stays blank.
        cells.wrapped(row, c++, incident.district() == null && incident.isSea() ? null
                : texts.district(incident.isoCode(), incident.shownDistrict()));
        cells.wrapped(row, c++, incident.location());
        cells.wrapped(row, c++, texts.eventType(incident.eventType()));
        cells.number(row, c++, incident.uavCount());
        cells.number(row, c++, incident.killed());
        cells.number(row, c++, incident.injured());
        cells.wrapped(row, c++, incident.damage());
        cells.wrapped(row, c++, incident.sources());
        cells.wrapped(row, c++, incident.origins());
        cells.text(row, c++, incident.measures());
        cells.date(row, c++, incident.night());
        cells.text(row, c++, texts.text(incident.localTime() == null ? "timeOfDay.unknown"
                : incident.nightTime() ? "timeOfDay.night" : "timeOfDay.day"));
        cells.yesNo(row, c++, incident.nightInferred());
        cells.text(row, c++, incident.isoCode());
        cells.text(row, c++, incident.sourceUrls());
        cells.text(row, c++, incident.notes());
        cells.number(row, c, (long) incident.reports());
    }
}
