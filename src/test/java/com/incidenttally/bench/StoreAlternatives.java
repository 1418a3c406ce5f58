package com.incidenttally.bench;

import com.incidenttally.ChildJvm;
import com.incidenttally.ingest.FileRejectedException;
import com.incidenttally.ingest.IncidentRows;
import com.incidenttally.ingest.InputFiles;
import com.incidenttally.ingest.RawRow;
import com.incidenttally.normalize.IncidentNormalizer;
import com.incidenttally.normalize.NightCalendar;
import com.incidenttally.normalize.NightWindow;
import com.incidenttally.normalize.Normalized;
import com.incidenttally.places.Gazetteer;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Measures the row store alternatives of issue 18 on the same normalized rows: (a) today's
 * {@code it_row} on H2 with its unique (file_id, sheet, line) constraint, JDBC batches; (b) the
 * same without the constraint; (c) DuckDB through its appender; (d) row groups, each chunk one
 * compressed column-wise BLOB row in H2. Each writes one transaction per chunk of one file, in a
 * fresh database, then reads back the rows of one ISO week and of all nights. A benchmark, not a
 * test: {@code ./mvnw verify} never runs it. See docs/development.md, "Store alternatives".
 * <pre>
 * StoreAlternatives prepare INPUT_DIR ROWS_FILE          read and normalize once, chunk by chunk
 * StoreAlternatives all ROWS_FILE WORK_DIR [RUNS] [a,b,c,d]   each store RUNS times, each run in its own JVM
 * StoreAlternatives once STORE ROWS_FILE DB_DIR            one run of one store (what "all" starts)
 * </pre>
 */
public final class StoreAlternatives {

    /** The ingest step's chunk size (incident-tally.chunk-size). */
    static final int CHUNK = 5000;
    /** The benchmark's clock, as bench/run.sh gives the job. */
    static final Instant NOW = Instant.parse("2026-01-31T12:00:00Z");
    /** The week read back: one in the middle of the generated year. */
    static final String WEEK = "2025-W27";
    static final String[] MEASURES = {"write s", "write rows/s", "write CPU s", "size MB", "write peak heap MB",
            "week s", "week CPU s", "all nights s", "all nights CPU s", "read peak heap MB", "peak RSS MB"};

