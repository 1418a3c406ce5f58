package com.incidenttally.report.excel;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.incidenttally.report.NightLabels;
import com.incidenttally.report.ReportTexts;
import com.incidenttally.tally.NightStretches;
import com.incidenttally.tally.RegionNightMatrix;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.ColorScaleFormatting;
import org.apache.poi.ss.usermodel.ConditionalFormattingThreshold.RangeType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFConditionalFormattingRule;
import org.apache.poi.xssf.usermodel.XSSFSheetConditionalFormatting;

/**
 * {@code Region x night}: incidents per region (rows) and night (columns), totals on both axes, a
 * colour scale. Over a quarter of nights the columns are ISO weeks, over three years months, so
 * the sheet stays readable and never outgrows Excel's 16,384 columns.
 */
final class RegionNightSheet {

    /** Up to this many nights, one column a night. */
    static final int MAX_NIGHT_COLUMNS = 92;
    /** Up to this many weeks, one column a week; beyond, a month. */
    static final int MAX_WEEK_COLUMNS = 156;
    /** Excel's last column is 16,384; keep the region and total columns beside the counts. */
    static final int MAX_COLUMNS = 16_000;
    private static final int REGION_WIDTH = 24;
    private static final int TOTAL_WIDTH = 8;
    /** A night's column: its label on two lines, evening and morning, and counts of up to four digits. */
    private static final int NIGHT_WIDTH = 11;

    enum Grain { NIGHT, WEEK, MONTH }

    private final SXSSFWorkbook workbook;
    private final WorkbookStyles styles;
    private final ReportTexts texts;
    private final Cells cells;
    private final String printTitle;

    RegionNightSheet(SXSSFWorkbook workbook, WorkbookStyles styles, ReportTexts texts, String printTitle) {
        this.workbook = workbook;
        this.styles = styles;
        this.texts = texts;
        this.cells = new Cells(styles, texts);
        this.printTitle = printTitle;
    }

    static Grain grain(int nights) {
        return nights <= MAX_NIGHT_COLUMNS ? Grain.NIGHT
                : (nights + 6) / 7 <= MAX_WEEK_COLUMNS ? Grain.WEEK : Grain.MONTH;
    }

