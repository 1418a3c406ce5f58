package com.incidenttally.store;

import com.incidenttally.tally.ExternalSort;
import com.incidenttally.tally.NightMerge;
import com.incidenttally.tally.Report;
import com.incidenttally.tally.RunFile;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * One night's reports in {@link NightMerge#MERGE_ORDER}, however many: an {@link ExternalSort}
 * that spills when told, its runs written as row groups (the store's own encoding) of a size
 * chosen from the merge's budget ({@link #blockRows}). Closing the sort deletes its runs.
 */
final class SortedRuns {

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

    private SortedRuns() {
    }

    /**
     * A night's sort: runs go to the folder {@code folder} gives, asked on the first spill, in row groups
     * of {@code blockRows} reports; it spills when told ({@link ExternalSort#spill}), never of itself.
     */
    static ExternalSort<Report> of(Supplier<Path> folder, int blockRows) {
        return new ExternalSort<>(NightMerge.MERGE_ORDER, ROW_GROUPS, blockRows, Long.MAX_VALUE, folder);
    }

    /**
     * Reports per row group of a run when the merge holds {@code budgetRows} reports: merging a
     * night holds a group of each of its runs decoded, and a night of N reports makes N / budget
     * runs, so groups of a 32nd of the budget hold a 32nd of the night at most (a night of 200,000
     * reports merged in a 5,000-report budget: 40 runs of 156-report groups, not of 2,048).
     */
    static int blockRows(long budgetRows) {
        return (int) Math.max(64, Math.min(ExternalSort.BLOCK, budgetRows / 32));
    }
}
