package com.incidenttally.report.charts;

import java.awt.Color;
import java.awt.Paint;

import org.jfree.chart.renderer.PaintScale;

/** White for none, then pale yellow through orange to deep red at the busiest cell. */
record HeatPaintScale(double upper) implements PaintScale {

    private static final Color NONE = new Color(0xF7, 0xF7, 0xF7);
    private static final Color[] STOPS = {
            new Color(0xFF, 0xF2, 0xB2), new Color(0xFE, 0xB2, 0x4C), new Color(0xF0, 0x3B, 0x20),
            new Color(0x99, 0x00, 0x0D)};

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
        double t = Math.min(1, value / upper) * (STOPS.length - 1);
        int i = Math.min((int) Math.floor(t), STOPS.length - 2);
        double f = t - i;
        Color a = STOPS[i];
        Color b = STOPS[i + 1];
        return new Color(mix(a.getRed(), b.getRed(), f), mix(a.getGreen(), b.getGreen(), f), mix(a.getBlue(), b.getBlue(), f));
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }
}
