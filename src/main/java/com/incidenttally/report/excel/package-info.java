/** The Excel workbook: one streaming sheet writer per sheet, a fixed set of cell styles, untrusted text kept as text. */
package com.incidenttally.report.excel;
