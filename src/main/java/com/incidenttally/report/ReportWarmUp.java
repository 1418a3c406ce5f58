package com.incidenttally.report;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.Font;
import java.awt.image.BufferedImage;

/**
 * Loads the report's heavy classes (POI, JFreeChart, fonts) on a spare core while the job starts,
 * so a small weekly run does not wait for them at the end.
 */
public final class ReportWarmUp {

    private ReportWarmUp() {
    }

    /** Best effort: a failure here only means the report step loads the classes itself. */
    public static void run() {
        try {
            try (SXSSFWorkbook workbook = new SXSSFWorkbook()) {
                workbook.createSheet("warm-up").createRow(0).createCell(0).setCellValue("warm-up");
            }
            JFreeChart chart = ChartFactory.createBarChart("", "", "", new DefaultCategoryDataset());
            BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
            chart.draw(image.createGraphics(), new java.awt.geom.Rectangle2D.Double(0, 0, 16, 16));
            new Font("DejaVu Sans", Font.PLAIN, 12).getFamily();
        } catch (Exception | LinkageError ignored) {
            // Nothing to do: the report step will load what it needs when it needs it.
        }
    }
}
