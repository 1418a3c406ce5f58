package com.incidenttally.report.excel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.incidenttally.incident.Rejection;
import com.incidenttally.incident.RejectionKind;
import com.incidenttally.places.MatchMethod;
import com.incidenttally.report.ReportTexts;
import com.incidenttally.tally.FarDate;
import com.incidenttally.tally.MergeNote;
import com.incidenttally.tally.RejectionScope;
import com.incidenttally.tally.ReportData;
import com.incidenttally.tally.Resolution;
import com.incidenttally.tally.Warning;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * {@code Data quality}, ordered by what needs action. First, and printed: rejected rows grouped by
 * reason and spelling with their counts and where they are, names left unresolved, warnings. Then,
 * on screen in the same filterable table: every rejected row, the name resolutions that were not
 * exact, merges and merge conflicts.
 */
final class DataQualitySheet {

    /** The places a group row names before it says how many more there are. */
    static final int WHERE_SHOWN = 3;
    /** Rejections whose value is a name: grouped by spelling as well as by reason. */
    private static final List<String> NAME_COLUMNS = List.of("region", "district", "event_type", "source");

    enum Category {
        REJECTED_GROUP("dq.rejectedGroup"), UNRESOLVED("dq.unresolved"), WARNING("dq.warning"),
        REJECTED("dq.rejected"), REJECTED_NEW("dq.rejectedNew"), RESOLUTION("dq.resolution"), CONFLICT("dq.conflict"), MERGE("dq.merge");

        final String key;

        Category(String key) {
            this.key = key;
        }
    }

    static final int CATEGORY = 0;
    static final int FILE = 1;
    static final int LINE = 2;
    static final int REGION = 3;
    static final int FIELD = 4;
    static final int VALUE = 5;
    static final int DETAIL = 6;
    static final int ROWS = 7;
    static final int WHERE = 8;

    private final SXSSFWorkbook workbook;
    private final WorkbookStyles styles;
    private final ReportTexts texts;
    private final Cells cells;
    private final int maxRows;
    private final String printTitle;

    DataQualitySheet(SXSSFWorkbook workbook, WorkbookStyles styles, ReportTexts texts, int maxRows,
                     String printTitle) {
        this.workbook = workbook;
        this.styles = styles;
        this.texts = texts;
        this.cells = new Cells(styles, texts);
        this.maxRows = maxRows;
        this.printTitle = printTitle;
    }

    List<Column> columns() {
        return List.of(
                Column.text(texts.text("dq.col.category"), 15),
                Column.text(texts.text("dq.col.file"), 18),
                Column.number(texts.text("dq.col.line"), 7),
                Column.text(texts.text("col.region"), 17),
                Column.text(texts.text("dq.col.field"), 11),
                Column.text(texts.text("dq.col.value"), 20),
                Column.text(texts.text("dq.col.detail"), 41),
                Column.number(texts.text("dq.col.rows"), 7),
                Column.text(texts.text("dq.col.where"), 28));
    }

    /** Rejections of one reason (and one spelling, for names), with the first places they are at. */
    private static final class Group {
        final String column;
        final String value;
        final String reason;
        long rows;
        long fresh;
        final List<String> where = new ArrayList<>();

        Group(String column, String value, String reason) {
            this.column = column;
            this.value = value;
            this.reason = reason;
        }
    }

    private record GroupKey(String column, String value, String reason) {
    }

    /** The sheets the table took, once finished. */
    List<String> sheetNames() {
        return table.sheetNames();
    }

    /** The table, from {@link #start} to {@link #finish}. */
    private TableSheet table;
    private int lastPrinted;
    private final long[] merges = {0, 0, 0};
    private long rejectedRows;

    /** Writes the whole sheet, the merges from the report's listing. */
    void write(ReportData data) {
        start(data);
        data.mergeNotes().forEach(this::merge);
        finish();
    }

