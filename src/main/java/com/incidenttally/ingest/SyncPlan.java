package com.incidenttally.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a run does with each input file, decided from what the store holds and what the input
 * folder holds now: read it (new, changed, or read under rules that changed since), resume it (an
 * interrupted run left it half-read, and neither it nor the rules changed), leave it (unchanged),
 * or drop its rows (gone from the folder). Plain data in, plain data out: the sync step gathers
 * the facts and carries the plan out.
 *
 * @param toLoad   the files to read, in the folder's order
 * @param toRemove the stored files no longer in the folder, in the store's order
 * @param unchanged how many files are left as the store holds them
 */
public record SyncPlan(List<Load> toLoad, List<String> toRemove, int unchanged) {

    /** Stands for a file that could not be read to its end: it is queued, and reading it rejects it. */
    public static final String UNREADABLE = "unreadable";

    /** A file as the store holds it. */
    public record Stored(String path, String sha256, boolean complete) {
    }

    /**
     * A file in the input folder now.
     *
     * @param sha256            its checksum, or null when it could not be read
     * @param sameRules         its {@code --columns} rules are those its stored rows were read with
     * @param datedAfterItsRun  its stored rows include rows rejected as dated after the clock of the run
     *                          that read them, and this run's clock is later: they may be in the past now
     * @param readWithALaterClock the run that read it had a later clock than this one, so it let in rows
     *                          this run must reject
     */
    public record Present(String path, String sha256, boolean sameRules, boolean datedAfterItsRun,
                          boolean readWithALaterClock) {
    }

    /** Why a file is read: said in Run info beside the file. */
    public enum Why {
        NEW("new"),
        INTERRUPTED("reloaded after an interrupted run"),
        CHANGED("changed"),
        UNREADABLE("could not be read to its end"),
        DATED_AFTER_ITS_RUN("reloaded: it had rows dated after the last run's clock"),
        READ_WITH_A_LATER_CLOCK("reloaded: read before by a run with a later clock"),
        SETTINGS("reloaded: the rules (a new version), night window, aliases or zones changed"),
        COLUMNS("reloaded: its --columns rules changed");

        private final String text;

        Why(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /**
     * A file to read.
     *
     * @param resume true when the store keeps what an interrupted run read of it (the ingest step
     *               resumes from the last committed chunk); false when its stored rows are dropped first
     */
    public record Load(String path, String sha256, boolean resume, Why why) {
    }

    /**
     * The plan for {@code present} (the folder's files, in order) against {@code stored}, when the
     * night window, aliases and zones are {@code sameSettings} as the stored rows were read with.
     */
    public static SyncPlan of(Collection<Stored> stored, List<Present> present, boolean sameSettings) {
        java.util.Map<String, Stored> known = new java.util.HashMap<>();
        for (Stored file : stored) {
            known.put(file.path(), file);
        }
        List<Load> toLoad = new ArrayList<>();
        Set<String> here = new HashSet<>();
        for (Present file : present) {
            here.add(file.path());
            String sha = file.sha256() == null ? UNREADABLE : file.sha256();
            Stored before = known.get(file.path());
            boolean sameContent = before != null && before.sha256().equals(sha) && !UNREADABLE.equals(sha);
            boolean sameReading = sameSettings && file.sameRules();
            if (sameContent && before.complete() && sameReading && !file.datedAfterItsRun()
                    && !file.readWithALaterClock()) {
                continue;
            }
            boolean resume = before != null && !before.complete() && before.sha256().equals(sha) && sameReading;
            toLoad.add(new Load(file.path(), sha, resume, why(before, sha, file, sameSettings)));
        }
        List<String> toRemove = stored.stream().map(Stored::path).filter(path -> !here.contains(path)).toList();
        return new SyncPlan(List.copyOf(toLoad), toRemove, present.size() - toLoad.size());
    }

    private static Why why(Stored before, String sha, Present file, boolean sameSettings) {
        if (before == null) {
            return Why.NEW;
        }
        if (!before.complete()) {
            return Why.INTERRUPTED;
        }
        if (UNREADABLE.equals(sha)) {
            return Why.UNREADABLE;
        }
        if (!before.sha256().equals(sha)) {
            return Why.CHANGED;
        }
        if (file.datedAfterItsRun()) {
            return Why.DATED_AFTER_ITS_RUN;
        }
        if (file.readWithALaterClock()) {
            return Why.READ_WITH_A_LATER_CLOCK;
        }
        return sameSettings ? Why.COLUMNS : Why.SETTINGS;
    }
}
