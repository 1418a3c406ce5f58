package com.incidenttally.report.excel;

import java.io.File;
import java.io.IOException;
import java.util.Arrays;

/**
 * A child JVM's main for {@link StreamingWorkbookTests}: a big sheet's rows deflated on their
 * thread while another thread allocates chart-sized images in a nearly full heap, as the charts
 * are drawn while the workbook is written. Prints how many sheets it deflated.
 */
final class SheetDeflatingUnderPressure {

    private SheetDeflatingUnderPressure() {
    }

    public static void main(String[] args) throws IOException {
        File file = new File(args[0]);
        long until = System.nanoTime() + Long.parseLong(args[1]) * 1_000_000L;
        // Most of the heap held, in pieces small enough not to be humongous.
        byte[][] held = new byte[Integer.parseInt(args[2])][];
        for (int i = 0; i < held.length; i++) {
            held[i] = new byte[1 << 16];
        }
        Thread charts = new Thread(() -> {
            long drawn = 0;
            while (true) {
                int[] image = new int[1200 * 1200];
                image[(int) (drawn++ % image.length)] = 1;
            }
        }, "charts");
        charts.setDaemon(true);
        charts.start();
        char[] row = new char[8192];
        Arrays.fill(row, 'x');
        for (int i = 0; i < row.length; i += 7) {
            row[i] = (char) ('a' + i % 26);
        }
        int sheets = 0;
        while (System.nanoTime() < until) {
            DeflatingSheetFile rows = new DeflatingSheetFile(file);
            rows.start(6);
            for (int i = 0; i < 2_000; i++) {
                rows.write(row, 0, row.length);
            }
            rows.close();
            sheets++;
        }
        System.out.println("sheets " + sheets + " held " + held.length);
    }
}
