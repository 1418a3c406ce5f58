package com.incidenttally.report.excel;

/**
 * How a table goes on paper: the orientation and the pages wide and tall that print it on the fewest
 * A4 pages with no text below 8 pt. Plain arithmetic on the table's size, so it is tested alone; the
 * sheets hand it their width and row heights in points at 100%.
 * <p>
 * The page sizes are A4 less the margins {@link TableSheet.Printing#landscape} sets. A column {@code w}
 * characters wide is {@code 7w + 5} pixels in Excel (Calibri 11, 96 dpi), the wider of the two
 * spreadsheets: LibreOffice with Carlito, Calibri's metric twin, prints it about 4.6 pt a character.
 * 11 pt text stays at 8 pt or more down to a scale of 8/11.
 */
record PageFit(boolean landscape, int pagesWide, int pagesTall) {

    /** The smallest scale that keeps 11 pt text at 8 pt or more. */
    static final double LEGIBLE_SCALE = 8.0 / 11.0;
    /** What A4 holds inside our margins (0.4 in left and right, 0.6 in top and bottom), less a little slack. */
    static final double LANDSCAPE_WIDTH = 784;
    static final double LANDSCAPE_HEIGHT = 495;
    static final double PORTRAIT_WIDTH = 537;
    static final double PORTRAIT_HEIGHT = 740;
    /** Row heights are estimates: a table planned to fill its last page exactly gets this much room to spare. */
    static final double HEIGHT_MARGIN = 1.1;
    /** Excel's largest "fit to N pages tall". */
    static final int MAX_PAGES_TALL = 32_767;

    /**
     * The plan for a table.
     *
     * @param widthPoints    the printed columns' width ({@link #width})
     * @param repeatedPoints the columns repeated on every page (0 when none)
     * @param heightPoints  the printed rows' heights, header included
     * @param headerPoints  the header rows repeated on every page
     * @return pages wide and tall as {@code PrintSetup} takes them: {@code pagesTall} 0 (as many as it
     *         takes) only past Excel's largest number
     */
    static PageFit of(double widthPoints, double repeatedPoints, double heightPoints, double headerPoints) {
        Option landscape = option(true, widthPoints, repeatedPoints, heightPoints, headerPoints);
        Option portrait = option(false, widthPoints, repeatedPoints, heightPoints, headerPoints);
        Option best = portrait.pages() < landscape.pages() ? portrait : landscape;
        return new PageFit(best.landscape, best.wide, best.fixedTall);
    }

    /** How many pages one orientation takes, at the scale its width allows or at the legible one. */
    private record Option(boolean landscape, int wide, int tall, int fixedTall) {
        long pages() {
            return (long) wide * tall;
        }
    }

    /** Columns of these widths (in characters, Excel's unit), in points at 100%. */
    static double width(int... columnWidths) {
        double points = 0;
        for (int width : columnWidths) {
            points += (7 * width + 5) * 0.75;
        }
        return points;
    }

    /** The widest a table's columns may be, in points at 100%, to print {@code pagesWide} pages wide at 8 pt. */
    static double legibleWidth(int pagesWide) {
        return LANDSCAPE_WIDTH / LEGIBLE_SCALE * pagesWide;
    }

    private static Option option(boolean landscape, double width, double repeatedWidth, double heightPoints,
                                 double headerPoints) {
        double pageWidth = landscape ? LANDSCAPE_WIDTH : PORTRAIT_WIDTH;
        double pageHeight = landscape ? LANDSCAPE_HEIGHT : PORTRAIT_HEIGHT;
        double repeated = Math.min(repeatedWidth, width);
        int wide = pagesAcross(width, repeated, pageWidth, LEGIBLE_SCALE);
        // The scale the width alone sets, pages wide fixed: what the page flows at when the height is free.
        double widthScale = Math.min(1, Math.max(LEGIBLE_SCALE, scaleFor(width, repeated, pageWidth, wide)));
        // Pages tall fixed, so that LibreOffice, whose columns print narrower than Excel's, takes the
        // pages Excel takes rather than more at a larger scale; fewer when 8 pt allows.
        int atWidth = pagesAcross(heightPoints * HEIGHT_MARGIN, headerPoints, pageHeight, widthScale);
        int smallest = pagesAcross(heightPoints * HEIGHT_MARGIN, headerPoints, pageHeight, LEGIBLE_SCALE);
        int tall = Math.min(atWidth, smallest);
        return new Option(landscape, wide, tall, tall <= MAX_PAGES_TALL ? tall : 0);
    }

    /** Pages needed for a length at a scale, the repeated part printed on each page. */
    private static int pagesAcross(double length, double repeated, double page, double scale) {
        double room = page - repeated * scale;
        if (length * scale <= page || room <= 0) {
            return 1;
        }
        return (int) Math.min(Integer.MAX_VALUE, Math.ceil((length - repeated) * scale / room));
    }

    /** The largest scale that prints a width on {@code pages} pages, the repeated part on each. */
    private static double scaleFor(double length, double repeated, double page, int pages) {
        return page * pages / (length + repeated * (pages - 1));
    }
}
