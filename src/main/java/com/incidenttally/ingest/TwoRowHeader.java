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
 * and its names bind more columns than the header row alone: a first data row never fills only those cells.
 */
record TwoRowHeader(List<String> names, HeaderBinding binding, String warning) {

    /**
     * The two rows as one header, or null when {@code below} is no row of names.
     *
     * @param header the header row, bound alone as {@code bound}
     * @param names  its cells as text
     */
    static TwoRowHeader of(XlsxSheetReader.SheetRow header, XlsxSheetReader.SheetRow below, List<String> names,
                           List<CellRangeAddress> regions, HeaderBinding bound, String location, ColumnRules rules) {
        if (below.number() != header.number() + 1 || below.problem() != null || below.blank()) {
            return null;
        }
        List<CellRangeAddress> groups = regions.stream()
                .filter(r -> r.getFirstRow() == header.number() - 1 && r.getLastColumn() > r.getFirstColumn()).toList();
        List<String> joined = new ArrayList<>(names);
        List<String> named = new ArrayList<>();
        List<String> groupNames = new ArrayList<>();
        for (int c = 0; c < below.cells().size(); c++) {
            String cell = below.cells().get(c);
            if (cell == null || cell.isBlank()) {
                continue;
            }
            int column = c;
            CellRangeAddress group = groups.stream()
                    .filter(r -> r.getFirstColumn() <= column && column <= r.getLastColumn()).findFirst().orElse(null);
            if (group == null) {
                return null;
            }
            String groupName = group.getFirstColumn() < names.size() ? names.get(group.getFirstColumn()).strip() : "";
            if (!groupName.isEmpty() && !groupNames.contains(groupName)) {
                groupNames.add(groupName);
            }
            while (joined.size() <= c) {
                joined.add("");
            }
            joined.set(c, cell);
            named.add(cell.strip());
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
        String warning = "the header is rows " + header.number() + " and " + below.number() + ": the columns under '"
                + String.join("', '", groupNames) + "' are read by their names in row " + below.number() + ": '"
                + String.join("', '", named) + "'";
        return new TwoRowHeader(List.copyOf(joined), two, warning);
    }
}
