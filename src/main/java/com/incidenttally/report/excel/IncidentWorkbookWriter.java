package com.incidenttally.report.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.incidenttally.report.ReportTexts;
import com.incidenttally.tally.ReportData;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes the incident workbook: Summary, By region, By district, By night, Region x night,
 * Incidents (continued on further sheets past the row limit), Data quality and Run info, in the
 * language of its texts. Streams rows through a small window, so memory does not grow with the
 * number of incidents; only Summary, small and holding the native charts, is a plain sheet.
 */
public class IncidentWorkbookWriter {

    /** Excel's row limit, header included. */
    public static final int EXCEL_MAX_ROWS = 1_048_576;

    private static final int ROW_WINDOW = 100;
    // Deflating the sheets at the default level (6) took a third or more of a big workbook's time;
    // levels 1 to 3 take half as long, and 3 makes the smallest file of them, about a sixth bigger.
    private static final int DEFLATE_LEVEL = 3;

    private final int maxRowsPerSheet;
    private final ReportTexts texts;

    public IncidentWorkbookWriter() {
        this(EXCEL_MAX_ROWS);
    }

    public IncidentWorkbookWriter(ReportTexts texts) {
        this(EXCEL_MAX_ROWS, texts);
    }

    /** @param maxRowsPerSheet rows per sheet, header included, before a table goes on to the next sheet */
    public IncidentWorkbookWriter(int maxRowsPerSheet) {
        this(maxRowsPerSheet, ReportTexts.english());
    }

    public IncidentWorkbookWriter(int maxRowsPerSheet, ReportTexts texts) {
        if (maxRowsPerSheet < 2 || maxRowsPerSheet > EXCEL_MAX_ROWS) {
            throw new IllegalArgumentException("rows per sheet must be between 2 and " + EXCEL_MAX_ROWS
                    + ", not " + maxRowsPerSheet);
        }
        this.maxRowsPerSheet = maxRowsPerSheet;
        this.texts = texts;
    }

    public void write(ReportData data, List<Path> chartPngs, Path xlsx) throws IOException {
        SXSSFWorkbook workbook = new StreamingWorkbook(ROW_WINDOW, DEFLATE_LEVEL);
        try {
            WorkbookStyles styles = new WorkbookStyles(workbook);
            String printTitle = texts.text("title", data.period().label());
            // Summary first, on the plain workbook under the streamed one: native charts need it.
            new SummarySheet(workbook.getXSSFWorkbook(), styles, texts)
                    .write(data, chartPngs, TallySheets.sheetName(texts, "byNight"));
            TallySheets tallies = new TallySheets(workbook, styles, texts, maxRowsPerSheet, printTitle);
            tallies.byRegion(data.byRegion());
            tallies.byDistrict(data.byDistrict());
            tallies.byNight(data.byNight());
            new RegionNightSheet(workbook, styles, texts, printTitle).write(data.regionNight());
            new IncidentsSheet(workbook, styles, texts, maxRowsPerSheet, printTitle).write(data);
            new DataQualitySheet(workbook, styles, texts, maxRowsPerSheet, printTitle).write(data);
            new RunInfoSheet(workbook, styles, texts, printTitle).write(data);
            workbook.setActiveSheet(0);
            try (OutputStream out = Files.newOutputStream(xlsx)) {
                workbook.write(out);
            }
        } finally {
            workbook.close();
        }
    }
}