    /**
     * Writes what comes before the merges: what needs action, then every rejected row and the
     * name resolutions that were not exact.
     */
    void start(ReportData data) {
        String name = texts.text("sheet.dataQuality");
        table = new TableSheet(workbook, styles, name, columns(), maxRows, 1, printTitle);

        // What needs action: rejected rows by reason and spelling, unresolved names, warnings.
        Map<GroupKey, Group> groups = new LinkedHashMap<>();
        long[] rejected = {0};
        long[] undated = {0};
        long[] fresh = {0};
        RejectionScope scope = data.rejectionScope();
        data.rejections(rejection -> {
            rejected[0]++;
            GroupKey key = groupKey(rejection);
            Group group = groups.computeIfAbsent(key, k -> new Group(k.column(), k.value(), k.reason()));
            group.rows++;
            if (scope.isNew(rejection)) {
                group.fresh++;
                fresh[0]++;
            }
            undated[0] += rejection.undated() ? 1 : 0;
            if (group.where.size() < WHERE_SHOWN) {
                group.where.add(rejection.line() > 0 ? rejection.file() + ":" + rejection.line() : rejection.file());
            }
        });
        List<Group> ordered = new ArrayList<>(groups.values());
        ordered.sort(Comparator.comparingLong((Group g) -> -g.rows).thenComparing(g -> g.reason)
                .thenComparing(g -> String.valueOf(g.value)));
        for (Group group : ordered) {
            Row row = table.dataRow();
            category(row, Category.REJECTED_GROUP, styles.groupWrapped);
            cells.wrapped(row, FIELD, texts.field(group.column), styles.groupWrapped);
            cells.wrapped(row, VALUE, group.value, styles.groupWrapped);
            String detail = group.value == null ? texts.text("dq.group", group.reason, group.rows)
                    : texts.text("dq.nameGroup", group.reason, group.value, group.rows);
            if (group.fresh > 0) {
                detail += texts.text("dq.groupNew", group.fresh);
            }
            cells.wrapped(row, DETAIL, detail, styles.groupWrapped);
            cells.styled(row, ROWS, null, styles.groupInteger).setCellValue(group.rows);
            String where = String.join(", ", group.where);
            if (group.rows > group.where.size()) {
                where += texts.text("dq.more", group.rows - group.where.size());
            }
            cells.wrapped(row, WHERE, where, styles.groupWrapped);
            for (int c : new int[] {FILE, LINE, REGION}) {
                cells.styled(row, c, null, styles.groupLabel);
            }
        }
        // What the groups hold that a person acts on first, and what lies in other periods.
        if (fresh[0] > 0) {
            cells.wrapped(table.dataRow(), DETAIL, texts.text("dq.newNote", fresh[0]), styles.wrappedNote);
        }
        if (undated[0] > 0) {
            cells.wrapped(table.dataRow(), DETAIL, texts.text("dq.undatedNote", undated[0]), styles.wrappedNote);
        }
        long otherPeriods = data.otherPeriodRejections();
        if (otherPeriods > 0) {
            cells.wrapped(table.dataRow(), DETAIL, texts.text("dq.otherPeriods", otherPeriods), styles.wrappedNote);
        }
        List<Resolution> resolutions = data.resolutions() == null ? List.of() : data.resolutions();
        long unresolved = 0;
        for (Resolution resolution : resolutions) {
            if (!isUnresolved(resolution)) {
                continue;
            }
            unresolved++;
            Row row = table.dataRow();
            category(row, Category.UNRESOLVED, styles.wrappedText);
            cells.wrapped(row, REGION, texts.region(resolution.region()));
            cells.wrapped(row, FIELD, texts.field(resolution.kind()));
            cells.wrapped(row, VALUE, resolution.input());
            cells.wrapped(row, DETAIL, texts.text("dq.keptAsWritten"));
            cells.number(row, ROWS, resolution.rows());
        }
        List<Warning> warnings = data.warnings() == null ? List.of() : data.warnings();
        for (Warning warning : warnings) {
            Row row = table.dataRow();
            category(row, Category.WARNING, styles.wrappedText);
            cells.wrapped(row, FILE, warning.file());
            cells.wrapped(row, DETAIL, warning.message());
        }
        List<FarDate> farDates = data.farDates() == null ? List.of() : data.farDates();
        for (FarDate far : farDates) {
            Row row = table.dataRow();
            category(row, Category.WARNING, styles.text);
            cells.text(row, FILE, far.file());
            cells.number(row, LINE, far.line());
            cells.wrapped(row, DETAIL, texts.text("dq.farDate", texts.night(far.night()), far.days()));
        }
        if (ordered.isEmpty() && unresolved == 0 && warnings.isEmpty() && otherPeriods == 0 && farDates.isEmpty()) {
            cells.styled(table.dataRow(), DETAIL, texts.text("dq.nothingToFix"), styles.note);
        }
        // A printed Data quality ends here: the details below are for the screen (and rejected.csv).
        cells.styled(table.dataRow(), CATEGORY, texts.text("dq.belowOnScreen"), styles.note);
        Row printedEnd = table.dataRow();
        cells.styled(printedEnd, CATEGORY, texts.text("dq.belowOnScreen2"), styles.note);
        lastPrinted = printedEnd.getRowNum();
        table.printUpTo(lastPrinted);

        data.rejections(rejection -> {
            Row row = table.dataRow();
            category(row, scope.isNew(rejection) ? Category.REJECTED_NEW : Category.REJECTED, styles.text);
            cells.text(row, FILE, rejection.file());
            cells.number(row, LINE, rejection.line());
            cells.text(row, FIELD, texts.field(rejection.column()));
            cells.text(row, VALUE, rejection.value());
            cells.wrapped(row, DETAIL, texts.reason(rejection.reason()) + "; " + (rejection.undated()
                    ? texts.text("dq.undated") : texts.text("dq.night", texts.night(rejection.night()))));
            cells.wrapped(row, WHERE, rejection.raw());
        });
        for (Resolution resolution : resolutions) {
            if (isUnresolved(resolution) || resolution.method() == MatchMethod.EXACT) {
                continue;
            }
            Row row = table.dataRow();
            category(row, Category.RESOLUTION, styles.text);
            cells.text(row, REGION, texts.region(resolution.region()));
            cells.text(row, FIELD, texts.field(resolution.kind()));
            cells.text(row, VALUE, resolution.input());
            cells.wrapped(row, DETAIL, texts.text("dq.readAs", canonical(resolution), texts.method(resolution.method()),
                    resolution.score()));
            cells.number(row, ROWS, resolution.rows());
        }
        rejectedRows = rejected[0];
    }

