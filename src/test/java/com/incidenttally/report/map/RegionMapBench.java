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
        long start = System.nanoTime();
        Boundaries.bundled();
        System.out.printf("boundaries read: %d ms%n", (System.nanoTime() - start) / 1_000_000);
        RegionMapRenderer renderer = RegionMapRendererTests.renderer();
        RegionMapRenderer.Picture sixty = RegionMapRendererTests.counts(RegionMapRendererTests.sixtyAreas());
        once(renderer, sixty);
        System.out.printf("first map in a fresh JVM (boundaries, fonts, draw, PNG): %d ms%n",
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
