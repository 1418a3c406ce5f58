package com.incidenttally.report.charts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.incidenttally.report.NightLabels;

/**
 * The columns of a chart over time: one per night, or one per ISO week once the period has more
 * nights than a chart can show one by one.
 */
record NightBuckets(boolean weekly, List<String> labels, int[] bucketOfNight) {

    /** Over this many nights a chart groups them by ISO week. */
    static final int MAX_NIGHTS = 60;

    static NightBuckets of(List<LocalDate> nights) {
        int[] bucketOfNight = new int[nights.size()];
        if (nights.size() <= MAX_NIGHTS) {
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < nights.size(); i++) {
                labels.add(shortNight(nights.get(i)));
                bucketOfNight[i] = i;
            }
            return new NightBuckets(false, labels, bucketOfNight);
        }
        Map<String, Integer> weeks = new LinkedHashMap<>();
        for (int i = 0; i < nights.size(); i++) {
            String week = NightLabels.isoWeek(nights.get(i));
            Integer bucket = weeks.get(week);
            if (bucket == null) {
                bucket = weeks.size();
                weeks.put(week, bucket);
            }
            bucketOfNight[i] = bucket;
        }
        return new NightBuckets(true, new ArrayList<>(weeks.keySet()), bucketOfNight);
    }

    int size() {
        return labels.size();
    }

    /** A night without its year, to keep sixty of them legible on one axis: {@code 12-07/08}. */
    static String shortNight(LocalDate evening) {
        String label = NightLabels.nightLabel(evening);
        String withoutYear = label.substring(5);
        // Across a year boundary the morning is written in full; drop its year too.
        return withoutYear.length() > 8 ? withoutYear.substring(0, 6) + withoutYear.substring(11) : withoutYear;
    }
}
