package com.incidenttally.store;

/**
 * How much of an H2 store's file holds live data, and whether a run should compact it as it ends.
 * H2 compacts in the background thread that its write delay runs; the store has no delay (each
 * commit is written at once, see {@code StoreUrl}), so only the short pass at close is left, and after
 * a backfill about two fifths of the file is space no row uses. A full compaction rewrites the live
 * data into a new file and puts it in place of the old by a rename: a kill during it leaves the old
 * file whole.
 *
 * @param fileBytes the size of the {@code .mv.db} file
 * @param chunksFillPercent the share of the file's chunks that live data fills, 0 to 100
 */
public record StoreSpace(long fileBytes, int chunksFillPercent) {

    /**
     * Below this a store is not compacted, however sparse: a few megabytes are not worth a user's
     * attention, and a small store's fill swings widely from run to run.
     */
    public static final long DEFAULT_MIN_BYTES = 16L << 20;

    /**
     * Compacted when live data fills less than this share of the chunks. A 1,000,000-row backfill
     * leaves 62%; a weekly run on a compacted store leaves it at 98%, so weekly runs reach this only
     * after many weeks, and then one run pays the compaction (about a second per 50 MB of live data).
     */
    public static final int MIN_FILL_PERCENT = 75;

    public boolean worthCompacting(long minBytes) {
        return fileBytes >= minBytes && chunksFillPercent < MIN_FILL_PERCENT;
    }
}
