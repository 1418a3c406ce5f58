package com.incidenttally.job;

import com.incidenttally.ingest.ColumnMapping;
import com.incidenttally.ingest.ColumnMappingException;
import com.incidenttally.ingest.FileStamp;
import com.incidenttally.ingest.InputFiles;
import com.incidenttally.ingest.SyncPlan;
import com.incidenttally.normalize.IncidentNormalizer;
import com.incidenttally.store.FileStamps;
import com.incidenttally.store.IncidentStore;
import com.incidenttally.store.StoredFile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Brings the store in line with the input folder: new and changed files (by SHA-256) are queued
 * for loading, files a crashed run left half-loaded are queued again, removed files' rows go,
 * unchanged files are not read again. It runs again when a failed run is restarted, so a restart
 * sees what changed in the input since.
 */
class FileSyncTasklet implements Tasklet {

    static final String FILES_TO_LOAD = "files.toLoad";
    static final String FILE_STATUS = "files.status";
    private static final String SETTINGS = "rows.settings";
    /** The mapping ({@code --columns}) the stored rows were read with: its rules, or a checksum of long ones. */
    private static final String COLUMNS = "rows.columns";
    /** What fits the store's state column; a longer mapping is remembered by its checksum. */
    private static final int REMEMBERED = 900;

    private static final Logger log = LoggerFactory.getLogger("incident-tally");

    private final IncidentStore store;

    FileSyncTasklet(IncidentStore store) {
        this.store = store;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        RunParameters run = RunParameters.of(chunkContext.getStepContext().getStepExecution().getJobParameters());
        Path input = run.input();
        Map<String, StoredFile> stored = store.filesByPath();
        // Rows are normalized with the night window, the aliases file, the regions' zones and this version's rules:
        // when any changed, every file is read again rather than tallied by yesterday's rules.
        String settings = "rules " + IncidentNormalizer.RULES + "; night window " + run.nightWindow() + "; aliases "
                + (run.aliases() == null ? "none" : InputFiles.sha256(run.aliases()))
                + (run.zones().isEmpty() ? "" : "; zones " + run.zones());
        // Kept as a digest: any number of --zone options fits the store's column.
        String settingsKey = digest(settings);
        boolean sameSettings = store.state(SETTINGS).map(settingsKey::equals).orElse(true);
        store.setState(SETTINGS, settingsKey);
        if (!sameSettings && !stored.isEmpty()) {
            // A run that reads a big store again takes as long as its first load: the operator is told why.
            log.info("Every stored file is read again: the rules (a new version), night window, aliases or zones changed");
        }
        // A changed mapping reads again the files whose rules changed, and only those.
        ColumnMapping mapping = mapping(run);
        String remembered = remembered(mapping.text());
        String before = store.state(COLUMNS).orElse("");
        ColumnMapping earlier = before.equals(remembered) ? mapping
                : before.startsWith("sha256:") ? null : ColumnMapping.fromText(before);
        store.setState(COLUMNS, remembered);
        // Rows rejected as dated after an earlier run's clock may be in the past if this run's
        // clock is later; with the same clock they are rejected again, so the file is not reread.
        Set<String> datedAfterTheirRun = new HashSet<>();
        store.filesWithFutureRejections().forEach((path, readAt) -> {
            if (run.clock().isAfter(readAt)) {
                datedAfterTheirRun.add(path);
            }
        });
        // And the other way: a run with an earlier clock reads again what a later clock let in.
        Set<String> readWithALaterClock = store.filesReadAfter(run.clock());
        InputFiles.Scan scan = InputFiles.scan(input, run.output());
        for (Path link : scan.skippedLinks()) {
            if (com.incidenttally.report.OutputFolder.isReportLink(link, run.output())) {
                // The job's own report, when the output folder is the input folder: not a user's file.
                continue;
            }
            log.warn("Warning: skipped {}: a link; links in the input folder are not followed (put the file itself there)",
                    InputFiles.relativeName(input, link));
        }
        for (Path other : scan.otherSpreadsheets()) {
            String name = InputFiles.relativeName(input, other);
            log.warn("Warning: not read: {}: {} files are not input; save it as .xlsx or CSV UTF-8", name,
                    name.substring(name.lastIndexOf('.')));
        }
        if (scan.outputSkipped()) {
            log.info("Not read: the output folder {} inside the input folder (the job's own reports)", run.output());
        }
        List<Path> files = scan.files();
        List<SyncPlan.Present> present = new ArrayList<>();
        FileStamps stamps = new FileStamps(store);
        Map<String, FileStamps.Stamped> kept = stamps.all();
        for (Path file : files) {
            String name = InputFiles.relativeName(input, file);
            boolean sameRules = earlier == mapping || earlier != null
                    && earlier.fingerprintFor(name).equals(mapping.fingerprintFor(name));
            present.add(new SyncPlan.Present(name, checksum(file, name, stored.get(name), kept, stamps), sameRules,
                    datedAfterTheirRun.contains(name), readWithALaterClock.contains(name)));
        }
        SyncPlan plan = SyncPlan.of(stored.values().stream()
                .map(f -> new SyncPlan.Stored(f.path(), f.sha256(), f.complete())).toList(), present, sameSettings);
        ArrayList<String> toLoad = new ArrayList<>();
        HashMap<String, String> status = new HashMap<>();
        for (SyncPlan.Load load : plan.toLoad()) {
            // A file an interrupted run left half-read keeps its rows: the ingest step resumes it
            // from its last committed chunk if it was the file being read, else reads it afresh.
            if (!load.resume()) {
                store.beginFile(load.path(), load.sha256());
            }
            toLoad.add(load.path());
            status.put(load.path(), load.why().text());
        }
        for (String gone : plan.toRemove()) {
            store.removeFile(stored.get(gone).id());
        }
        if (!plan.toRemove().isEmpty()) {
            store.markRemoved();
        }
        log.info("Input: {}, {} to load, {} unchanged, {} removed", ConsoleText.count(files.size(), "file"),
                toLoad.size(), plan.unchanged(), plan.toRemove().size());
        var context = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
        context.put(FILES_TO_LOAD, toLoad);
        // A rerun of an interrupted run carries it on: the files that run read were read by this one
        // too (their rejections are new since the last run, as an uninterrupted run would say).
        if (context.get(FILE_STATUS) instanceof Map<?, ?> interrupted) {
            interrupted.forEach((name, said) -> status.putIfAbsent((String) name, (String) said));
        }
        context.put(FILE_STATUS, status);
        return RepeatStatus.FINISHED;
    }

