package com.incidenttally.tally;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Merges the reports of a range of whole nights: reports with an id by id, the others by key, in
 * the order the incidents are numbered (those with an id first, by id; then by key). Keyed
 * incidents get generated ids, {@code ROS-20251207-3}: the region, the night, and a number
 * counted over the region's night in key order. Pure: the store hands it the reports, in any order
 * ({@link #of}), or already in {@link #MERGE_ORDER} a night at a time ({@link #forEachGroup}), so
 * that a night too big to hold is merged one group at a time.
 */
public final class NightMerge {

    /**
     * The order in which reports meet: those with an id first, by id then file order; then the
     * keyed ones by key then file order. Reports that merge are side by side, and the groups come
     * in the order their incidents are numbered.
     */
    public static final Comparator<Report> MERGE_ORDER = NightMerge::compare;

    /**
     * {@link #MERGE_ORDER}: {@link Report#KEY_ORDER} or {@link Report#ID_ORDER}, then
     * {@link Report#FILE_ORDER}, field by field. Sorting a million reports calls it tens of millions
     * of times: chained comparators (one made per call) were a twentieth of a big report's time.
     */
    private static int compare(Report a, Report b) {
        boolean keyed = a.keyed();
        if (keyed != b.keyed()) {
            return keyed ? 1 : -1;
        }
        int c;
        if (keyed) {
            c = a.night().compareTo(b.night());
            if (c == 0) {
                c = a.regionIso().compareTo(b.regionIso());
            }
            if (c == 0) {
                c = a.districtKey().compareTo(b.districtKey());
            }
            if (c == 0) {
                c = a.eventType().compareTo(b.eventType());
            }
        } else {
            c = a.incidentId().compareTo(b.incidentId());
        }
        if (c == 0) {
            c = a.file().compareTo(b.file());
        }
        return c != 0 ? c : Long.compare(a.line(), b.line());
    }

    private NightMerge() {
    }

    /**
     * @param reports        every report of the nights, those with an id whose reports span other nights
     *                       included only where the incident lands (the night of its first report in file order)
     * @param acrossSources  whether reports of different sources merge ({@code --no-merge} says no)
     * @return the incidents in numbering order, and every exact duplicate noted
     */
    public static Merge.Group of(List<Report> reports, boolean acrossSources) {
        List<Report> sorted = new ArrayList<>(reports);
        sorted.sort(MERGE_ORDER);
        List<Merge.Merged> incidents = new ArrayList<>();
        List<Merge.Duplicate> duplicates = new ArrayList<>();
        forEachGroup(sorted.iterator(), acrossSources, group -> {
            incidents.addAll(group.incidents());
            duplicates.addAll(group.duplicates());
        });
        return new Merge.Group(incidents, duplicates);
    }

    /**
     * Merges reports that come in {@link #MERGE_ORDER}, or night by night each in that order,
     * handing {@code sink} each id's or key's incidents (numbered) and duplicates in turn. Holds
     * one group's reports at a time.
     */
    public static void forEachGroup(Iterator<Report> sorted, boolean acrossSources, Consumer<Merge.Group> sink) {
        Numbering numbering = new Numbering();
        List<Report> group = new ArrayList<>();
        while (sorted.hasNext()) {
            Report report = sorted.next();
            if (!group.isEmpty() && !same(group.get(0), report)) {
                sink.accept(merge(group, acrossSources, numbering));
                group = new ArrayList<>();
            }
            group.add(report);
        }
        if (!group.isEmpty()) {
            sink.accept(merge(group, acrossSources, numbering));
        }
    }

    private static boolean same(Report a, Report b) {
        if (a.keyed() != b.keyed()) {
            return false;
        }
        return a.keyed() ? a.sameKey(b) : a.incidentId().equals(b.incidentId());
    }

    private static Merge.Group merge(List<Report> group, boolean acrossSources, Numbering numbering) {
        if (!group.get(0).keyed()) {
            return Merge.byId(group);
        }
        Merge.Group merged = Merge.byKey(group, acrossSources);
        List<Merge.Merged> numbered = new ArrayList<>(merged.incidents().size());
        for (Merge.Merged incident : merged.incidents()) {
            numbered.add(incident.numbered(numbering.next(incident.regionIso(), incident.night())));
        }
        return new Merge.Group(numbered, merged.duplicates());
    }

    /** Generated ids: a number per region and night, from 1, in the order keyed incidents come. */
    private static final class Numbering {
        private LocalDate night;
        private String region;
        private int counter;

        String next(String regionIso, LocalDate incidentNight) {
            if (!incidentNight.equals(night) || !regionIso.equals(region)) {
                night = incidentNight;
                region = regionIso;
                counter = 0;
            }
            counter++;
            return regionIso.substring(regionIso.indexOf('-') + 1) + "-" + incidentNight.toString().replace("-", "")
                    + "-" + counter;
        }
    }
}
