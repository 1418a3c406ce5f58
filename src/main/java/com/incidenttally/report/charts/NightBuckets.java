package com.incidenttally.report.charts;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

import com.incidenttally.report.NightLabels;
import com.incidenttally.tally.NightStretches;

/**
 * The columns of a chart over time: one per night; one per ISO week once the period has more
 * nights than a chart can show one by one; one per month once even the weeks are too many.
 */
record NightBuckets(Grain grain, List<String> labels, int[] bucketOfNight, boolean anyPart) {

    /** What marks the label of a week or month the nights hold only in part. */
    static final String PART = "*";

    /** Over this many nights a chart groups them by ISO week. */
    static final int MAX_NIGHTS = 60;
    /** Over this many weeks (about fourteen months) a chart groups nights by month. */
    static final int MAX_WEEKS = 60;

    /** The axis label of each grain is the chart text {@code axis.<grain>}, its titles {@code title.*.<grain>}. */
    enum Grain { NIGHT, WEEK, MONTH }

    static NightBuckets of(List<LocalDate> nights, ChartTexts texts) {
        return of(nights, night -> false, texts);
    }

    /**
     * The columns over {@code nights} (contiguous), a stretch of {@link NightStretches#EMPTY_NIGHTS}
     * or more nights with no reports ({@code empty}, by a night's index) drawn as one column labelled
     * with how many nights it holds; the grain is chosen by the nights left.
     */
    static NightBuckets of(List<LocalDate> nights, IntPredicate empty, ChartTexts texts) {
        List<NightStretches.Stretch> stretches = NightStretches.of(nights, empty);
        if (stretches.stream().noneMatch(NightStretches.Stretch::quiet)) {
            return plain(nights, texts);
        }
        List<LocalDate> shown = new ArrayList<>();
        for (NightStretches.Stretch stretch : stretches) {
            if (!stretch.quiet()) {
                shown.add(stretch.first());
            }
        }
        Grain grain = shown.size() <= MAX_NIGHTS ? Grain.NIGHT
                : grouped(shown, Grain.WEEK, texts).size() <= MAX_WEEKS ? Grain.WEEK : Grain.MONTH;
        int[] bucketOfNight = new int[nights.size()];
        Map<String, Integer> buckets = new LinkedHashMap<>();
        Set<Integer> quietBuckets = new HashSet<>();
        for (NightStretches.Stretch stretch : stretches) {
            String key = stretch.quiet() ? texts.text("axis.quietNights", stretch.nights())
                    : grain == Grain.NIGHT ? texts.night(stretch.first())
                    : grain == Grain.WEEK ? NightLabels.isoWeek(stretch.first())
                    : texts.monthOfYear(YearMonth.from(stretch.first()).atDay(1));
            // Two quiet stretches of the same length are two columns: a category is its label.
            while (stretch.quiet() && buckets.containsKey(key)) {
                key = key + "\u200B";
            }
            Integer bucket = buckets.computeIfAbsent(key, k -> buckets.size());
            if (stretch.quiet()) {
                quietBuckets.add(bucket);
            }
            for (int i = stretch.index(); i < stretch.index() + stretch.nights(); i++) {
                bucketOfNight[i] = bucket;
            }
        }
        return marked(grain, new ArrayList<>(buckets.keySet()), bucketOfNight, nights, quietBuckets);
    }

    private static NightBuckets plain(List<LocalDate> nights, ChartTexts texts) {
        if (nights.size() <= MAX_NIGHTS) {
            int[] bucketOfNight = new int[nights.size()];
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < nights.size(); i++) {
                labels.add(texts.night(nights.get(i)));
                bucketOfNight[i] = i;
            }
            return new NightBuckets(Grain.NIGHT, labels, bucketOfNight, false);
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
        return marked(grain, new ArrayList<>(buckets.keySet()), bucketOfNight, nights, Set.of());
    }

    /**
     * The buckets with the label of each week or month that reaches past the nights' first or last marked
     * {@value #PART}: its count is of the nights the chart holds, not of the whole week or month, and a bar of it
     * stands short beside the others. A week or month cut by a column of quiet nights is whole: those nights
     * counted none. Nights go by the date of their evening, as the week labels do.
     */
    private static NightBuckets marked(Grain grain, List<String> labels, int[] bucketOfNight, List<LocalDate> nights,
                                       Set<Integer> quietBuckets) {
        if (grain == Grain.NIGHT || nights.isEmpty()) {
            return new NightBuckets(grain, labels, bucketOfNight, false);
        }
        LocalDate first = nights.get(0);
        LocalDate last = nights.get(nights.size() - 1);
        boolean[] part = new boolean[labels.size()];
        boolean any = false;
        for (int i = 0; i < nights.size(); i++) {
            if (quietBuckets.contains(bucketOfNight[i])) {
                continue;
            }
            LocalDate night = nights.get(i);
            LocalDate start = grain == Grain.WEEK ? night.with(DayOfWeek.MONDAY) : night.withDayOfMonth(1);
            LocalDate end = grain == Grain.WEEK ? start.plusDays(6) : night.withDayOfMonth(night.lengthOfMonth());
            if (start.isBefore(first) || end.isAfter(last)) {
                part[bucketOfNight[i]] = true;
                any = true;
            }
        }
        List<String> shown = new ArrayList<>(labels);
        for (int b = 0; b < part.length; b++) {
            if (part[b]) {
                shown.set(b, shown.get(b) + PART);
            }
        }
        return new NightBuckets(grain, shown, bucketOfNight, any);
    }

    int size() {
        return labels.size();
    }
}
