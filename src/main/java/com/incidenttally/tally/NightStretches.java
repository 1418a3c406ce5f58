package com.incidenttally.tally;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The nights a table or a chart over time shows: every night, except that a stretch of
 * {@value #EMPTY_NIGHTS} or more nights with no reports is one marker ("… 120 nights with no reports
 * …"), so that a long quiet stretch (a typo date months away from the rest) never fills a chart or a
 * printed page. Shorter quiet stretches stay night by night: a quiet night is news too.
 */
public final class NightStretches {

    /** From this many consecutive nights with no reports on, the stretch is one marker. */
    public static final int EMPTY_NIGHTS = 14;

    /**
     * One night ({@code first == last}, {@code index} its place in the nights given), or a quiet
     * stretch from {@code first} to {@code last} ({@code nights} of them, {@code index} the first's place).
     */
    public record Stretch(int index, LocalDate first, LocalDate last, int nights, boolean quiet) {
    }

    private NightStretches() {
    }

    /**
     * The nights as shown: {@code nights} contiguous, {@code empty} says whether night {@code i} has no
     * reports.
     */
    public static List<Stretch> of(List<LocalDate> nights, IntPredicate empty) {
        List<Stretch> shown = new ArrayList<>();
        int i = 0;
        while (i < nights.size()) {
            int end = i;
            while (end < nights.size() && empty.test(end)) {
                end++;
            }
            if (end - i >= EMPTY_NIGHTS) {
                shown.add(new Stretch(i, nights.get(i), nights.get(end - 1), end - i, true));
                i = end;
            } else {
                shown.add(new Stretch(i, nights.get(i), nights.get(i), 1, false));
                i++;
            }
        }
        return shown;
    }
}
