package com.incidenttally.tally;

import com.incidenttally.incident.Rejection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Reports held in memory as a {@link ReportSource}, what the store is to a report, without a
 * database: whole nights in merge order, an id whose reports lie on several nights with the night
 * of its first report in file order, a night index whose changed nights are listed as touched.
 * Counts the reports it hands over, so that a test sees what a sweep reads.
 */
final class MemoryReportSource implements ReportSource {

    private final List<Report> reports = new ArrayList<>();
    private final TreeMap<LocalDate, NightCounts> index = new TreeMap<>();
    private final TreeSet<LocalDate> touched = new TreeSet<>();
    private Boolean mode;
    final List<Rejection> rejections = new ArrayList<>();
    final List<ResolutionRow> resolutions = new ArrayList<>();
    final List<RejectedRegion> rejectedRegions = new ArrayList<>();
    final List<FileWarning> warnings = new ArrayList<>();
    /** Reports handed over by {@link #forEachRange}, night by night. */
    final Map<LocalDate, Integer> read = new TreeMap<>();
    /** Once closed, any read fails: the report must be finished by then. */
    boolean closed;
    /** Nights handed over in one range, as the store hands them over a few weeks at a time; 0: every night at once. */
    int nightsPerRange;
    /** Called with each night the index is given counts for, before it takes them (a test fails or interrupts here). */
    Consumer<LocalDate> onPutNight = night -> { };

    /** Adds reports, as a newly loaded file would: their nights are touched. */
    MemoryReportSource add(Report... added) {
        for (Report report : added) {
            reports.add(report);
            touched.add(report.night());
        }
        return this;
    }

    private void open() {
        if (closed) {
            throw new IllegalStateException("the report read its source after it was finished");
        }
    }

    /** Ids with reports on more than one night, with the night of their first report in file order. */
    private Map<String, LocalDate> landing() {
        Map<String, List<Report>> byId = reports.stream().filter(r -> !r.keyed())
                .collect(Collectors.groupingBy(Report::incidentId));
        Map<String, LocalDate> landing = new HashMap<>();
        byId.forEach((id, group) -> {
            if (group.stream().map(Report::night).distinct().count() > 1) {
                landing.put(id, group.stream().min(Report.FILE_ORDER).orElseThrow().night());
            }
        });
        return landing;
    }

    @Override
    public Period storedNights() {
        open();
        return reports.isEmpty() ? null : new Period("all",
                reports.stream().map(Report::night).min(Comparator.naturalOrder()).orElseThrow(),
                reports.stream().map(Report::night).max(Comparator.naturalOrder()).orElseThrow());
    }

    @Override
    public boolean holdsBefore(LocalDate night) {
        open();
        return reports.stream().anyMatch(r -> r.night().isBefore(night));
    }

    @Override
    public void forEachRange(LocalDate from, LocalDate to, Consumer<Iterator<Report>> sink) {
        open();
        Map<String, LocalDate> landing = landing();
        TreeMap<LocalDate, List<Report>> nights = new TreeMap<>();
        for (Report report : reports) {
            LocalDate night = report.keyed() ? report.night() : landing.getOrDefault(report.incidentId(), report.night());
            if (!night.isBefore(from) && !night.isAfter(to)) {
                nights.computeIfAbsent(night, k -> new ArrayList<>()).add(report);
            }
        }
        List<Report> range = new ArrayList<>();
        int inRange = 0;
        for (Map.Entry<LocalDate, List<Report>> night : nights.entrySet()) {
            List<Report> held = night.getValue();
            held.sort(NightMerge.MERGE_ORDER);
            range.addAll(held);
            read.merge(night.getKey(), held.size(), Integer::sum);
            if (++inRange == nightsPerRange) {
                sink.accept(List.copyOf(range).iterator());
                range.clear();
                inRange = 0;
            }
        }
        if (!range.isEmpty()) {
            sink.accept(range.iterator());
        }
    }

    @Override
    public Map<LocalDate, Long> spanningElsewhere() {
        open();
        Map<String, LocalDate> landing = landing();
        Map<LocalDate, Long> extra = new TreeMap<>();
        landing.forEach((id, night) -> reports.stream().filter(r -> id.equals(r.incidentId())).map(Report::night)
                .distinct().filter(n -> !n.equals(night)).forEach(n -> extra.merge(n, 1L, Long::sum)));
        return extra;
    }

    @Override
    public void useMergeMode(boolean acrossSources) {
        open();
        if (mode != null && mode != acrossSources) {
            index.clear();
            reports.forEach(r -> touched.add(r.night()));
        }
        mode = acrossSources;
    }

    @Override
    public List<LocalDate> touchedNights() {
        open();
        return List.copyOf(touched);
    }

    @Override
    public void putNight(LocalDate night, NightCounts counts) {
        open();
        onPutNight.accept(night);
        if (counts.keyed() > 0 || counts.ids() > 0) {
            index.put(night, counts);
        } else {
            index.remove(night);
        }
        touched.remove(night);
    }

    @Override
    public Map<LocalDate, NightCounts> nightCounts() {
        open();
        return new TreeMap<>(index);
    }

    @Override
    public void rejections(RejectionScope scope, Consumer<Rejection> sink) {
        open();
        rejections.stream().filter(scope::shows)
                .sorted(Comparator.comparing(Rejection::file).thenComparingLong(Rejection::line)).forEach(sink);
    }

    @Override
    public List<ResolutionRow> resolutions(LocalDate from, LocalDate to) {
        open();
        return List.copyOf(resolutions);
    }

    @Override
    public List<RejectedRegion> rejectedRegions() {
        open();
        return List.copyOf(rejectedRegions);
    }

    @Override
    public List<FileWarning> warnings() {
        open();
        return List.copyOf(warnings);
    }

    @Override
    public List<StoredInput> inputFiles() {
        open();
        Set<String> files = new TreeSet<>();
        reports.forEach(r -> files.add(r.file()));
        return files.stream().map(f -> new StoredInput(f, "sha", "LOADED", "UTF-8", ",", 0, 0, 0, null)).toList();
    }
}
