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
import org.apache.poi.xssf.usermodel.XSSFPicture;
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
    /** Region names, four columns of figures, then the second map's columns. */
    static final int[] WIDTHS = {30, 12, 14, 12, 12, 10, 10, 10, 10, 10, 10, 10, 10, 10};
    static final int SECOND_MAP_COLUMN = 5;
    static final int MAP_ROW = 3;
    /** 1600×900 at about a third: two maps side by side across the page, 17 default rows tall. */
    static final double MAP_SCALE = 0.355;
    static final int MAP_ROWS = 17;

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
        cells.styled(title, 0, texts.text("map.title", texts.period(data.period())), styles.title);
        MapFigures figures = MapFigures.of(data);
        cells.styled(row(), 0, figures.hasChange() ? texts.text("map.subtitle.compared", texts.nights(data.previousPeriod()))
                : texts.text("summary.noPrevious"), styles.subtitle);

        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        for (int i = 0; i < maps.size(); i++) {
            picture(drawing, maps.get(i), i == 0 ? 0 : SECOND_MAP_COLUMN);
        }
        next = MAP_ROW + MAP_ROWS + 1;
        table(figures);
        workbook.setPrintArea(workbook.getSheetIndex(sheet), 0, WIDTHS.length - 1, 0, next - 1);
    }

    private void picture(XSSFDrawing drawing, Path png, int column) throws IOException {
        int picture = workbook.addPicture(Files.readAllBytes(png), Workbook.PICTURE_TYPE_PNG);
        ClientAnchor anchor = workbook.getCreationHelper().createClientAnchor();
        anchor.setCol1(column);
        anchor.setRow1(MAP_ROW);
        anchor.setAnchorType(ClientAnchor.AnchorType.MOVE_DONT_RESIZE);
        XSSFPicture shown = drawing.createPicture(anchor, picture);
        shown.resize(MAP_SCALE);
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
            cells.styled(row, 1, null, styles.integer).setCellValue(current);
            MapClasses.Bin bin = current == 0 ? null : classes.binOf(current);
            cells.styled(row, 2, bin == null ? texts.text("map.classNone") : MapClasses.text(bin, false), styles.text);
            if (compared) {
                cells.styled(row, 3, null, styles.integer).setCellValue(current - change);
                cells.styled(row, 4, null, styles.signedInteger).setCellValue(change);
            }
        }
        if (codes.size() > LISTED) {
            Row row = row();
            cells.styled(row, 0, texts.text("summary.otherRegions", codes.size() - LISTED), styles.label);
            cells.styled(row, 1, null, styles.integer).setCellValue(otherCurrent);
            if (compared) {
                cells.styled(row, 3, null, styles.integer).setCellValue(otherCurrent - otherChange);
                cells.styled(row, 4, null, styles.signedInteger).setCellValue(otherChange);
            }
        }
    }

    private void header(boolean compared) {
        Row row = row();
        row.setHeightInPoints(30);
        List<String> titles = new ArrayList<>(List.of(texts.text("map.col.area"), texts.text("col.incidents"),
                texts.text("map.col.class")));
        if (compared) {
            titles.add(texts.text("summary.previous"));
            titles.add(texts.text("summary.change"));
        }
        for (int i = 0; i < titles.size(); i++) {
            cells.styled(row, i, titles.get(i), i == 0 ? styles.header : styles.headerNumber);
        }
    }

    private Row row() {
        return sheet.createRow(next++);
    }
}
