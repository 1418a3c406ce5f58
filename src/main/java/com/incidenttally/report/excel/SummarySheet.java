package com.incidenttally.report.excel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.incidenttally.report.NightLabels;
import com.incidenttally.tally.Period;
import com.incidenttally.tally.RegionComparison;
import com.incidenttally.tally.ReportData;
import com.incidenttally.tally.Totals;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Picture;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * {@code Summary}: what a manager reads first — the period, the key figures, the comparison with
 * the previous period per region, and the charts.
 */
final class SummarySheet {

    /** Rows a chart takes at the scale it is shown (1600×900 shown at 55%, default row height). */
    private static final int CHART_ROWS = 26;
    private static final double CHART_SCALE = 0.55;

    private final SXSSFWorkbook workbook;
    private final WorkbookStyles styles;
    private final Cells cells;
    private Sheet sheet;
    private int next;

    SummarySheet(SXSSFWorkbook workbook, WorkbookStyles styles) {
        this.workbook = workbook;
        this.styles = styles;
        this.cells = new Cells(styles);
    }

    void write(ReportData data, List<Path> charts) throws IOException {
        Period period = data.period();
        Totals totals = data.totals() == null ? Totals.NONE : data.totals();
        Period previous = data.previousPeriod();
        Totals previousTotals = data.previousTotals();
        boolean compare = previous != null && previousTotals != null;

        sheet = workbook.createSheet("Summary");
        int[] widths = {36, 16, 16, 12, 12};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        TableSheet.Printing.landscapeOnePageWide(sheet, "Aerial incidents " + period.label() + " — Summary");

        cells.styled(row(), 0, "Aerial incidents — " + period.label(), styles.title);
        cells.styled(row(), 0, NightLabels.periodText(period), styles.subtitle);
        next++;
        Row from = row();
        cells.styled(from, 0, "First night (evening date)", styles.label);
        cells.date(from, 1, period.from());
        Row to = row();
        cells.styled(to, 0, "Last night (evening date)", styles.label);
        cells.date(to, 1, period.to());
        Row generated = row();
        cells.styled(generated, 0, "Generated at (UTC)", styles.label);
        cells.dateTime(generated, 1, data.generatedAt() == null ? null
                : LocalDateTime.ofInstant(data.generatedAt(), ZoneOffset.UTC));
        next++;

        if (totals.incidents() == 0) {
            cells.styled(row(), 0, "No incidents in " + NightLabels.periodText(period) + ".", styles.subtitle);
            next++;
        }

        cells.styled(row(), 0, "Key figures", styles.subtitle);
        if (compare) {
            header("Figure", "This period", "Previous period", "Change");
        } else {
            header("Figure", "This period");
        }
        figure("Incidents", totals.incidents(), compare ? previousTotals.incidents() : null);
        figure("UAVs reported", totals.uavReported(), compare ? previousTotals.uavReported() : null);
        figure("Incidents with unknown UAV count", totals.unknownCount(), compare ? previousTotals.unknownCount() : null);
        figure("Regions affected", totals.regions(), compare ? previousTotals.regions() : null);
        if (totals.seaAreas() > 0 || compare && previousTotals.seaAreas() > 0) {
            figure("Sea areas affected", totals.seaAreas(), compare ? previousTotals.seaAreas() : null);
        }
        figure("Districts affected", totals.districts(), compare ? previousTotals.districts() : null);
        figure("Nights with incidents", totals.nights(), compare ? previousTotals.nights() : null);
        figure("Killed", totals.killed(), compare ? previousTotals.killed() : null);
        figure("Injured", totals.injured(), compare ? previousTotals.injured() : null);
        next++;

        if (compare) {
            comparison(previous, data.comparison());
        } else {
            cells.styled(row(), 0, "Compared with the previous period", styles.subtitle);
            cells.styled(row(), 0, "There is no previous period in the store to compare with.", styles.note);
        }
        next++;

        if (charts != null && !charts.isEmpty()) {
            // One chart per printed page: a chart cut in two by a page break is unreadable.
            sheet.setRowBreak(next - 1);
            cells.styled(row(), 0, "Charts", styles.subtitle);
            Drawing<?> drawing = sheet.createDrawingPatriarch();
            boolean first = true;
            for (Path chart : charts) {
                if (!first) {
                    sheet.setRowBreak(next - 1);
                }
                first = false;
                int picture = workbook.addPicture(Files.readAllBytes(chart), Workbook.PICTURE_TYPE_PNG);
                ClientAnchor anchor = workbook.getCreationHelper().createClientAnchor();
                anchor.setCol1(0);
                anchor.setRow1(next);
                anchor.setAnchorType(ClientAnchor.AnchorType.MOVE_DONT_RESIZE);
                Picture shown = drawing.createPicture(anchor, picture);
                shown.resize(CHART_SCALE);
                next += CHART_ROWS + 1;
            }
        }
    }

    private void comparison(Period previous, List<RegionComparison> regions) {
        // The store's previous period has no label of its own; its nights say what it is.
        cells.styled(row(), 0, "Compared with the previous period (" + NightLabels.nightsText(previous) + ")",
                styles.subtitle);
        header("Region", "ISO code", "This period", "Previous", "Change");
        long current = 0;
        long before = 0;
        for (RegionComparison region : regions == null ? List.<RegionComparison>of() : regions) {
            Row row = row();
            cells.text(row, 0, region.region());
            cells.text(row, 1, region.isoCode());
            cells.number(row, 2, region.current());
            cells.number(row, 3, region.previous());
            cells.styled(row, 4, null, styles.signedInteger).setCellValue(region.change());
            current += region.current();
            before += region.previous();
        }
        Row total = row();
        cells.styled(total, 0, "Total", styles.totalLabel);
        cells.styled(total, 1, null, styles.totalLabel);
        cells.styled(total, 2, null, styles.totalInteger).setCellValue(current);
        cells.styled(total, 3, null, styles.totalInteger).setCellValue(before);
        cells.styled(total, 4, null, styles.totalSigned).setCellValue(current - before);
    }

    private void figure(String name, long value, Long previous) {
        Row row = row();
        cells.styled(row, 0, name, styles.label);
        cells.number(row, 1, value);
        if (previous != null) {
            cells.number(row, 2, previous.longValue());
            cells.styled(row, 3, null, styles.signedInteger).setCellValue(value - previous);
        }
    }

    private void header(String... titles) {
        Row row = row();
        for (int i = 0; i < titles.length; i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(titles[i]);
            cell.setCellStyle(styles.header);
        }
    }

    private Row row() {
        return sheet.createRow(next++);
    }
}
