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

    /** The axis label of each grain is the chart text {@code axis.<grain>}, its titles {@code title.*.<grain>}. */
    enum Grain { NIGHT, WEEK, MONTH }

    static NightBuckets of(List<LocalDate> nights, ChartTexts texts) {
        if (nights.size() <= MAX_NIGHTS) {
            int[] bucketOfNight = new int[nights.size()];
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < nights.size(); i++) {
                labels.add(texts.night(nights.get(i)));
                bucketOfNight[i] = i;
            }
            return new NightBuckets(Grain.NIGHT, labels, bucketOfNight);
        }
        NightBuckets weeks = grouped(nights, Grain.WEEK, texts);
        return weeks.size() <= MAX_WEEKS ? weeks : grouped(nights, Grain.MONTH, texts);
    }

    private static NightBuckets grouped(List<LocalDate> nights, Grain grain, ChartTexts texts) {
        int[] bucketOfNight = new int[nights.size()];
        Map<String, Integer> buckets = new LinkedHashMap<>();
        for (int i = 0; i < nights.size(); i++) {
            String key = grain == Grain.WEEK ? NightLabels.isoWeek(nights.get(i))
                    : texts.monthOfYear(YearMonth.from(nights.get(i)).atDay(1));
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
}
