package com.incidenttally.store;

import com.incidenttally.tally.ExternalSort;
import com.incidenttally.tally.NightMerge;
import com.incidenttally.tally.Report;
import com.incidenttally.tally.RunFile;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * One night's reports in {@link NightMerge#MERGE_ORDER}, however many: an {@link ExternalSort}
 * that spills when told, its runs written as row groups of {@link ExternalSort#BLOCK} reports,
 * the store's own encoding. {@link #close} deletes its runs.
 */
final class SortedRuns implements AutoCloseable {

    private static final RunFile.BlockCodec<Report> ROW_GROUPS = new RunFile.BlockCodec<>() {
        @Override
        public void write(DataOutputStream out, List<Report> block) throws IOException {
            out.write(RowGroupCodec.encode(block));
        }

        /** The run file hands over one block's bytes: all of them are the group. */
        @Override
        public List<Report> read(DataInputStream in) throws IOException {
            return RowGroupCodec.decode(in.readAllBytes(), sheet -> sheet);
        }

        @Override
        public String unit() {
            return "a row group";
        }
    };

    private final ExternalSort<Report> sort;

    /** Runs go to the folder {@code folder} gives, asked on the first spill. */
    SortedRuns(Supplier<Path> folder) {
        this.sort = new ExternalSort<>(NightMerge.MERGE_ORDER, ROW_GROUPS, Long.MAX_VALUE, folder);
    }

    void add(Report report) {
        sort.add(report);
    }

    /** Reports added, held or spilled. */
    long rows() {
        return sort.size();
    }

    /** Reports held in memory. */
    int held() {
        return sort.held();
    }

    /** Sorts the reports held and writes them as one run; holds none after. */
    void spill() {
        sort.spill();
    }

    /** Whether any run was written. */
    boolean spilled() {
        return sort.spilled();
    }

    /** Every report added, in merge order; once. */
    Iterator<Report> sorted() {
        return sort.sorted();
    }

    @Override
    public void close() {
        sort.close();
    }
}
