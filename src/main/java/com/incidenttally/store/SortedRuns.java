package com.incidenttally.store;

import com.incidenttally.tally.NightMerge;
import com.incidenttally.tally.Report;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.function.Supplier;

/**
 * One night's reports in {@link NightMerge#MERGE_ORDER}, however many: held in memory until told
 * to spill, then written as a sorted run (row groups of {@link #CHUNK_ROWS}, each length-prefixed)
 * to a file of the work folder; {@link #sorted} merges the runs and what is still held, reading
 * one chunk of each run at a time. {@link #close} deletes its runs.
 */
final class SortedRuns implements AutoCloseable {

    /** Reports per row group of a run: what one open run holds decoded. */
    static final int CHUNK_ROWS = 2_048;

    private final Supplier<Path> folder;
    private List<Report> held = new ArrayList<>();
    private final List<Path> runs = new ArrayList<>();
    private long rows;

    /** Runs go to the folder {@code folder} gives, asked on the first spill. */
    SortedRuns(Supplier<Path> folder) {
        this.folder = folder;
    }

    void add(Report report) {
        held.add(report);
        rows++;
    }

    /** Reports added, held or spilled. */
    long rows() {
        return rows;
    }

    /** Reports held in memory. */
    int held() {
        return held.size();
    }

    /** Sorts the reports held and writes them as one run; holds none after. */
    void spill() {
        if (held.isEmpty()) {
            return;
        }
        held.sort(NightMerge.MERGE_ORDER);
        try {
            Path run = Files.createTempFile(folder.get(), "run-", ".bin");
            runs.add(run);
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run),
                    1 << 16))) {
                for (int from = 0; from < held.size(); from += CHUNK_ROWS) {
                    byte[] group = RowGroupCodec.encode(held.subList(from, Math.min(held.size(), from + CHUNK_ROWS)));
                    out.writeInt(group.length);
                    out.write(group);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a sorted run of the merge: " + e.getMessage(), e);
        }
        held = new ArrayList<>();
    }

    /** Whether any run was written. */
    boolean spilled() {
        return !runs.isEmpty();
    }

    /** Every report added, in merge order; once. */
    Iterator<Report> sorted() {
        held.sort(NightMerge.MERGE_ORDER);
        if (runs.isEmpty()) {
            return held.iterator();
        }
        List<Iterator<Report>> sources = new ArrayList<>();
        for (Path run : runs) {
            sources.add(new RunReader(run));
        }
        sources.add(held.iterator());
        return new KWayMerge(sources);
    }

    @Override
    public void close() {
        held = new ArrayList<>();
        for (Path run : runs) {
            try {
                Files.deleteIfExists(run);
            } catch (IOException e) {
                // The work folder's removal tries again.
            }
        }
        runs.clear();
    }

    /** A run, one row group decoded at a time. */
    private static final class RunReader implements Iterator<Report> {
        private final DataInputStream in;
        private final Path run;
        private List<Report> chunk = List.of();
        private int next;
        private boolean done;

        RunReader(Path run) {
            this.run = run;
            try {
                this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(run), 1 << 16));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read a sorted run of the merge: " + e.getMessage(), e);
            }
        }

        @Override
        public boolean hasNext() {
            if (next < chunk.size()) {
                return true;
            }
            if (done) {
                return false;
            }
            try {
                int length;
                try {
                    length = in.readInt();
                } catch (EOFException end) {
                    done = true;
                    in.close();
                    return false;
                }
                byte[] group = in.readNBytes(length);
                if (group.length != length) {
                    throw new IOException(run.getFileName() + " ends inside a row group");
                }
                chunk = RowGroupCodec.decode(group, sheet -> sheet);
                next = 0;
                return !chunk.isEmpty() || hasNext();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read a sorted run of the merge: " + e.getMessage(), e);
            }
        }

        @Override
        public Report next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return chunk.get(next++);
        }
    }

    /** Sorted sources merged into one; on equal reports the earlier source first. */
    private static final class KWayMerge implements Iterator<Report> {
        private record Head(Report report, int source) {
        }

        private final List<Iterator<Report>> sources;
        private final PriorityQueue<Head> heads;

        KWayMerge(List<Iterator<Report>> sources) {
            this.sources = sources;
            this.heads = new PriorityQueue<>(Math.max(1, sources.size()), (a, b) -> {
                int c = NightMerge.MERGE_ORDER.compare(a.report(), b.report());
                return c != 0 ? c : Integer.compare(a.source(), b.source());
            });
            for (int i = 0; i < sources.size(); i++) {
                advance(i);
            }
        }

        private void advance(int source) {
            if (sources.get(source).hasNext()) {
                heads.add(new Head(sources.get(source).next(), source));
            }
        }

        @Override
        public boolean hasNext() {
            return !heads.isEmpty();
        }

        @Override
        public Report next() {
            Head head = heads.poll();
            if (head == null) {
                throw new NoSuchElementException();
            }
            advance(head.source());
            return head.report();
        }
    }
}
