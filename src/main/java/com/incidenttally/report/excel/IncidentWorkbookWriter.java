package com.incidenttally.report.excel;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import com.incidenttally.report.ReportTexts;
import com.incidenttally.tally.ReportData;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes the incident workbook: Summary, Map, By region, By district, By night, Region x night,
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

    /**
     * Draws the charts of the finished report; the workbook embeds them after writing everything
     * else, so they can be drawn on another core meanwhile.
     */
    @FunctionalInterface
    public interface Charts {

        Future<List<Path>> draw();

        /** Charts drawn already. */
        static Charts drawn(List<Path> pngs) {
            return () -> CompletableFuture.completedFuture(pngs);
        }
    }

    public void write(ReportData data, List<Path> chartPngs, Path xlsx) throws IOException {
        write(data, Charts.drawn(chartPngs), xlsx);
    }

    /**
     * Has the charts drawn, streams Incidents and the merges of Data quality from the report's
     * listings meanwhile, then writes the tallies, Run info and Summary, and puts the sheets in their
     * reading order.
     */
    public void write(ReportData data, Charts charts, Path xlsx) throws IOException {
        SXSSFWorkbook workbook = new StreamingWorkbook(ROW_WINDOW, DEFLATE_LEVEL);
        try {
            WorkbookStyles styles = new WorkbookStyles(workbook);
            String printTitle = texts.text("title", data.period().label());
            IncidentsSheet incidents = new IncidentsSheet(workbook, styles, texts, maxRowsPerSheet, printTitle);
            DataQualitySheet quality = new DataQualitySheet(workbook, styles, texts, maxRowsPerSheet, printTitle);
            Future<List<Path>> pngs = charts.draw();
            incidents.start();
            quality.start(data);
            data.incidents().forEach(incidents::add);
            data.mergeNotes().forEach(quality::merge);
            incidents.finish(data.period());
            quality.finish();
            List<String> streamed = new ArrayList<>(incidents.sheetNames());
            streamed.addAll(quality.sheetNames());

            TallySheets tallies = new TallySheets(workbook, styles, texts, maxRowsPerSheet, printTitle);
            tallies.byRegion(data.byRegion());
            tallies.byDistrict(data.byDistrict());
            tallies.byNight(data.byNight());
            new RegionNightSheet(workbook, styles, texts, printTitle).write(data.regionNight());
            List<String> tallied = sheetNames(workbook);
            tallied.removeAll(streamed);
            String sources = new SourcesSheet(workbook, styles, texts, printTitle).write(data.sources());
            new RunInfoSheet(workbook, styles, texts, printTitle).write(data);
            String runInfo = texts.text("sheet.runInfo");
            // Summary on the plain workbook under the streamed one: native charts need it.
            List<Path> pictures = new ArrayList<>(drawn(pngs));
            List<Path> maps = MapSheet.maps(pictures);
            pictures.removeAll(maps);
            new SummarySheet(workbook.getXSSFWorkbook(), styles, texts)
                    .write(data, pictures, TallySheets.sheetName(texts, "byNight"));
            new MapSheet(workbook.getXSSFWorkbook(), styles, texts).write(data, maps);
            List<String> order = new ArrayList<>();
            order.add(texts.text("sheet.summary"));
            order.add(texts.text("sheet.map"));
            order.addAll(tallied);
            order.addAll(streamed);
            order.add(sources);
            order.add(runInfo);
            for (int i = 0; i < order.size(); i++) {
                workbook.setSheetOrder(order.get(i), i);
            }
            workbook.setActiveSheet(0);
            // Summary alone selected: several selected tabs would make Excel edit them as a group.
            for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
                workbook.getXSSFWorkbook().getSheetAt(i).setSelected(i == 0);
            }
            try (OutputStream out = Files.newOutputStream(xlsx)) {
                workbook.write(out);
            }
        } finally {
            // Rows still in memory (a write that failed half-way) go to their temp files and the files
            // are deleted first: POI's close() closes every sheet's writer before it disposes of the
            // sheets, and disposing would then flush those rows into a closed writer.
            workbook.dispose();
            workbook.close();
        }
    }

    private static List<String> sheetNames(SXSSFWorkbook workbook) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            names.add(workbook.getSheetName(i));
        }
        return names;
    }

    private static List<Path> drawn(Future<List<Path>> pngs) throws IOException {
        try {
            return pngs.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the charts were drawn");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IOException("the charts could not be drawn", e.getCause());
        }
    }
}
