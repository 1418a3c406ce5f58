package com.incidenttally.report.excel;

import java.util.List;

import com.incidenttally.normalize.EventType;
import com.incidenttally.report.NightLabels;
import com.incidenttally.tally.MergedIncident;
import com.incidenttally.tally.ReportData;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** {@code Incidents}: one row per merged incident, streamed, continued on {@code Incidents (2)}, … */
final class IncidentsSheet {

    static final List<Column> COLUMNS = List.of(
            new Column("Id", 12),
            new Column("Night", 14),
            new Column("Evening date", 11),
            new Column("Local time", 15),
            new Column("Time of day", 10),
            new Column("Night inferred", 9),
            new Column("Region", 20),
            new Column("ISO code", 8),
            new Column("District", 22),
            new Column("Location", 24),
            new Column("Event type", 10),
            new Column("UAVs", 6),
            new Column("Killed", 7),
            new Column("Injured", 8),
            new Column("Damage", 22),
            new Column("Measures", 22),
            new Column("Sources", 22),
            new Column("Source links", 22),
            new Column("Notes", 28),
            new Column("Reports", 8),
            new Column("From (file:line)", 22));

    private final SXSSFWorkbook workbook;
    private final WorkbookStyles styles;
    private final Cells cells;
    private final int maxRows;
    private final String printTitle;

    IncidentsSheet(SXSSFWorkbook workbook, WorkbookStyles styles, int maxRows, String printTitle) {
        this.workbook = workbook;
        this.styles = styles;
        this.cells = new Cells(styles);
        this.maxRows = maxRows;
        this.printTitle = printTitle;
    }

    long write(ReportData data) {
        TableSheet table = new TableSheet(workbook, styles, "Incidents", COLUMNS, maxRows, 1, printTitle);
        long[] written = {0};
        data.incidents(incident -> {
            write(table.dataRow(), incident);
            written[0]++;
        });
        if (written[0] == 0) {
            cells.styled(table.trailingRow(), 0, "No incidents in " + NightLabels.periodText(data.period()) + ".", styles.note);
        }
        table.finish();
        return written[0];
    }

    private void write(Row row, MergedIncident incident) {
        int c = 0;
        cells.text(row, c++, incident.id());
        cells.text(row, c++, incident.night() == null ? null : NightLabels.nightLabel(incident.night()));
        cells.date(row, c++, incident.night());
        cells.dateTime(row, c++, incident.localTime());
        cells.text(row, c++, incident.localTime() == null ? "unknown" : incident.nightTime() ? "night-time" : "daytime");
        cells.yesNo(row, c++, incident.nightInferred());
        cells.text(row, c++, incident.region());
        cells.text(row, c++, incident.isoCode());
        // A sea area has no districts: its incidents' district stays blank.
        cells.text(row, c++, incident.district() != null ? incident.district()
                : incident.isSea() ? null : "(region as a whole)");
        cells.text(row, c++, incident.location());
        cells.text(row, c++, eventLabel(incident.eventType()));
        cells.number(row, c++, incident.uavCount());
        cells.number(row, c++, incident.killed());
        cells.number(row, c++, incident.injured());
        cells.text(row, c++, incident.damage());
        cells.text(row, c++, incident.measures());
        cells.text(row, c++, incident.sources());
        cells.text(row, c++, incident.sourceUrls());
        cells.text(row, c++, incident.notes());
        cells.number(row, c++, (long) incident.reports());
        cells.text(row, c, incident.origins());
    }

    static String eventLabel(String code) {
        if (code == null) {
            return null;
        }
        try {
            return EventType.fromCode(code).label();
        } catch (IllegalArgumentException e) {
            return code;
        }
    }
}
