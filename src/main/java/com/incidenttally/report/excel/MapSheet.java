package com.incidenttally.report.excel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.incidenttally.report.ReportTexts;
import com.incidenttally.report.map.MapClasses;
import com.incidenttally.report.map.MapFigures;
import com.incidenttally.report.map.RegionMapRenderer;
import com.incidenttally.tally.ReportData;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.util.Units;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The Map sheet, right after Summary, one printed landscape page: the region map and, when the store holds
 * the previous period, the change map beside it, then a short table of the shaded regions and seas with
 * their map class, so the numbers behind every colour can be read.
 */
final class MapSheet {

    /** Regions and seas listed by name; the rest are summed on one row. */
    static final int LISTED = 15;
    /** Region names, the class, three columns of figures, then the second map's columns. */
    static final int[] WIDTHS = {36, 16, 13, 13, 13, 10, 10, 10, 10, 10, 10, 10, 10, 10};
    static final int SECOND_MAP_COLUMN = 5;
    static final int MAP_ROW = 3;

    private final XSSFWorkbook workbook;
    private final WorkbookStyles styles;
    private final ReportTexts texts;
    private final Cells cells;
    private XSSFSheet sheet;
    private int next;

    MapSheet(XSSFWorkbook workbook, WorkbookStyles styles, ReportTexts texts) {
        this.workbook = workbook;
        this.styles = styles;
        this.texts = texts;
        this.cells = new Cells(styles, texts);
    }

    /** Of the drawn charts, the maps: region map first, then the change map when drawn. */
    static List<Path> maps(List<Path> charts) {
        List<Path> maps = new ArrayList<>();
        for (String name : List.of(RegionMapRenderer.REGION_MAP_PNG, RegionMapRenderer.CHANGE_MAP_PNG)) {
            charts.stream().filter(chart -> chart.getFileName().toString().equals(name)).findFirst().ifPresent(maps::add);
        }
        return maps;
    }

    void write(ReportData data, List<Path> maps) throws IOException {
        String name = texts.text("sheet.map");
        sheet = workbook.createSheet(name);
        for (int i = 0; i < WIDTHS.length; i++) {
            sheet.setColumnWidth(i, WIDTHS[i] * 256);
        }
        TableSheet.Printing.landscape(sheet, texts.text("title", data.period().label()) + " — " + name);
        TableSheet.Printing.onePage(sheet);
        Row title = row();
        title.setHeightInPoints(22);
        cells.styled(title, 0, texts.text("map.title"), styles.title);
        // The period on a line of its own: beside the title it ran past the printed page in Russian.
        cells.styled(row(), 0, texts.period(data.period()), styles.subtitle);
        MapFigures figures = MapFigures.of(data);
        cells.styled(row(), 0, figures.hasChange() ? texts.text("map.subtitle.compared", texts.nights(data.previousPeriod()))
                : texts.text("summary.noPrevious"), styles.subtitle);

        // Both maps as wide as the table's columns, the second beside the first.
        double width = 0;
        for (int c = 0; c < SECOND_MAP_COLUMN; c++) {
            width += sheet.getColumnWidthInPixels(c);
        }
        width -= 8;
        double height = width * RegionMapRenderer.HEIGHT / RegionMapRenderer.WIDTH;
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        for (int i = 0; i < maps.size(); i++) {
            picture(drawing, maps.get(i), i == 0 ? 0 : SECOND_MAP_COLUMN, width, height);
        }
        double rowHeight = sheet.getDefaultRowHeightInPoints() * Units.PIXEL_DPI / Units.POINT_DPI;
        next = MAP_ROW + (int) Math.ceil(height / rowHeight) + 1;
        table(figures);
        // The page ends where the second map does.
        int lastColumn = figures.hasChange() ? lastColumn(SECOND_MAP_COLUMN, width) : SECOND_MAP_COLUMN - 1;
        workbook.setPrintArea(workbook.getSheetIndex(sheet), 0, lastColumn, 0, next - 1);
    }

