package com.incidenttally.report.charts;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.incidenttally.report.NightLabels;

/**
 * The columns of a chart over time: one per night; one per ISO week once the period has more
 * nights than a chart can show one by one; one per month once even the weeks are too many.
 */
record NightBuckets(Grain grain, List<String> labels, int[] bucketOfNight) {

    /** Over this many nights a chart groups them by ISO week. */
    static final int MAX_NIGHTS = 60;
    /** Over this many weeks (about fourteen months) a chart groups nights by month. */
    static final int MAX_WEEKS = 60;

    enum Grain {
        NIGHT("night", "Night (evening/morning date)"),
        WEEK("week", "ISO week (nights grouped by evening date)"),
        MONTH("month", "Month (nights grouped by evening date)");

        final String word;
        final String axisLabel;

        Grain(String word, String axisLabel) {
            this.word = word;
            this.axisLabel = axisLabel;
        }
    }

    static NightBuckets of(List<LocalDate> nights) {
        if (nights.size() <= MAX_NIGHTS) {
            int[] bucketOfNight = new int[nights.size()];
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < nights.size(); i++) {
                labels.add(shortNight(nights.get(i)));
                bucketOfNight[i] = i;
            }
            return new NightBuckets(Grain.NIGHT, labels, bucketOfNight);
        }
        NightBuckets weeks = grouped(nights, Grain.WEEK);
        return weeks.size() <= MAX_WEEKS ? weeks : grouped(nights, Grain.MONTH);
    }

    private static NightBuckets grouped(List<LocalDate> nights, Grain grain) {
        int[] bucketOfNight = new int[nights.size()];
        Map<String, Integer> buckets = new LinkedHashMap<>();
        for (int i = 0; i < nights.size(); i++) {
            String key = grain == Grain.WEEK ? NightLabels.isoWeek(nights.get(i)) : YearMonth.from(nights.get(i)).toString();
            Integer bucket = buckets.get(key);
            if (bucket == null) {
                bucket = buckets.size();
                buckets.put(key, bucket);
            }
            bucketOfNight[i] = bucket;
        }
        return new NightBuckets(grain, new ArrayList<>(buckets.keySet()), bucketOfNight);
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
