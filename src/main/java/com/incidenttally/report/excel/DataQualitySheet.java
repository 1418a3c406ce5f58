package com.incidenttally.report.excel;

import java.util.List;
import java.util.Locale;

import com.incidenttally.report.NightLabels;
import com.incidenttally.tally.MergeNote;
import com.incidenttally.tally.ReportData;
import com.incidenttally.tally.Resolution;
import com.incidenttally.tally.Warning;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * {@code Data quality}: one filterable table of everything a person should check, by Category —
 * warnings, name resolutions, merges (and merge conflicts), rejected rows.
 */
final class DataQualitySheet {

    static final String WARNING = "Warning";
    static final String RESOLUTION = "Name resolution";
    static final String MERGE = "Merge";
    static final String CONFLICT = "Merge conflict";
    static final String REJECTED = "Rejected row";

    static final List<Column> COLUMNS = List.of(
            new Column("Category", 16),
            new Column("File", 24),
            new Column("Line", 7),
            new Column("Region", 22),
            new Column("Field", 12),
            new Column("Value", 28),
            new Column("Detail", 60),
            new Column("Rows", 7),
            new Column("Raw line / from", 50));

    private final SXSSFWorkbook workbook;
    private final WorkbookStyles styles;
    private final Cells cells;
    private final int maxRows;
    private final String printTitle;

    DataQualitySheet(SXSSFWorkbook workbook, WorkbookStyles styles, int maxRows, String printTitle) {
        this.workbook = workbook;
        this.styles = styles;
        this.cells = new Cells(styles);
        this.maxRows = maxRows;
        this.printTitle = printTitle;
    }

    void write(ReportData data) {
        TableSheet table = new TableSheet(workbook, styles, "Data quality", COLUMNS, maxRows, 1, printTitle);
        long[] written = {0};
        for (Warning warning : orEmpty(data.warnings())) {
            Row row = table.dataRow();
            cells.text(row, 0, WARNING);
            cells.text(row, 1, warning.file());
            cells.wrapped(row, 6, warning.message());
            written[0]++;
        }
        for (Resolution resolution : orEmpty(data.resolutions())) {
            Row row = table.dataRow();
            cells.text(row, 0, RESOLUTION);
            cells.text(row, 3, resolution.region());
            cells.text(row, 4, resolution.kind());
            cells.text(row, 5, resolution.input());
            cells.wrapped(row, 6, resolutionDetail(resolution));
            cells.number(row, 7, resolution.rows());
            written[0]++;
        }
        data.merges(merge -> {
            Row row = table.dataRow();
            boolean conflict = merge.conflicts() != null && !merge.conflicts().isBlank();
            cells.text(row, 0, conflict ? CONFLICT : MERGE);
            cells.text(row, 3, merge.region());
            cells.text(row, 4, IncidentsSheet.eventLabel(merge.eventType()));
            cells.text(row, 5, merge.incident());
            cells.wrapped(row, 6, mergeDetail(merge, conflict));
            cells.number(row, 7, (long) merge.rows());
            cells.wrapped(row, 8, merge.origins());
            written[0]++;
        });
        data.rejections(rejection -> {
            Row row = table.dataRow();
            cells.text(row, 0, REJECTED);
            cells.text(row, 1, rejection.file());
            cells.number(row, 2, rejection.line());
            cells.text(row, 4, rejection.column());
            cells.text(row, 5, rejection.value());
            cells.wrapped(row, 6, rejection.reason());
            cells.wrapped(row, 8, rejection.raw());
            written[0]++;
        });
        if (written[0] == 0) {
            cells.styled(table.trailingRow(), 0,
                    "Nothing to check: no warnings, every row accepted, every name matched exactly, no merges.",
                    styles.note);
        }
        table.finish();
    }

    private static String resolutionDetail(Resolution resolution) {
        if (resolution.canonical() == null || "unresolved".equalsIgnoreCase(resolution.method())) {
            return "Not resolved; kept as written";
        }
        return String.format(Locale.ROOT, "Read as %s (%s, score %.2f)", resolution.canonical(), resolution.method(),
                resolution.score());
    }

    private static String mergeDetail(MergeNote merge, boolean conflict) {
        StringBuilder detail = new StringBuilder();
        detail.append(merge.rows()).append(" rows counted once (").append(merge.rule()).append(')');
        if (merge.night() != null) {
            detail.append("; night ").append(NightLabels.nightLabel(merge.night()));
        }
        detail.append("; ").append(merge.district() == null ? "region as a whole" : merge.district());
        if (conflict) {
            detail.append("; conflicting values: ").append(merge.conflicts());
        }
        if (merge.sources() != null) {
            detail.append("; sources: ").append(merge.sources());
        }
        return detail.toString();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
