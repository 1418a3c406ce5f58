package com.incidenttally.job;

import com.incidenttally.store.IncidentStore;
import com.incidenttally.store.StoreSpace;
import com.incidenttally.store.StoredFile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the job for one command line: restarts the same run if it failed or was killed, starts a
 * new one otherwise, and turns the outcome into the exit code and the last line a person reads.
 */
@Component
public class ReportRunner {

    private static final Logger log = LoggerFactory.getLogger("incident-tally");
    private static final Set<BatchStatus> RESTARTABLE = Set.of(BatchStatus.FAILED, BatchStatus.STOPPED);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job job;
    private final IncidentStore store;
    private final long compactMinBytes;

    ReportRunner(JobOperator jobOperator, JobRepository jobRepository, Job incidentReportJob, IncidentStore store,
                 @Value("${incident-tally.compact-min-bytes:" + StoreSpace.DEFAULT_MIN_BYTES + "}") long compactMinBytes) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.job = incidentReportJob;
        this.store = store;
        this.compactMinBytes = compactMinBytes;
    }

    /** What a run ended with. */
    public record Outcome(int exitCode, JobExecution execution, String summary) {
    }

    /**
     * Runs the job for these options; {@code started} is when the run began (the process's start
     * for a command line), so the {@code Done:} line says how long it took.
     */
    public Outcome run(RunOptions options, Instant started) throws Exception {
        RunParameters wanted = RunParameters.of(options);
        Optional<String> refused = RemovalGuard.refusal(store.files(), wanted.input(), wanted.output(),
                options.acceptRemovals());
        if (refused.isPresent()) {
            return new Outcome(INCOMPLETE, null, ConsoleText.line("incident-tally: " + refused.get()));
        }
        JobExecution execution = launch(wanted);
        Outcome outcome = outcome(options, wanted, execution, Duration.between(started, Instant.now()));
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            StoreCompaction.ifSparse(store, compactMinBytes, StoreUrl.h2File(options.db())).ifPresent(log::info);
        }
        return outcome;
    }

    private JobExecution launch(RunParameters wanted) throws Exception {
        JobInstance lastInstance = jobRepository.getLastJobInstance(IncidentReportJobConfiguration.JOB_NAME);
        long runId = 1;
        if (lastInstance != null) {
            runId = lastInstance.getInstanceId() + 1;
            JobExecution last = jobRepository.getLastJobExecution(lastInstance);
            if (last != null && last.getStatus().isRunning()) {
                // We hold the store, so no other run is alive: this one was killed mid-way.
                log.info("The previous run (execution {}) was interrupted; recovering it", last.getId());
                last = jobOperator.recover(last);
            }
            if (last != null && RESTARTABLE.contains(last.getStatus())
                    && RunParameters.of(last.getJobParameters()).sameRunAs(wanted)) {
                log.info("Restarting the failed run with the same options (execution {})", last.getId());
                // On this run's clock, not the failed run's: rows dated since then are not in the future now, and a
                // run restarted a week later reports as a run started then would. Starting the failed run's
                // instance again (its identifying parameters) restarts it, with its execution context.
                return jobOperator.start(job, wanted.onClockOf(last.getJobParameters()));
            }
        }
        return jobOperator.start(job, wanted.toJobParameters(runId));
    }

    /** Exit code 3: {@code --fail-on-rejects} and rows were rejected. */
    public static final int REJECTS = 3;
    /**
     * Exit code 4: the run is not the one a scheduler expects. An input file was rejected whole or
     * the period has no incident (the report is written all the same; takes precedence over 3), or
     * a sync would remove more than half of the stored files (nothing is changed).
     */
    public static final int INCOMPLETE = 4;

    private Outcome outcome(RunOptions options, RunParameters wanted, JobExecution execution, Duration took) {
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            String line = execution.getAllFailureExceptions().stream().findFirst().map(FailureAdvice::of)
                    .orElse("FAILED: " + execution.getExitStatus().getExitDescription() + " (" + FailureAdvice.RESUME + ")");
            return new Outcome(1, execution, ConsoleText.line(line));
        }
        IncidentStore.RowTotals rows = store.rowTotals();
        var context = execution.getExecutionContext();
        long incidents = context.containsKey(ReportTasklet.REPORT_INCIDENTS) ? context.getLong(ReportTasklet.REPORT_INCIDENTS) : 0;
        long filesRejected = store.files().stream().filter(f -> StoredFile.REJECTED.equals(f.status())).count();
        List<String> lines = new ArrayList<>();
        String provisional = context.getString(ReportTasklet.REPORT_PROVISIONAL, "");
        if (!provisional.isEmpty()) {
            lines.add(ConsoleText.line(provisional));
        }
        String rejections = context.getString(ReportTasklet.REPORT_REJECTIONS, "");
        if (!rejections.isEmpty()) {
            lines.addAll(List.of(rejections.split("\n")));
        }
        long rejected = store.rejectionCount();
        List<String> why = new ArrayList<>();
        if (filesRejected > 0) {
            why.add(ConsoleText.count(filesRejected, "inputFileWas") + " rejected whole"
                    + " (see rejected.csv)");
        }
        if (incidents == 0 && !options.allowEmpty()) {
            why.add("no incident " + (wanted.from() == null ? "in the store"
                    : "in " + ConsoleText.period(wanted.label(), wanted.from(), wanted.to()))
                    + " (--allow-empty keeps 0 for a quiet period)");
        }
        int exitCode = 0;
        if (!why.isEmpty()) {
            exitCode = INCOMPLETE;
            lines.add("Exit code 4: " + String.join("; ", why) + "; the report is written all the same");
        } else if (wanted.failOnRejects() && rejected > 0) {
            exitCode = REJECTS;
            lines.add("Exit code 3 (--fail-on-rejects): " + rejectedWhat(rows.rejected(), filesRejected)
                    + " rejected; the report is written all the same");
        }
        // The run's figures and its duration last (SPEC, Running: the last line gives the run's duration), after what
        // they need said about them.
        lines.add(ConsoleText.line(done(wanted, rows, filesRejected, incidents,
                shown(context.getString(ReportTasklet.REPORT_DIR, "?"))) + "; took " + ConsoleText.duration(took)));
        return new Outcome(exitCode, execution, String.join(System.lineSeparator(), lines));
    }

    /**
     * {@code Done: 14 rows read, 14 accepted, 0 rejected; 7 incidents in 2025-W50 (8–14 Dec); report
     * in reports/2025-W50/}. A period asked for is named with its evening dates, so a
     * {@code --week=last} says which week it took and an empty period says which one was empty.
     */
    static String done(RunParameters wanted, IncidentStore.RowTotals rows, long filesRejected, long incidents,
                       String reportDir) {
        StringBuilder line = new StringBuilder("Done: ")
                .append(ConsoleText.count(rows.read(), "row")).append(" read, ")
                .append(String.format(Locale.ROOT, "%,d accepted, %,d rejected", rows.accepted(), rows.rejected()));
        if (filesRejected > 0) {
            line.append(", ").append(ConsoleText.count(filesRejected, "file")).append(" rejected whole");
        }
        line.append("; ").append(incidents == 0 ? "no incidents" : ConsoleText.count(incidents, "incident"));
        if (wanted.from() != null) {
            line.append(" in ").append(ConsoleText.period(wanted.label(), wanted.from(), wanted.to()));
        }
        return line.append("; report in ").append(reportDir).toString();
    }

    private static String rejectedWhat(long rows, long files) {
        if (files == 0) {
            return ConsoleText.count(rows, "rowWas");
        }
        if (rows == 0) {
            return ConsoleText.count(files, "fileWas");
        }
        return ConsoleText.count(rows, "row") + " and " + ConsoleText.count(files, "file") + " were";
    }

    /** The report folder as a person would type it: relative to where they ran the job, if inside it. */
    private static String shown(String folder) {
        java.nio.file.Path path = java.nio.file.Path.of(folder);
        java.nio.file.Path here = java.nio.file.Path.of("").toAbsolutePath();
        return (path.startsWith(here) ? here.relativize(path) : path) + java.io.File.separator;
    }
}
