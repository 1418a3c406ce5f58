package com.incidenttally.tally;

import java.util.ArrayList;
import java.util.List;

/**
 * The Summary's table of regions: the areas (land regions and sea areas) with incidents in the
 * period, the first {@code n} by name and the rest on one row, and apart from them the areas that
 * had incidents only in the previous period. So the table's rows add up to the areas affected,
 * never to the areas of either period.
 *
 * @param top          the areas shown by name, most incidents first
 * @param others       the period's other areas, summed on one row
 * @param previousOnly areas without incidents in the period that had some in the previous one
 */
public record TopRegions(List<RegionComparison> top, List<RegionComparison> others,
                         List<RegionComparison> previousOnly) {

    public TopRegions {
        top = List.copyOf(top);
        others = List.copyOf(others);
        previousOnly = List.copyOf(previousOnly);
    }

    /** Splits {@code comparison} (most incidents now first, as {@link Tallies#comparison()} orders it). */
    public static TopRegions of(List<RegionComparison> comparison, int n) {
        List<RegionComparison> top = new ArrayList<>();
        List<RegionComparison> others = new ArrayList<>();
        List<RegionComparison> previousOnly = new ArrayList<>();
        for (RegionComparison area : comparison) {
            if (area.current() == 0) {
                previousOnly.add(area);
            } else if (top.size() < n) {
                top.add(area);
            } else {
                others.add(area);
            }
        }
        return new TopRegions(top, others, previousOnly);
    }

    /** The period's areas without a previous period to compare with: By region's rows. */
    public static TopRegions ofRows(List<TallyRow> byRegion, int n) {
        return of(byRegion.stream().filter(row -> row.incidents() > 0)
                .map(row -> new RegionComparison(row.region(), row.isoCode(), row.incidents(), 0, row.kind()))
                .toList(), n);
    }

    /** Areas with incidents in the period: the rows shown by name and the others. */
    public int areas() {
        return top.size() + others.size();
    }

    public long othersCurrent() {
        return others.stream().mapToLong(RegionComparison::current).sum();
    }

    public long othersPrevious() {
        return others.stream().mapToLong(RegionComparison::previous).sum();
    }

    public long previousOnlyPrevious() {
        return previousOnly.stream().mapToLong(RegionComparison::previous).sum();
    }

    /** The area with most incidents in the period, or null when it had none. */
    public RegionComparison first() {
        return top.isEmpty() ? null : top.get(0);
    }

    /** The areas that share the most incidents of the period, in the order shown (empty when it had none). */
    public List<RegionComparison> most() {
        if (top.isEmpty()) {
            return List.of();
        }
        long most = top.get(0).current();
        return java.util.stream.Stream.concat(top.stream(), others.stream())
                .filter(area -> area.current() == most).toList();
    }
}
