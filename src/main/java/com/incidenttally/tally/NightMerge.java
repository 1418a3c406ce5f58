package com.incidenttally.tally;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Merges the reports of a range of whole nights: reports with an id by id, the others by key, in
 * the order the incidents are numbered (those with an id first, by id; then by key). Keyed
 * incidents get generated ids, {@code ROS-20251207-3}: the region, the night, and a number
 * counted over the region's night in key order. Pure: the store hands it the reports, in any order.
 */
public final class NightMerge {

    private NightMerge() {
    }

    /**
     * @param reports        every report of the nights, those with an id whose reports span other nights
     *                       included only where the incident lands (the night of its first report in file order)
     * @param acrossSources  whether reports of different sources merge ({@code --no-merge} says no)
     * @return the incidents in numbering order, and every exact duplicate noted
     */
    public static Merge.Group of(List<Report> reports, boolean acrossSources) {
        List<Report> withId = new ArrayList<>();
        List<Report> keyed = new ArrayList<>();
        for (Report report : reports) {
            (report.keyed() ? keyed : withId).add(report);
        }
        List<Merge.Merged> incidents = new ArrayList<>();
        List<Merge.Duplicate> duplicates = new ArrayList<>();
        withId.sort(Report.ID_ORDER);
        forEachRun(withId, (a, b) -> a.incidentId().equals(b.incidentId()), group -> add(Merge.byId(group), incidents,
                duplicates));
        keyed.sort(Report.KEY_ORDER);
        Numbering numbering = new Numbering();
        forEachRun(keyed, Report::sameKey, group -> {
            Merge.Group merged = Merge.byKey(group, acrossSources);
            for (Merge.Merged incident : merged.incidents()) {
                incidents.add(incident.numbered(numbering.next(incident.regionIso(), incident.night())));
            }
            duplicates.addAll(merged.duplicates());
        });
        return new Merge.Group(incidents, duplicates);
    }

    private static void add(Merge.Group group, List<Merge.Merged> incidents, List<Merge.Duplicate> duplicates) {
        incidents.addAll(group.incidents());
        duplicates.addAll(group.duplicates());
    }

    private interface Same {
        boolean test(Report a, Report b);
    }

    private interface Run {
        void accept(List<Report> group);
    }

    /** Calls {@code run} with each stretch of sorted reports that are the same. */
    private static void forEachRun(List<Report> sorted, Same same, Run run) {
        int start = 0;
        for (int i = 1; i <= sorted.size(); i++) {
            if (i == sorted.size() || !same.test(sorted.get(start), sorted.get(i))) {
                run.accept(sorted.subList(start, i));
                start = i;
            }
        }
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
