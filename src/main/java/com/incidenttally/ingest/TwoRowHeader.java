package com.incidenttally.ingest;

import org.apache.poi.ss.util.CellRangeAddress;

import java.util.ArrayList;
import java.util.List;

/**
 * A sheet's header of two rows: a group's name merged across its columns ({@code Последствия} over two), and the
 * columns' own names in the row below ({@code погибшие}, {@code раненые}). Read as one row, the group's columns
 * were one unknown column and a nameless one, their figures lost, and the names' row a rejected row.
 *
 * <p>The row below is taken as names only when it is the very next row, every cell it fills lies under a group,
 * and its names bind more columns than the header row alone: a first data row never fills only those cells. A
 * sheet's groups are its merged cells; a CSV file's, a name followed by columns without one, as a spreadsheet saves
 * a merged cell.
 */
record TwoRowHeader(List<String> names, HeaderBinding binding, String warning) {

    /** Columns {@code first} to {@code last} under one group's name, which stands in {@code first}. */
    record Group(int first, int last) {
    }

    /** A sheet's groups: the header row's cells merged across columns. */
    static List<Group> merged(long headerRow, List<CellRangeAddress> regions) {
        return regions.stream().filter(r -> r.getFirstRow() == headerRow - 1 && r.getLastColumn() > r.getFirstColumn())
                .map(r -> new Group(r.getFirstColumn(), r.getLastColumn())).toList();
    }

    /**
     * A CSV file's groups, as a spreadsheet saves a merged cell: a name followed by columns without one
     * ({@code Последствия;;}).
     */
    static List<Group> spelledOut(List<String> names) {
        List<Group> groups = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (blank(names.get(i))) {
                continue;
            }
            int last = i;
            while (last + 1 < names.size() && blank(names.get(last + 1))) {
                last++;
            }
            if (last > i) {
                groups.add(new Group(i, last));
            }
            i = last;
        }
        return groups;
    }

    /**
     * The two rows as one header, or null when the row below is no row of names.
     *
     * @param headerLine the header's line (row) number, bound alone as {@code bound}
     * @param names      its cells as text
     * @param belowLine  the next line's number, {@code below} its cells
     * @param unit       "row" for a sheet, "line" for a CSV file
     */
    static TwoRowHeader of(long headerLine, List<String> names, long belowLine, List<String> below, List<Group> groups,
                           HeaderBinding bound, String location, ColumnRules rules, String unit) {
        if (belowLine != headerLine + 1 || groups.isEmpty()) {
            return null;
        }
        List<String> joined = new ArrayList<>(names);
        List<String> named = new ArrayList<>();
        List<String> groupNames = new ArrayList<>();
        for (int c = 0; c < below.size(); c++) {
            String cell = below.get(c);
            if (blank(cell)) {
                continue;
            }
            int column = c;
            Group group = groups.stream().filter(g -> g.first() <= column && column <= g.last()).findFirst().orElse(null);
            if (group == null) {
                return null;
            }
            String groupName = group.first() < names.size() ? names.get(group.first()).strip() : "";
            if (!groupName.isEmpty() && !groupNames.contains(groupName)) {
                groupNames.add(groupName);
            }
            while (joined.size() <= c) {
                joined.add("");
            }
            joined.set(c, cell);
            named.add(cell.strip());
        }
        if (named.isEmpty()) {
            return null;
        }
        HeaderBinding two;
        try {
            two = HeaderBinding.of(location, joined, rules);
        } catch (FileRejectedException e) {
            return null;
        }
        if (two.columns().size() <= bound.columns().size()) {
            return null;
        }
        String warning = "the header is " + unit + "s " + headerLine + " and " + belowLine + ": the columns under '"
                + String.join("', '", groupNames) + "' are read by their names in " + unit + " " + belowLine + ": '"
                + String.join("', '", named) + "'";
        return new TwoRowHeader(List.copyOf(joined), two, warning);
    }

    private static boolean blank(String cell) {
        return HeaderBinding.label(cell).isEmpty();
    }
}
