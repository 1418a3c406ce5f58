package com.incidenttally.store;

/**
 * How much of an H2 store's file holds live data, and whether a run should compact it as it ends.
 * H2 compacts in the background thread that its write delay runs; the store has no delay (each
 * commit is written at once, see {@code StoreUrl}), so only the short pass at close is left, and after
 * a backfill about two fifths of the file is space no row uses. A full compaction rewrites the live
 * data into a new file and puts it in place of the old by a rename: a failure or a kill during it
 * leaves the old file whole.
 *
 * @param fileBytes the size of the {@code .mv.db} file
 * @param fillPercent the share of the file that chunks take (H2's {@code info.FILL_RATE}), 0 to 100
 * @param chunksFillPercent the share of those chunks that live data fills ({@code info.CHUNKS_FILL_RATE})
 */
public record StoreSpace(long fileBytes, int fillPercent, int chunksFillPercent) {

    /**
     * Below this a store is not compacted, however sparse: a few megabytes are not worth a user's
     * attention, and a small store's fill swings widely from run to run.
     */
    public static final long DEFAULT_MIN_BYTES = 16_000_000;

    /**
     * Compacted when live data fills less than this share of the file. A 1,000,000-row backfill
     * leaves about 70%, and a weekly run on that store about 56%; a weekly run on a compacted store
     * leaves it at 98%.
     */
    public static final int MIN_LIVE_PERCENT = 75;

    /** The share of the file that live data fills, 0 to 100. */
    public int livePercent() {
        return fillPercent * chunksFillPercent / 100;
    }

    public boolean worthCompacting(long minBytes) {
        return fileBytes >= minBytes && livePercent() < MIN_LIVE_PERCENT;
    }
}
