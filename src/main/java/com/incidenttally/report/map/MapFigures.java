package com.incidenttally.report.map;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.incidenttally.tally.RegionComparison;
import com.incidenttally.tally.ReportData;
import com.incidenttally.tally.TallyRow;

/**
 * What the maps of a report shade, taken from its tallies: incidents per region or sea in the period,
 * and, when the store holds the previous period, the change from it. Both maps show the same view: the
 * areas with incidents in either period.
 *
 * @param counts  incidents by gazetteer code, areas with none left out
 * @param changes this period's incidents less the previous period's, by code, for every area with incidents
 *                in either; null when there is no previous period
 * @param focus   the areas the view is fitted to
 * @param names   the stored (English) name of each area with incidents, by code
 */
public record MapFigures(Map<String, Long> counts, Map<String, Long> changes, Set<String> focus,
                         Map<String, String> names) {

    public static MapFigures of(ReportData data) {
        return of(data.byRegion(), data.previousPeriod() == null ? null : data.comparison());
    }

    /** @param comparison null when there is no previous period */
    public static MapFigures of(List<TallyRow> byRegion, List<RegionComparison> comparison) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        Set<String> focus = new LinkedHashSet<>();
        for (TallyRow row : byRegion == null ? List.<TallyRow>of() : byRegion) {
            if (row.isoCode() != null && row.incidents() > 0) {
                counts.merge(row.isoCode(), row.incidents(), Long::sum);
                names.putIfAbsent(row.isoCode(), row.region());
                focus.add(row.isoCode());
            }
        }
        Map<String, Long> changes = null;
        if (comparison != null) {
            changes = new LinkedHashMap<>();
            for (RegionComparison region : comparison) {
                if (region.isoCode() != null && (region.current() > 0 || region.previous() > 0)) {
                    changes.merge(region.isoCode(), region.change(), Long::sum);
                    names.putIfAbsent(region.isoCode(), region.region());
                    focus.add(region.isoCode());
                }
            }
            changes = Collections.unmodifiableMap(changes);
        }
        return new MapFigures(Collections.unmodifiableMap(counts), changes, Collections.unmodifiableSet(focus),
                Collections.unmodifiableMap(names));
    }

    public boolean hasChange() {
        return changes != null;
    }
}
