package com.incidenttally.report.map;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

import javax.imageio.ImageIO;

/**
 * How long the map of a week takes to draw and to encode as PNG: the first time in a fresh JVM (boundaries
 * read, fonts loaded, as in a job run) and the median of further runs. Not a test: run it by hand,
 * {@code java -cp … com.incidenttally.report.map.RegionMapBench [runs]}.
 */
final class RegionMapBench {

    private RegionMapBench() {
    }

    public static void main(String[] args) throws IOException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        System.setProperty("java.awt.headless", "true");
        // In a job the other charts have loaded the fonts and Java2D before the map: do the same here.
        long fonts = System.nanoTime();
        com.incidenttally.report.charts.BundledFonts.install();
        java.awt.image.BufferedImage scratch = new java.awt.image.BufferedImage(200, 100, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = scratch.createGraphics();
        g.setFont(com.incidenttally.report.charts.BundledFonts.font(java.awt.Font.BOLD, 20));
        g.drawString("Инциденты 123", 10, 50);
        g.dispose();
        ImageIO.write(scratch, "png", new ByteArrayOutputStream());
        System.out.printf("fonts and Java2D loaded: %d ms%n", (System.nanoTime() - fonts) / 1_000_000);
        long start = System.nanoTime();
        Boundaries.bundled();
        System.out.printf("boundaries read: %d ms%n", (System.nanoTime() - start) / 1_000_000);
        RegionMapRenderer renderer = RegionMapRendererTests.renderer();
        RegionMapRenderer.Picture sixty = RegionMapRendererTests.counts(RegionMapRendererTests.sixtyAreas());
        once(renderer, sixty);
        System.out.printf("then the first map (boundaries read, drawn, PNG), as in a job: %d ms%n",
                (System.nanoTime() - start) / 1_000_000);
        for (Map.Entry<String, RegionMapRenderer.Picture> week : Map.of(
                "sample (3 regions)", RegionMapRendererTests.counts(RegionMapRendererTests.SAMPLE),
                "60 regions and seas", sixty,
                "Siberia (4 regions)", RegionMapRendererTests.counts(RegionMapRendererTests.SIBERIA)).entrySet()) {
            long[] draw = new long[runs];
            long[] total = new long[runs];
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                RegionMapRenderer.Drawn drawn = renderer.draw(week.getValue());
                long t1 = System.nanoTime();
                ImageIO.write(drawn.image(), "png", new ByteArrayOutputStream());
                long t2 = System.nanoTime();
                draw[i] = t1 - t0;
                total[i] = t2 - t0;
            }
            System.out.printf("%-22s draw median %4d ms, draw + PNG median %4d ms (%d runs)%n", week.getKey(),
                    median(draw) / 1_000_000, median(total) / 1_000_000, runs);
        }
    }

    private static void once(RegionMapRenderer renderer, RegionMapRenderer.Picture picture) throws IOException {
        ImageIO.write(renderer.draw(picture).image(), "png", new ByteArrayOutputStream());
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
