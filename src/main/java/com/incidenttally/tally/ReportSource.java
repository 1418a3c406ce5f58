package com.incidenttally.tally;

import com.incidenttally.incident.Reason;
import com.incidenttally.incident.Rejection;
import com.incidenttally.places.MatchMethod;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a report reads from where the reports are kept: the store's side of the report, as keys and
 * decoded rows. It merges, tallies and sorts nothing beyond the orders stated here; {@link
 * PeriodSweep} makes the report of it.
 */
public interface ReportSource {

    /** The nights the source holds reports of (label "all"), or null when it holds none. */
    Period storedNights();

    /** Whether any report lies on a night before {@code night}. */
    boolean holdsBefore(LocalDate night);

    /**
     * Calls {@code sink} with the reports of each range of whole nights from {@code from} to
     * {@code to}, in night order, each night in {@link NightMerge#MERGE_ORDER}; the reports of an id
     * spanning several nights come with the night their incident lands on. The ranges follow one
     * another; a night is never split.
     */
    void forEachRange(LocalDate from, LocalDate to, Consumer<Iterator<Report>> sink);

    /**
     * Per night, the ids with reports on several nights that have a report on this one and land on
     * another: the night index counts each of them once too often there.
     */
    Map<LocalDate, Long> spanningElsewhere();

    /** What the night index holds of one night: incidents merged by key, distinct ids. */
    record NightCounts(long keyed, long ids) {
    }

    /**
     * Makes every night count again when the merge mode differs from the one the night index was
     * made with.
     */
    void useMergeMode(boolean acrossSources);

    /** Nights whose reports changed since the index counted them, in night order. */
    List<LocalDate> touchedNights();

    /** Records the counts of a night, which is no longer touched. */
    void putNight(LocalDate night, NightCounts counts);

    /** Every night the index holds, in night order. */
    Map<LocalDate, NightCounts> nightCounts();

    /**
     * The rejected rows {@code scope} shows ({@link RejectionScope#everything()}: every one), file by file
     * in path order, each file's rows in line order.
     */
    void rejections(RejectionScope scope, Consumer<Rejection> sink);

    /** How many rejected rows {@code scope} leaves out. A store may count them without reading them. */
    default long rejectionsOutside(RejectionScope scope) {
        long[] outside = {0};
        rejections(RejectionScope.everything(), rejection -> {
            if (!scope.shows(rejection)) {
                outside[0]++;
            }
        });
        return outside[0];
    }

    /**
     * A name resolved otherwise than exactly, summed over the loaded files' rows on the nights asked for.
     *
     * @param kind   {@code region} or {@code district}
     * @param method alias, transliterated, fuzzy, unresolved
     */
    record ResolutionRow(String kind, String regionIso, String input, MatchMethod method, String canonical, double score,
                         long rows) {
    }

    /** Resolutions of the loaded files' rows on the nights from {@code from} to {@code to}, in no order. */
    List<ResolutionRow> resolutions(LocalDate from, LocalDate to);

    /** A row rejected for its region with a value: the name as written, why, and its night (null: undated). */
    record RejectedRegion(String input, Reason reason, LocalDate night) {
    }

    /** Every row rejected for a region it names, in no order. */
    List<RejectedRegion> rejectedRegions();

    /** A warning of one file, its {@code seq}-th. */
    record FileWarning(String file, String message, int seq) {
    }

    /** Every file's warnings, in no order. */
    List<FileWarning> warnings();

    /**
     * An input file as the source holds it.
     *
     * @param status    LOADING, LOADED or REJECTED
     * @param encoding  its character set (null for a workbook, or a file not read)
     * @param delimiter its field delimiter (null for a workbook, or a file not read)
     */
    record StoredInput(String path, String sha256, String status, String encoding, String delimiter,
                       long rowsRead, long rowsAccepted, long rowsRejected, String message) {
    }

    /** Every input file, in path order. */
    List<StoredInput> inputFiles();
}
