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
     * columns after them are on screen only.
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
                Column.text(texts.text("col.id"), 12),
                Column.text(texts.text("col.night"), 12),
                Column.text(texts.text("col.localTime"), 15),
                Column.text(texts.text("col.region"), 17),
                Column.text(texts.text("col.district"), 19),
                Column.text(texts.text("col.location"), 15),
                Column.text(texts.text("col.eventType"), 9),
                Column.number(texts.text("col.uavsShort"), 5),
                Column.number(texts.text("col.killedShort"), 6),
                Column.number(texts.text("col.injuredShort"), 7),
                Column.text(texts.text("col.damage"), 14),
                Column.text(texts.text("col.sources"), 15),
                Column.text(texts.text("col.from"), 17),
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

    /** Writes the whole sheet from the data's one pass. */
    long write(ReportData data) {
        start();
        data.sweep(this::add, merge -> { });
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
        cells.text(row, c++, incident.id());
        cells.text(row, c++, incident.night() == null ? null : texts.night(incident.night()));
        cells.dateTime(row, c++, incident.localTime());
        cells.text(row, c++, texts.region(incident.isoCode(), incident.region()));
        // A sea area has no districts: its incidents' district stays blank.
        cells.text(row, c++, incident.district() == null && incident.isSea() ? null
                : texts.district(incident.isoCode(), incident.shownDistrict()));
        cells.text(row, c++, incident.location());
        cells.text(row, c++, texts.eventType(incident.eventType()));
        cells.number(row, c++, incident.uavCount());
        cells.number(row, c++, incident.killed());
        cells.number(row, c++, incident.injured());
        cells.text(row, c++, incident.damage());
        cells.text(row, c++, incident.sources());
        cells.text(row, c++, incident.origins());
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
