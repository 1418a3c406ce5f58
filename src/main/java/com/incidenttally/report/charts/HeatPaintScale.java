package com.incidenttally.report.charts;

import java.awt.Color;
import java.awt.Paint;

import org.jfree.chart.renderer.PaintScale;

/** Near-white for none, then pale yellow through orange to deep red at the busiest cell (or greys). */
record HeatPaintScale(double upper, Color[] stops) implements PaintScale {

    private static final Color NONE = new Color(0xF7, 0xF7, 0xF7);
    private static final Color[] HEAT = {
            new Color(0xFF, 0xF2, 0xB2), new Color(0xFE, 0xB2, 0x4C), new Color(0xF0, 0x3B, 0x20),
            new Color(0x99, 0x00, 0x0D)};
    private static final Color[] GREY = {new Color(0xE4, 0xE4, 0xE4), new Color(0x80, 0x80, 0x80)};

    HeatPaintScale(double upper) {
        this(upper, HEAT);
    }

    /** Light to mid grey: for what is drawn apart from the named rows ("other regions"), on its own scale. */
    static HeatPaintScale grey(double upper) {
        return new HeatPaintScale(upper, GREY);
    }

    @Override
    public double getLowerBound() {
        return 0;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    @Override
    public Paint getPaint(double value) {
        if (value <= 0) {
            return NONE;
        }
        double t = Math.min(1, value / upper) * (stops.length - 1);
        int i = Math.min((int) Math.floor(t), stops.length - 2);
        double f = t - i;
        Color a = stops[i];
        Color b = stops[i + 1];
        return new Color(mix(a.getRed(), b.getRed(), f), mix(a.getGreen(), b.getGreen(), f), mix(a.getBlue(), b.getBlue(), f));
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }
}