    void write(RegionNightMatrix matrix) {
        List<String> regions = matrix == null ? List.of() : matrix.regions();
        List<LocalDate> nights = matrix == null ? List.of() : matrix.nights();
        // A long stretch of nights with no reports is one column, named by how many nights it holds.
        String[] quiet = new String[nights.size()];
        int quietNights = 0;
        int stretches = 0;
        for (NightStretches.Stretch stretch : NightStretches.of(nights, n -> quiet(matrix, n))) {
            if (stretch.quiet()) {
                // A column is its label: two stretches of one length differ by an invisible space.
                String label = texts.text("night.quietColumn", stretch.nights()) + "\u200B".repeat(stretches++);
                for (int n = stretch.index(); n < stretch.index() + stretch.nights(); n++) {
                    quiet[n] = label;
                }
                quietNights += stretch.nights();
            }
        }
        Grain grain = grain(nights.size() - quietNights);
        // Each night's column of counts, by the column it adds to.
        Map<String, Integer> bucketOf = new LinkedHashMap<>();
        int[] bucket = new int[nights.size()];
        for (int n = 0; n < nights.size(); n++) {
            String label = quiet[n] != null ? quiet[n] : label(grain, nights.get(n));
            Integer index = bucketOf.get(label);
            if (index == null) {
                index = bucketOf.size();
                bucketOf.put(label, index);
            }
            bucket[n] = index;
        }
        List<String> labels = new ArrayList<>(bucketOf.keySet());
        // Far beyond any real period, but Excel has a last column: keep the latest ones and say so.
        int skipped = Math.max(0, labels.size() - MAX_COLUMNS);
        List<String> shown = labels.subList(skipped, labels.size());

        List<Column> columns = new ArrayList<>();
        int countWidth = grain == Grain.NIGHT ? NIGHT_WIDTH : 8;
        columns.add(Column.text(texts.text("col.region"), REGION_WIDTH));
        for (String label : shown) {
            columns.add(Column.number(grain == Grain.NIGHT ? twoLines(label) : label, countWidth));
        }
        columns.add(Column.number(texts.text("total"), TOTAL_WIDTH));
        // One region per row: the matrix never outgrows a sheet (about 90 regions).
        TableSheet table = new TableSheet(workbook, styles, texts.text("sheet.regionNight"), columns,
                Integer.MAX_VALUE, 1, printTitle);
        table.noBanding();
        // Region names on every printed page; the pages wide and tall follow from the matrix's size.
        table.repeatColumns(1);
        Sheet sheet = table.sheet();
        Row header = sheet.getRow(0);
        // Level headings, a night on two lines (evening, morning), so the columns stay narrow.
        int headerLines = 1;
        for (int n = 0; n < shown.size(); n++) {
            header.getCell(1 + n).setCellStyle(styles.centredHeader);
            headerLines = Math.max(headerLines, Cells.lines(columns.get(1 + n).title(), countWidth, true));
        }
        header.setHeightInPoints(Math.max(header.getHeightInPoints(), Math.min(4, headerLines) * 15f));

        int width = labels.size();
        long[] columnTotals = new long[width];
        long grandTotal = 0;
        for (int r = 0; r < regions.size(); r++) {
            long[] counts = new long[width];
            long regionTotal = 0;
            for (int n = 0; n < nights.size(); n++) {
                long count = matrix.count(r, n);
                counts[bucket[n]] += count;
                regionTotal += count;
            }
            Row row = table.dataRow();
            cells.wrapped(row, 0, texts.region(regions.get(r)));
            for (int b = skipped; b < width; b++) {
                Cell cell = row.createCell(1 + b - skipped);
                cell.setCellValue(counts[b]);
                cell.setCellStyle(styles.matrixCount);
                columnTotals[b] += counts[b];
            }
            cells.styled(row, 1 + shown.size(), null, styles.rowTotal).setCellValue(regionTotal);
            grandTotal += regionTotal;
        }
        Row total = table.trailingRow();
        cells.styled(total, 0, texts.text("total"), styles.totalLabel);
        for (int b = skipped; b < width; b++) {
            cells.styled(total, 1 + b - skipped, null, styles.totalInteger).setCellValue(columnTotals[b]);
        }
        cells.styled(total, 1 + shown.size(), null, styles.totalInteger).setCellValue(grandTotal);
        if (grain != Grain.NIGHT) {
            table.note(cells, texts.text(grain == Grain.WEEK ? "note.matrixWeeks" : "note.matrixMonths",
                    nights.size()));
        }
        if (skipped > 0) {
            table.note(cells, texts.text("note.matrixCapped", skipped));
        }
        table.finish();

        if (!regions.isEmpty() && !shown.isEmpty()) {
            colourScale(sheet, new CellRangeAddress(1, regions.size(), 1, shown.size()));
        }
    }

    private static boolean quiet(RegionNightMatrix matrix, int night) {
        for (int r = 0; r < matrix.regions().size(); r++) {
            if (matrix.count(r, night) > 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * A night's label broken after the mark that joins evening and morning ({@code 2025-12-07/} over
     * {@code 08}, {@code 07–} over {@code 08.12.2025}): a spreadsheet finds no place to break a run of
     * digits, and would cut it where the column ends.
     */
    static String twoLines(String label) {
        for (int i = 1; i < label.length() - 1; i++) {
            char c = label.charAt(i);
            if (c == '/' || c == '\u2013') {
                return label.substring(0, i + 1) + "\n" + label.substring(i + 1).strip();
            }
        }
        return label;
    }

    private String label(Grain grain, LocalDate night) {
        return switch (grain) {
            case NIGHT -> texts.night(night);
            case WEEK -> NightLabels.isoWeek(night);
            case MONTH -> YearMonth.from(night).toString();
        };
    }

    private static void colourScale(Sheet sheet, CellRangeAddress counts) {
        XSSFSheetConditionalFormatting formatting = (XSSFSheetConditionalFormatting) sheet.getSheetConditionalFormatting();
        XSSFConditionalFormattingRule rule = formatting.createConditionalFormattingColorScaleRule();
        ColorScaleFormatting scale = rule.getColorScaleFormatting();
        scale.getThresholds()[0].setRangeType(RangeType.MIN);
        scale.getThresholds()[1].setRangeType(RangeType.PERCENTILE);
        scale.getThresholds()[1].setValue(50d);
        scale.getThresholds()[2].setRangeType(RangeType.MAX);
        scale.setColors(new XSSFColor[] {rgb(0xFF, 0xFF, 0xFF), rgb(0xFF, 0xD6, 0x6B), rgb(0xE0, 0x4B, 0x3A)});
        formatting.addConditionalFormatting(new CellRangeAddress[] {counts}, rule);
    }

    private static XSSFColor rgb(int red, int green, int blue) {
        return new XSSFColor(new byte[] {(byte) red, (byte) green, (byte) blue}, null);
    }
}
