package com.incidenttally.bench;

import com.incidenttally.ingest.FileRejectedException;
import com.incidenttally.ingest.IncidentRows;
import com.incidenttally.ingest.RawRow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Times reading alone (no normalizing, no store, no report): every row of a CSV file and of the
 * same rows as an {@code .xlsx} sheet, through the readers the ingest step uses, alternately, and
 * prints each time and the medians. A benchmark, not a test.
 *
 * <pre>java -cp … com.incidenttally.bench.XlsxReadBench IN.csv IN.xlsx [RUNS]</pre>
 */
public final class XlsxReadBench {

    private XlsxReadBench() {
    }

    public static void main(String[] args) throws FileRejectedException {
        Path csv = Path.of(args[0]);
        Path xlsx = Path.of(args[1]);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<Double> csvTimes = new ArrayList<>();
        List<Double> xlsxTimes = new ArrayList<>();
        for (int run = 0; run <= runs; run++) {
            double c = time(csv);
            double x = time(xlsx);
            // The first round warms the JIT up and is not counted.
            if (run > 0) {
                csvTimes.add(c);
                xlsxTimes.add(x);
            }
            System.out.printf(Locale.ROOT, "run %d: csv %.2f s, xlsx %.2f s%s%n", run, c, x, run == 0 ? " (warm-up)" : "");
        }
        double c = median(csvTimes);
        double x = median(xlsxTimes);
        System.out.printf(Locale.ROOT, "median of %d: csv %.2f s, xlsx %.2f s, xlsx/csv %.2f%n", runs, c, x, x / c);
    }

    private static double time(Path file) throws FileRejectedException {
        long start = System.nanoTime();
        long rows = 0;
        try (IncidentRows reader = IncidentRows.open(file, file.getFileName().toString())) {
            for (RawRow row = reader.read(); row != null; row = reader.read()) {
                rows++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (rows == 0) {
            throw new IllegalStateException(file + " has no rows");
        }
        return seconds;
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