    private StoreAlternatives() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: prepare INPUT_DIR ROWS_FILE | all ROWS_FILE WORK_DIR [RUNS] [STORES]"
                    + " | once STORE ROWS_FILE DB_DIR");
        }
        switch (args[0]) {
            case "prepare" -> prepare(Path.of(args[1]), Path.of(args[2]));
            case "once" -> once(args[1], Path.of(args[2]), Path.of(args[3]));
            case "all" -> all(Path.of(args[1]), Path.of(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : 3,
                    args.length > 4 ? List.of(args[4].split(",")) : List.of("a", "b", "c", "d"));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    /**
     * Reads every file of the input folder as the ingest step does and normalizes each row with the
     * project's normalizer (default night window, the benchmark's clock); writes the accepted rows,
     * in chunks of at most {@link #CHUNK} rows read of one file, to the rows file.
     */
    static void prepare(Path input, Path rowsFile) throws IOException, FileRejectedException {
        long start = System.nanoTime();
        IncidentNormalizer normalizer = new IncidentNormalizer(Gazetteer.bundled(),
                new NightCalendar(NightWindow.DEFAULT), Clock.fixed(NOW, ZoneOffset.UTC));
        List<Path> files = InputFiles.find(input).stream().sorted().toList();
        long accepted = 0;
        long rejected = 0;
        Files.createDirectories(rowsFile.toAbsolutePath().getParent());
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(rowsFile), 1 << 16))) {
            for (int f = 0; f < files.size(); f++) {
                String name = InputFiles.relativeName(input, files.get(f));
                List<BenchRow> chunk = new ArrayList<>();
                int read = 0;
                try (IncidentRows rows = IncidentRows.open(files.get(f), name)) {
                    for (RawRow raw = rows.read(); raw != null; raw = rows.read()) {
                        Normalized n = normalizer.normalize(raw);
                        if (n.isAccepted()) {
                            chunk.add(BenchRow.of(f + 1, rows.sheet() == null ? "" : rows.sheet(), n.incident()));
                            accepted++;
                        } else {
                            rejected++;
                        }
                        if (++read == CHUNK) {
                            if (!chunk.isEmpty()) {
                                BenchRow.writeChunk(out, chunk);
                            }
                            chunk.clear();
                            read = 0;
                        }
                    }
                }
                if (!chunk.isEmpty()) {
                    BenchRow.writeChunk(out, chunk);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d files: %,d rows accepted, %,d rejected, in %.1f s; rows in %s%n",
                files.size(), accepted, rejected, (System.nanoTime() - start) / 1e9, rowsFile);
    }

    /** One run of one store in this JVM; prints a RESULT line with its figures. */
    static void once(String store, Path rowsFile, Path db) throws Exception {
        deleteTree(db);
        Files.createDirectories(db);
        LocalDate monday = LocalDate.of(Integer.parseInt(WEEK.substring(0, 4)), 6, 1)
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(WEEK.substring(6)))
                .with(DayOfWeek.MONDAY);
        LocalDate sunday = monday.plusDays(6);

        // The CPU time of reading the rows file alone, taken off the write's CPU time below.
        long dryCpu = cpu();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(rowsFile), 1 << 16))) {
            while (BenchRow.readChunk(in) != null) {
                // only read
            }
        }
        dryCpu = cpu() - dryCpu;

        // Write: only the store's own calls are timed, never the reading of the rows file.
        resetPeaks();
        long writeCpu = cpu();
        long written = 0;
        long writeNanos = 0;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(rowsFile), 1 << 16))) {
            long t = System.nanoTime();
            RowStores.RowStore rows = RowStores.open(store, db, true);
            writeNanos += System.nanoTime() - t;
            Map<Long, Integer> seq = new LinkedHashMap<>();
            for (List<BenchRow> chunk = BenchRow.readChunk(in); chunk != null; chunk = BenchRow.readChunk(in)) {
                int s = seq.merge(chunk.get(0).fileId(), 1, Integer::sum);
                t = System.nanoTime();
                rows.write(s, chunk);
                writeNanos += System.nanoTime() - t;
                written += chunk.size();
            }
            t = System.nanoTime();
            rows.close();
            writeNanos += System.nanoTime() - t;
        }
        writeCpu = cpu() - writeCpu - dryCpu;
        long writeHeap = peakHeap();
        long bytes = size(db);

        // Read: a week, then all nights, from the database opened again.
        resetPeaks();
        long[] week;
        long[] all;
        long weekCpu;
        long allCpu;
        try (RowStores.RowStore rows = RowStores.open(store, db, false)) {
            long c = cpu();
            week = read(rows, monday, sunday);
            weekCpu = cpu() - c;
            c = cpu();
            all = read(rows, LocalDate.of(1900, 1, 1), LocalDate.of(2100, 12, 31));
            allCpu = cpu() - c;
        }
        long readHeap = peakHeap();
        if (all[1] != written) {
            throw new IllegalStateException(store + ": wrote " + written + " rows, read back " + all[1]);
        }
        System.out.printf(Locale.ROOT, "RESULT store=%s rows=%d write_s=%.3f write_cpu=%.3f bytes=%d write_heap=%d"
                        + " week_s=%.3f week_cpu=%.3f week_rows=%d week_decoded=%d week_sum=%d all_s=%.3f all_cpu=%.3f"
                        + " all_rows=%d all_sum=%d read_heap=%d rss=%d%n",
                store, written, writeNanos / 1e9, writeCpu / 1e9, bytes, writeHeap, week[0] / 1e9, weekCpu / 1e9,
                week[1], week[3], week[2], all[0] / 1e9, allCpu / 1e9, all[1], all[2], readHeap, peakRss());
        deleteTree(db);
    }

    /** Nanoseconds, rows, their checksum and rows decoded (groups) or returned (rows). */
    private static long[] read(RowStores.RowStore rows, LocalDate first, LocalDate last) throws Exception {
        long[] sum = new long[2];
        long t = System.nanoTime();
        long decoded = rows.read(first, last, r -> {
            sum[0]++;
            sum[1] += r.checksum();
        });
        return new long[]{System.nanoTime() - t, sum[0], sum[1], decoded};
    }

    /** Runs each store {@code runs} times, in turn (a b c d a b c d …), each run in a JVM of its own. */
    static void all(Path rowsFile, Path work, int runs, List<String> stores) throws Exception {
        String java = ChildJvm.java();
        String classPath = System.getProperty("java.class.path");
        Map<String, List<Map<String, String>>> results = new LinkedHashMap<>();
        for (int run = 1; run <= runs; run++) {
            for (String store : stores) {
                double load = loadAverage();
                Process process = new ProcessBuilder(java, "-Xmx1g", "-cp", classPath, StoreAlternatives.class.getName(),
                        "once", store, rowsFile.toString(), work.resolve("db-" + store).toString())
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
                Map<String, String> result = null;
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        if (line.startsWith("RESULT ")) {
                            result = new LinkedHashMap<>();
                            for (String pair : line.substring(7).split(" ")) {
                                result.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
                            }
                        }
                    }
                }
                if (process.waitFor() != 0 || result == null) {
                    throw new IllegalStateException("store " + store + " failed, run " + run);
                }
                result.put("load", String.format(Locale.ROOT, "%.2f", load));
                System.out.printf("run %d %s%n", run, result);
                results.computeIfAbsent(store, s -> new ArrayList<>()).add(result);
            }
        }
        checkSameRows(results);
        printTable(results, runs);
    }

    /** Every store must give back the same rows: the same counts and checksums. */
    private static void checkSameRows(Map<String, List<Map<String, String>>> results) {
        Map<String, String> first = null;
        for (List<Map<String, String>> runs : results.values()) {
            for (Map<String, String> r : runs) {
                if (first == null) {
                    first = r;
                }
                for (String key : List.of("rows", "week_rows", "week_sum", "all_rows", "all_sum")) {
                    if (!first.get(key).equals(r.get(key))) {
                        throw new IllegalStateException("stores " + first.get("store") + " and " + r.get("store")
                                + " differ in " + key + ": " + first.get(key) + " against " + r.get(key));
                    }
                }
            }
        }
        System.out.printf("All stores read back the same rows: %s rows, %s in week %s, checksums equal.%n",
                first.get("rows"), first.get("week_rows"), WEEK);
    }

    private static void printTable(Map<String, List<Map<String, String>>> results, int runs) {
        Map<String, double[]> medians = new LinkedHashMap<>();
        for (var entry : results.entrySet()) {
            double[] m = new double[MEASURES.length];
            m[0] = median(entry.getValue(), r -> Double.parseDouble(r.get("write_s")));
            m[1] = median(entry.getValue(), r -> Double.parseDouble(r.get("rows")) / Double.parseDouble(r.get("write_s")));
            m[2] = median(entry.getValue(), r -> Double.parseDouble(r.get("write_cpu")));
            m[3] = median(entry.getValue(), r -> Double.parseDouble(r.get("bytes")) / 1e6);
            m[4] = median(entry.getValue(), r -> Double.parseDouble(r.get("write_heap")) / 1e6);
            m[5] = median(entry.getValue(), r -> Double.parseDouble(r.get("week_s")));
            m[6] = median(entry.getValue(), r -> Double.parseDouble(r.get("week_cpu")));
            m[7] = median(entry.getValue(), r -> Double.parseDouble(r.get("all_s")));
            m[8] = median(entry.getValue(), r -> Double.parseDouble(r.get("all_cpu")));
            m[9] = median(entry.getValue(), r -> Double.parseDouble(r.get("read_heap")) / 1e6);
            m[10] = median(entry.getValue(), r -> Double.parseDouble(r.get("rss")) / 1e6);
            medians.put(entry.getKey(), m);
        }
        double[] base = medians.get("a");
        StringBuilder table = new StringBuilder();
        table.append(String.format("%nMedians of %d runs (ratio to a):%n| measure |", runs));
        medians.keySet().forEach(s -> table.append(' ').append(s).append(" |"));
        table.append("\n|---|").append("---:|".repeat(medians.size())).append('\n');
        for (int i = 0; i < MEASURES.length; i++) {
            table.append("| ").append(MEASURES[i]).append(" |");
            for (double[] m : medians.values()) {
                String value = m[i] >= 1000 ? String.format(Locale.ROOT, "%,.0f", m[i])
                        : String.format(Locale.ROOT, "%.2f", m[i]);
                String ratio = base == null || base[i] == 0 ? "" : String.format(Locale.ROOT, " (%.2f)", m[i] / base[i]);
                table.append(' ').append(value).append(ratio).append(" |");
            }
            table.append('\n');
        }
        System.out.print(table);
    }

    private static double median(List<Map<String, String>> runs, java.util.function.ToDoubleFunction<Map<String, String>> f) {
        double[] v = runs.stream().mapToDouble(f).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** The sum of the heap pools' peaks since the last reset: an upper bound of the peak heap. */
    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    /** The process's peak resident set (VmHWM, Linux), native memory such as DuckDB's included; 0 elsewhere. */
    private static long peakRss() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return 0;
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmHWM:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")) * 1024).findFirst().orElse(0);
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** The CPU time of this process, every thread (GC, JIT and native ones such as DuckDB's) included. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
