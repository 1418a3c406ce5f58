package com.incidenttally.job;

import com.incidenttally.store.IncidentStore;
import com.incidenttally.store.StoredFile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

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

    ReportRunner(JobOperator jobOperator, JobRepository jobRepository, Job incidentReportJob, IncidentStore store) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.job = incidentReportJob;
        this.store = store;
    }

    /** What a run ended with. */
    public record Outcome(int exitCode, JobExecution execution, String summary) {
    }

    public Outcome run(RunOptions options) throws Exception {
        RunParameters wanted = RunParameters.of(options);
        JobExecution execution = launch(wanted);
        return outcome(wanted, execution);
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
            if (last != null && RESTARTABLE.contains(last.getStatus())) {
                // A run that did not finish may have left rows past the row counter (a kill between
                // H2's writes): numbering goes on after them, whichever options this run has.
                store.repairRowNumbers();
            }
            if (last != null && RESTARTABLE.contains(last.getStatus())
                    && RunParameters.of(last.getJobParameters()).sameRunAs(wanted)) {
                log.info("Restarting the failed run with the same options (execution {})", last.getId());
                return jobOperator.restart(last);
            }
        }
        return jobOperator.start(job, wanted.toJobParameters(runId));
    }

    private Outcome outcome(RunParameters wanted, JobExecution execution) {
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            String line = execution.getAllFailureExceptions().stream().findFirst().map(FailureAdvice::of)
                    .orElse("FAILED: " + execution.getExitStatus().getExitDescription() + " (" + FailureAdvice.RESUME + ")");
            return new Outcome(1, execution, line);
        }
        IncidentStore.RowTotals rows = store.rowTotals();
        var context = execution.getExecutionContext();
        long incidents = context.containsKey(ReportTasklet.REPORT_INCIDENTS) ? context.getLong(ReportTasklet.REPORT_INCIDENTS) : 0;
        String summary = String.format("Done: %,d rows read, %,d accepted, %,d rejected; %,d incidents; report in %s",
                rows.read(), rows.accepted(), rows.rejected(), incidents, shown(context.getString(ReportTasklet.REPORT_DIR, "?")));
        long filesRejected = store.files().stream().filter(f -> StoredFile.REJECTED.equals(f.status())).count();
        if (filesRejected > 0) {
            summary = summary.replace(" rejected; ", " rejected, " + filesRejected
                    + (filesRejected == 1 ? " file" : " files") + " rejected whole; ");
        }
        int exitCode = wanted.failOnRejects() && store.rejectionCount() > 0 ? 3 : 0;
        return new Outcome(exitCode, execution, summary);
    }

    /** The report folder as a person would type it: relative to where they ran the job, if inside it. */
    private static String shown(String folder) {
        java.nio.file.Path path = java.nio.file.Path.of(folder);
        java.nio.file.Path here = java.nio.file.Path.of("").toAbsolutePath();
        return (path.startsWith(here) ? here.relativize(path) : path) + java.io.File.separator;
    }
}
