package com.incidenttally.report.map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MapClassesTests {

    @ParameterizedTest(name = "largest {0}: {1}")
    @CsvSource(delimiter = ';', value = {
            "1; 1",
            "3; 1, 2, 3",
            "5; 1, 2, 3, 4, 5",
            "6; 1–2, 3, 4–5, 6",
            "40; 1–2, 3–5, 6–10, 11–20, 21–40",
            "78; 1–2, 3–5, 6–10, 11–30, 31–78",
            "1000; 1–5, 6–20, 21–50, 51–300, 301–1000"})
    void countClassesAreFewWhileValuesAreFewThenLogSpaced(long largest, String expected) {
        MapClasses classes = MapClasses.counts(largest);
        assertThat(classes.bins()).extracting(bin -> MapClasses.text(bin, false))
                .containsExactly(expected.split(", "));
    }

    @Test
    void everyCountFromOneToTheLargestHasExactlyOneClassAndTheBusiestTheDarkestColour() {
        for (long largest : new long[] {1, 2, 4, 7, 13, 40, 99, 500, 12_345}) {
            MapClasses classes = MapClasses.counts(largest);
            for (long value = 1; value <= Math.min(largest, 2_000); value++) {
                long v = value;
                assertThat(classes.bins().stream().filter(bin -> bin.low() <= v && v <= bin.high())).hasSize(1);
            }
            assertThat(classes.binOf(largest).colour()).isEqualTo(MapClasses.COUNTS[MapClasses.COUNTS.length - 1]);
            assertThat(classes.binOf(0)).isNull();
            assertThat(classes.binOf(largest + 1)).isNull();
        }
    }

    @Test
    void changeClassesAreSymmetricAroundAWhiteZero() {
        MapClasses classes = MapClasses.changes(12);
        assertThat(classes.bins()).extracting(bin -> MapClasses.text(bin, true))
                .containsExactly("−12 … −6", "−5 … −3", "−2 … −1", "0", "+1 … +2", "+3 … +5", "+6 … +12");
        assertThat(classes.binOf(0).colour()).isEqualTo(MapClasses.NO_CHANGE);
        assertThat(classes.binOf(12).colour()).isEqualTo(MapClasses.MORE[2]);
        assertThat(classes.binOf(-12).colour()).isEqualTo(MapClasses.FEWER[2]);
        assertThat(classes.binOf(-1).colour()).isEqualTo(MapClasses.FEWER[0]);
    }

    /** Printed in grey, the classes must still read in order: each darker than the one below it, and than "none". */
    @Test
    void countColoursGetDarkerClassByClassInGreyScale() {
        double previous = luminance(MapClasses.NONE);
        for (java.awt.Color colour : MapClasses.COUNTS) {
            assertThat(luminance(colour)).as(Integer.toHexString(colour.getRGB())).isLessThan(previous - 0.05);
            previous = luminance(colour);
        }
        // Each side of the change scale darkens away from zero too.
        for (java.awt.Color[] side : new java.awt.Color[][] {MapClasses.MORE, MapClasses.FEWER}) {
            double lighter = luminance(MapClasses.NO_CHANGE);
            for (java.awt.Color colour : side) {
                assertThat(luminance(colour)).isLessThan(lighter - 0.05);
                lighter = luminance(colour);
            }
        }
    }

    /** Relative luminance as a grey-scale printer sees it (ITU-R BT.709 weights on linear light). */
    private static double luminance(java.awt.Color colour) {
        double[] rgb = {colour.getRed() / 255.0, colour.getGreen() / 255.0, colour.getBlue() / 255.0};
        for (int i = 0; i < 3; i++) {
            rgb[i] = rgb[i] <= 0.04045 ? rgb[i] / 12.92 : Math.pow((rgb[i] + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    }

    @Test
    void aChangeOfOneHasOneClassEachSide() {
        assertThat(MapClasses.changes(1).bins()).extracting(bin -> MapClasses.text(bin, true))
                .containsExactly("−1", "0", "+1");
        assertThat(MapClasses.changes(1).binOf(1).colour()).isEqualTo(MapClasses.MORE[2]);
    }
}
