package com.incidenttally.tally;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Nights far from the rest: a night with reports whose nearest other night with reports lies
 * {@value #DAYS} days or more away, as a typo in a year or a month makes one (2026-03-14 in
 * October–December data). Its rows are accepted, and named as a warning so that a person checks
 * their dates. A store with a single night has nothing to compare it with: no night is far.
 */
public final class FarNights {

    /** How far (in days) from every other night with reports a night must lie to be named. */
    public static final int DAYS = 30;

    /** A far night and how many days lie between it and the nearest other night with reports. */
    public record Far(LocalDate night, long days) {
    }

    private FarNights() {
    }

    /** The far nights among {@code nights} (the nights with reports, in any order), earliest first. */
    public static List<Far> of(Iterable<LocalDate> nights) {
        NavigableSet<LocalDate> sorted = new TreeSet<>();
        nights.forEach(sorted::add);
        List<Far> far = new ArrayList<>();
        if (sorted.size() < 2) {
            return far;
        }
        for (LocalDate night : sorted) {
            LocalDate before = sorted.lower(night);
            LocalDate after = sorted.higher(night);
            long nearest = Math.min(before == null ? Long.MAX_VALUE : ChronoUnit.DAYS.between(before, night),
                    after == null ? Long.MAX_VALUE : ChronoUnit.DAYS.between(night, after));
            if (nearest >= DAYS) {
                far.add(new Far(night, nearest));
            }
        }
        return far;
    }
}