    /** One merge, or a merge with conflicting values, as the data's pass finds it. */
    void merge(MergeNote merge) {
        Row row = table.dataRow();
        boolean conflict = merge.conflicts() != null && !merge.conflicts().isBlank();
        category(row, conflict ? Category.CONFLICT : Category.MERGE, styles.text);
        cells.text(row, REGION, texts.region(merge.region()));
        cells.text(row, FIELD, texts.eventType(merge.eventType()));
        cells.text(row, VALUE, merge.incident());
        cells.wrapped(row, DETAIL, mergeDetail(merge, conflict));
        cells.number(row, ROWS, (long) merge.rows());
        cells.wrapped(row, WHERE, merge.origins());
        merges[0]++;
        merges[1] += merge.rows();
        merges[2] += conflict ? 1 : 0;
    }

    /** The notes under the table, and the print area. */
    void finish() {
        if (merges[0] > 0) {
            table.note(cells, texts.text("dq.mergesNote", merges[0], merges[1], merges[2]));
        }
        if (rejectedRows > 0) {
            table.note(cells, texts.text("dq.rejectedNote", rejectedRows));
        }
        table.finish();
    }

    private void category(Row row, Category category, org.apache.poi.ss.usermodel.CellStyle style) {
        if (style.getWrapText()) {
            cells.wrapped(row, CATEGORY, texts.text(category.key), style);
        } else {
            cells.styled(row, CATEGORY, texts.text(category.key), style);
        }
    }

    private static boolean isUnresolved(Resolution resolution) {
        return resolution.canonical() == null || resolution.method() == MatchMethod.UNRESOLVED;
    }

    /** Reason and column, and the spelling for a name: "unknown region" 'Донбасс'. */
    private GroupKey groupKey(Rejection rejection) {
        String column = rejection.column();
        boolean name = column != null && NAME_COLUMNS.contains(column.toLowerCase(Locale.ROOT));
        RejectionKind kind = rejection.reason().kind();
        // A file rejected whole keeps its own reason; rows are grouped by their kind.
        String reason = "(file)".equals(column) && !name ? texts.reason(rejection.reason())
                : texts.rejectionKind(kind, kind.perColumn() ? column : null);
        return new GroupKey(column, name ? rejection.value() : null, reason);
    }

    private String canonical(Resolution resolution) {
        return "region".equals(resolution.kind()) ? texts.region(resolution.canonical())
                : texts.districtOf(resolution.region(), resolution.canonical());
    }

    private String mergeDetail(MergeNote merge, boolean conflict) {
        StringBuilder detail = new StringBuilder(texts.text("dq.mergedRows", merge.rows(), texts.mergeRule(merge.rule())));
        if (merge.night() != null) {
            detail.append("; ").append(texts.text("dq.night", texts.night(merge.night())));
        }
        detail.append("; ").append(texts.districtOf(merge.region(), merge.district()));
        if (conflict) {
            detail.append("; ").append(texts.text("dq.conflicting", merge.conflicts()));
        }
        if (merge.sources() != null) {
            detail.append("; ").append(texts.text("dq.sources", merge.sources()));
        }
        return detail.toString();
    }
}