    /**
     * A picture of the given size in pixels from the top left of a cell. The anchor is worked out here from
     * the column widths: POI's {@code Picture.resize} gives a picture anchored in the first column no width.
     */
    private void picture(XSSFDrawing drawing, Path png, int column, double width, double height) throws IOException {
        int picture = workbook.addPicture(Files.readAllBytes(png), Workbook.PICTURE_TYPE_PNG);
        int lastColumn = lastColumn(column, width);
        double left = width;
        for (int c = column; c < lastColumn; c++) {
            left -= sheet.getColumnWidthInPixels(c);
        }
        double rowHeight = sheet.getDefaultRowHeightInPoints() * Units.PIXEL_DPI / Units.POINT_DPI;
        int lastRow = MAP_ROW + (int) Math.floor(height / rowHeight);
        double below = height - (lastRow - MAP_ROW) * rowHeight;
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, Units.pixelToEMU((int) Math.round(left)),
                Units.pixelToEMU((int) Math.round(below)), column, MAP_ROW, lastColumn, lastRow);
        anchor.setAnchorType(ClientAnchor.AnchorType.MOVE_DONT_RESIZE);
        drawing.createPicture(anchor, picture);
    }

    /** The column in which something {@code width} pixels wide from the left of {@code column} ends. */
    private int lastColumn(int column, double width) {
        int last = column;
        double left = width;
        while (left > sheet.getColumnWidthInPixels(last)) {
            left -= sheet.getColumnWidthInPixels(last);
            last++;
        }
        return last;
    }

    /** Every shaded region and sea: busiest first, its class on the map, and the change when known. */
    private void table(MapFigures figures) {
        cells.styled(row(), 0, texts.text("map.tableTitle"), styles.subtitle);
        List<String> codes = new ArrayList<>(figures.focus());
        Map<String, Long> counts = figures.counts();
        Map<String, Long> changes = figures.hasChange() ? figures.changes() : Map.of();
        codes.sort(Comparator.comparingLong((String code) -> -counts.getOrDefault(code, 0L))
                .thenComparingLong(code -> changes.getOrDefault(code, 0L))
                .thenComparing(code -> texts.region(code, figures.names().get(code))));
        if (codes.isEmpty()) {
            cells.styled(row(), 0, texts.text("map.noneShaded"), styles.note);
            return;
        }
        boolean compared = figures.hasChange();
        header(compared);
        MapClasses classes = MapClasses.counts(counts.values().stream().mapToLong(Long::longValue).max().orElse(1));
        long otherCurrent = 0;
        long otherChange = 0;
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            long current = counts.getOrDefault(code, 0L);
            long change = changes.getOrDefault(code, 0L);
            if (i >= LISTED) {
                otherCurrent += current;
                otherChange += change;
                continue;
            }
            Row row = row();
            cells.styled(row, 0, texts.region(code, figures.names().get(code)), styles.label);
            MapClasses.Bin bin = current == 0 ? null : classes.binOf(current);
            cells.styled(row, 1, bin == null ? texts.text("map.classNone") : MapClasses.text(bin, false), styles.text);
            cells.styled(row, 2, null, styles.integer).setCellValue(current);
            if (compared) {
                cells.styled(row, 3, null, styles.integer).setCellValue(current - change);
                cells.styled(row, 4, null, styles.signedInteger).setCellValue(change);
            }
        }
        if (codes.size() > LISTED) {
            Row row = row();
            cells.styled(row, 0, texts.text("summary.otherRegions", codes.size() - LISTED), styles.label);
            cells.styled(row, 2, null, styles.integer).setCellValue(otherCurrent);
            if (compared) {
                cells.styled(row, 3, null, styles.integer).setCellValue(otherCurrent - otherChange);
                cells.styled(row, 4, null, styles.signedInteger).setCellValue(otherChange);
            }
        }
    }

    private void header(boolean compared) {
        Row row = row();
        row.setHeightInPoints(30);
        List<String> titles = new ArrayList<>(List.of(texts.text("map.col.area"), texts.text("map.col.class"),
                texts.text("col.incidents")));
        if (compared) {
            titles.add(texts.text("summary.previous"));
            titles.add(texts.text("summary.change"));
        }
        for (int i = 0; i < titles.size(); i++) {
            cells.styled(row, i, titles.get(i), i < 2 ? styles.header : styles.headerNumber);
        }
    }

    private Row row() {
        return sheet.createRow(next++);
    }
}
