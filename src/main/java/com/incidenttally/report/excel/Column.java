package com.incidenttally.report.excel;

/**
 * One column of a table sheet: its heading, its fixed width in characters, and whether it holds
 * numbers (their heading is right-aligned, over the numbers).
 */
record Column(String title, int width, boolean numeric) {

    static Column text(String title, int width) {
        return new Column(title, width, false);
    }

    static Column number(String title, int width) {
        return new Column(title, width, true);
    }
}