    /**
     * The file's SHA-256: the one the store holds for it when the file's stamp is the one it had when
     * that checksum was taken and it had settled by then ({@link FileStamp#vouchesFor}); else read
     * from the file, and its stamp remembered. Null when the file cannot be read.
     */
    private static String checksum(Path file, String name, StoredFile stored, Map<String, FileStamps.Stamped> remembered,
                                   FileStamps stamps) {
        FileStamp stamp = FileStamp.of(file);
        FileStamps.Stamped known = remembered.get(FileStamps.key(name));
        if (stamp != null && stored != null && known != null && known.sha256().equals(stored.sha256())
                && stamp.vouchesFor(known.stamp(), known.hashedAt())) {
            return known.sha256();
        }
        long hashedAt = FileStamp.now();
        String sha = InputFiles.sha256OrNull(file);
        if (sha != null && stamp != null) {
            stamps.put(name, new FileStamps.Stamped(sha, stamp, hashedAt));
        }
        return sha;
    }

    /** The run's mapping file, read again as the step starts (it was checked before the run began). */
    static ColumnMapping mapping(RunParameters run) {
        if (run.columns() == null) {
            return ColumnMapping.NONE;
        }
        try {
            return ColumnMapping.read(run.columns());
        } catch (ColumnMappingException e) {
            throw new IllegalStateException("--columns: " + e.getMessage(), e);
        }
    }

    private static String remembered(String text) {
        return text.length() <= REMEMBERED ? text : "sha256:" + InputFiles.sha256(text);
    }

    private static String digest(String text) {
        return "sha256 " + InputFiles.sha256(text);
    }
}
