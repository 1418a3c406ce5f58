package com.incidenttally.report.excel;

/** One column of a table sheet: its heading and its fixed width in characters. */
record Column(String title, int width) {
}
