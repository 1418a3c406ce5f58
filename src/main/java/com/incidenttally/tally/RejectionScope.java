package com.incidenttally.tally;

import com.incidenttally.incident.Rejection;
import java.util.Set;

/**
 * Which rejected rows a report speaks of: those whose night lies in its period, and the undated
 * ones (no usable date: they belong to no period, so every report shows them until they are
 * fixed). A report of all nights shows every one. A row of a file this run read is new since the
 * last run.
 */
public final class RejectionScope {

    private final Period period;
    private final boolean everyNight;
    private final Set<String> filesReadThisRun;

    /**
     * @param period           the report's period; {@code all} (or null) takes every night
     * @param filesReadThisRun the paths of the input files this run read (new, changed or read again)
     */
    public RejectionScope(Period period, Set<String> filesReadThisRun) {
        this.period = period;
        this.everyNight = period == null || "all".equals(period.label());
        this.filesReadThisRun = Set.copyOf(filesReadThisRun);
    }

    /** Every rejection, none of them new. */
    public static RejectionScope everything() {
        return new RejectionScope(null, Set.of());
    }

    /** Whether the report shows the rejection: undated, or dated within its period. */
    public boolean shows(Rejection rejection) {
        return shows(rejection.night());
    }

    /** Whether the report shows a rejection of this night (null: undated). */
    public boolean shows(java.time.LocalDate night) {
        return everyNight || night == null || period.contains(night);
    }

    /**
     * Whether the rejection came from a file this run read. A rejection names its file as messages do,
     * {@code path} or {@code path#Sheet} for a sheet of a workbook (a sheet's name may hold {@code #}).
     */
    public boolean isNew(Rejection rejection) {
        String file = rejection.file();
        if (file == null || filesReadThisRun.isEmpty()) {
            return false;
        }
        if (filesReadThisRun.contains(file)) {
            return true;
        }
        for (int hash = file.indexOf('#'); hash > 0; hash = file.indexOf('#', hash + 1)) {
            if (filesReadThisRun.contains(file.substring(0, hash))) {
                return true;
            }
        }
        return false;
    }

    /** The report's period; null when it takes every night. */
    public Period period() {
        return everyNight ? null : period;
    }

    /** Whether the report takes every night, so that no rejection lies outside it. */
    public boolean everyNight() {
        return everyNight;
    }
}
