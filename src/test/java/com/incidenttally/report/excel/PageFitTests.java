package com.incidenttally.report.excel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageFitTests {

    private static final double ROW = 15;

    /** Region x night: a region column, a column a night, a total. */
    private static double matrix(int nights) {
        int[] widths = new int[nights + 2];
        widths[0] = 24;
        java.util.Arrays.fill(widths, 1, nights + 1, 11);
        widths[nights + 1] = 8;
        return PageFit.width(widths);
    }

    @Test
    void aWeekOfFiftyFiveRegionsPrintsOnOnePortraitPage() {
        PageFit plan = PageFit.of(matrix(7), PageFit.width(24), 56 * ROW + 30, 30);

        assertThat(plan).isEqualTo(new PageFit(false, 1, 1));
    }

    @Test
    void eightWeeksOfNightsSpreadAcrossAsFewPagesAsTheyNeedWithTheRegionsOnEach() {
        PageFit plan = PageFit.of(matrix(56), PageFit.width(24), 86 * ROW + 30, 30);

        assertThat(plan.landscape()).isTrue();
        assertThat(plan.pagesWide()).isEqualTo(4);
        // The width already sets 8 pt: 86 rows with a tenth to spare take three pages tall at that scale.
        assertThat(plan.pagesTall()).isEqualTo(3);
    }

    @Test
    void aTableThatSpillsAFewRowsOntoASecondPageIsFittedOnOne() {
        // By region: too wide for a portrait page; 40 rows take a landscape page and a bit at the width's scale.
        PageFit plan = PageFit.of(PageFit.width(30, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9), 0, 39 * ROW + 30, 30);

        assertThat(plan).isEqualTo(new PageFit(true, 1, 1));
    }

    @Test
    void aLongListingTakesThePagesItNeedsAtEightPoints() {
        PageFit plan = PageFit.of(PageFit.width(16, 14, 16, 16, 19, 17, 10, 6, 7, 8, 19, 19, 23), 0,
                2_000 * ROW, 30);

        // 2,000 rows of 15 pt with a tenth to spare, at 8/11, on pages of 495 pt less the header.
        assertThat(plan).isEqualTo(new PageFit(true, 1,
                (int) Math.ceil(2_000 * ROW * PageFit.HEIGHT_MARGIN * PageFit.LEGIBLE_SCALE
                        / (PageFit.LANDSCAPE_HEIGHT - 30 * PageFit.LEGIBLE_SCALE))));
    }

    @Test
    void pastExcelsLargestPageCountTheRowsFlow() {
        PageFit plan = PageFit.of(PageFit.width(16, 14, 16), 0, 2_000_000 * ROW, 30);

        assertThat(plan.pagesTall()).isZero();
    }

    @Test
    void aTableTooWideForOnePageAtEightPointsGoesOnTwo() {
        double width = PageFit.legibleWidth(1) + 10;

        assertThat(PageFit.of(width, 0, 10 * ROW, ROW).pagesWide()).isEqualTo(2);
        assertThat(PageFit.of(PageFit.legibleWidth(1) - 10, 0, 10 * ROW, ROW).pagesWide()).isEqualTo(1);
    }

    @Test
    void theLegibleWidthHoldsTheWidestTableInCharacters() {
        int[] widths = new int[15];
        java.util.Arrays.fill(widths, TableSheet.LEGIBLE_WIDTH_CHARS / 15);
        widths[0] += TableSheet.LEGIBLE_WIDTH_CHARS % 15;

        assertThat(PageFit.width(widths)).isLessThanOrEqualTo(PageFit.legibleWidth(1));
    }
}
