package com.incidenttally.report.map;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * The classes a map shades by: ranges of counts (or of changes), each with its colour. Counts use
 * ColorBrewer's YlOrRd without its palest step, so that every class stays apart from the light grey of
 * "none" in grey-scale print too; changes use ColorBrewer's PuOr, orange for more and purple for fewer
 * around a white "no change" (not RdBu: its pale blue would read as a sea). Both schemes are colour-blind
 * safe.
 *
 * <p>Up to five classes (three each side for changes): one per value while the values are few, else
 * upper bounds spaced evenly on a log scale and rounded to the nearest 1, 2, 3, 5 × 10ⁿ, so a week of 40 reads
 * 1–2, 3–5, 6–10, 11–20, 21–40.
 */
public record MapClasses(List<Bin> bins) {

    /** Light grey: a land area without incidents (or, on the change map, without any in either period). */
    public static final Color NONE = new Color(0xEE, 0xEE, 0xEE);
    /** A sea without incidents: its own pale tint. */
    public static final Color SEA = new Color(0xD4, 0xE6, 0xF3);

    static final Color[] COUNTS = {new Color(0xFED976), new Color(0xFEB24C), new Color(0xFD8D3C),
            new Color(0xF03B20), new Color(0xBD0026)};
    static final Color[] FEWER = {new Color(0xD8DAEB), new Color(0x998EC3), new Color(0x542788)};
    static final Color[] MORE = {new Color(0xFEE0B6), new Color(0xF1A340), new Color(0xB35806)};
    /** White: set apart from the grey of areas without incidents in either period. */
    static final Color NO_CHANGE = Color.WHITE;

    /** Values from {@code low} to {@code high}, both included. */
    public record Bin(long low, long high, Color colour) {

        boolean holds(long value) {
            return value >= low && value <= high;
        }
    }

    /** Classes for counts of 1 up to {@code max}. */
    public static MapClasses counts(long max) {
        List<Bin> bins = new ArrayList<>();
        long[] uppers = uppers(Math.max(1, max), COUNTS.length);
        long low = 1;
        for (int i = 0; i < uppers.length; i++) {
            // Fewer classes than colours: the darkest colour stays with the busiest class.
            bins.add(new Bin(low, uppers[i], COUNTS[COUNTS.length - uppers.length + i]));
            low = uppers[i] + 1;
        }
        return new MapClasses(List.copyOf(bins));
    }

    /** Classes for changes from {@code -largest} to {@code +largest}, 0 its own class. */
    public static MapClasses changes(long largest) {
        long[] uppers = uppers(Math.max(1, largest), MORE.length);
        List<Bin> bins = new ArrayList<>();
        for (int i = uppers.length - 1; i >= 0; i--) {
            long low = i == 0 ? 1 : uppers[i - 1] + 1;
            bins.add(new Bin(-uppers[i], -low, FEWER[FEWER.length - uppers.length + i]));
        }
        bins.add(new Bin(0, 0, NO_CHANGE));
        for (int i = 0; i < uppers.length; i++) {
            long low = i == 0 ? 1 : uppers[i - 1] + 1;
            bins.add(new Bin(low, uppers[i], MORE[MORE.length - uppers.length + i]));
        }
        return new MapClasses(List.copyOf(bins));
    }

    /** The class of a value, or null when none holds it (0 on the count map). */
    public Bin binOf(long value) {
        for (Bin bin : bins) {
            if (bin.holds(value)) {
                return bin;
            }
        }
        return null;
    }

    /** A class as numbers: {@code 1}, {@code 4–10}; changes signed, {@code +1}, {@code −3 … −2}. */
    public static String text(Bin bin, boolean signed) {
        if (bin.low() == bin.high()) {
            return number(bin.low(), signed);
        }
        return number(bin.low(), signed) + (signed ? " … " : "–") + number(bin.high(), signed);
    }

    /** A value as the map writes it: a true minus sign, and {@code +} before a rise when signed. */
    public static String number(long value, boolean signed) {
        if (value < 0) {
            return "\u2212" + (-value);
        }
        return signed && value > 0 ? "+" + value : String.valueOf(value);
    }

    static long[] uppers(long max, int classes) {
        if (max <= classes) {
            long[] each = new long[(int) max];
            for (int i = 0; i < max; i++) {
                each[i] = i + 1;
            }
            return each;
        }
        List<Long> uppers = new ArrayList<>();
        for (int k = 1; k < classes; k++) {
            long upper = nice(Math.pow(max, (double) k / classes));
            long previous = uppers.isEmpty() ? 0 : uppers.get(uppers.size() - 1);
            if (upper > previous && upper < max) {
                uppers.add(upper);
            }
        }
        uppers.add(max);
        return uppers.stream().mapToLong(Long::longValue).toArray();
    }

    /** The nearest of 1, 2, 3, 5 × 10ⁿ to {@code x}, on a log scale. */
    static long nice(double x) {
        long power = 1;
        while (power * 10 <= x) {
            power *= 10;
        }
        long best = power;
        for (long step : new long[] {1, 2, 3, 5, 10}) {
            if (Math.abs(Math.log(step * power / x)) < Math.abs(Math.log(best / x))) {
                best = step * power;
            }
        }
        return best;
    }
}
