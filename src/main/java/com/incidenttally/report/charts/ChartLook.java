package com.incidenttally.report.charts;

import com.incidenttally.report.Png;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;

/** What every chart shares: size, a Cyrillic-capable font, colours, titles, and writing the PNG. */
final class ChartLook {

    static final int WIDTH = 1600;
    static final int HEIGHT = 900;

    /** The bundled DejaVu Sans: Cyrillic, and the same glyphs on every machine. */
    static final String FAMILY = BundledFonts.FAMILY;

    static final Color OTHER = new Color(0xB0, 0xB0, 0xB0);
    static final Color GRID = new Color(0xD8, 0xD8, 0xD8);

    /** Distinct, print-safe colours (Tableau 10) for regions and event types. */
    static final Color[] PALETTE = {
            new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759), new Color(0x76B7B2),
            new Color(0x59A14F), new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7),
            new Color(0x9C755F), new Color(0x2F4B7C)};

    private ChartLook() {
    }

    static Font font(int style, int size) {
        return BundledFonts.font(style, size);
    }

    static void apply(JFreeChart chart, String subtitle) {
        StandardChartTheme theme = new StandardChartTheme("incident-tally");
        theme.setExtraLargeFont(font(Font.BOLD, 34));
        theme.setLargeFont(font(Font.BOLD, 22));
        theme.setRegularFont(font(Font.PLAIN, 20));
        theme.setSmallFont(font(Font.PLAIN, 18));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(GRID);
        theme.setRangeGridlinePaint(GRID);
        theme.setShadowVisible(false);
        theme.apply(chart);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(16, 16, 16, 24));
        if (subtitle != null) {
            TextTitle sub = new TextTitle(subtitle, font(Font.PLAIN, 22));
            sub.setPaint(new Color(0x44, 0x44, 0x44));
            sub.setPadding(new RectangleInsets(4, 0, 12, 0));
            chart.addSubtitle(0, sub);
        }
        Plot plot = chart.getPlot();
        plot.setOutlineVisible(false);
        plot.setNoDataMessageFont(font(Font.BOLD, 36));
        plot.setNoDataMessagePaint(new Color(0x55, 0x55, 0x55));
    }

    static Paint colour(int index) {
        return PALETTE[index % PALETTE.length];
    }

    static BasicStroke line(float width) {
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /**
     * Draws the chart and writes it. The chart's background is white, so it is drawn on an opaque image
     * (JFreeChart's default has an alpha channel no pixel uses): the same pixels, a quarter less to filter
     * and deflate, and a PNG without the channel.
     */
    static Path save(JFreeChart chart, Path file) throws IOException {
        Png.write(chart.createBufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB, null), file);
        return file;
    }
}
