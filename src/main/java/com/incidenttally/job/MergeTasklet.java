package com.incidenttally.job;

import com.incidenttally.store.IncidentStore;
import com.incidenttally.store.StoreReportSource;
import com.incidenttally.tally.Period;
import com.incidenttally.tally.PeriodSweep;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Brings the night index up to date for the nights whose rows changed and that the report will
 * not read: the report merges the nights it shows (and the previous period's) as it writes them.
 * A new file thus costs the merge of its own nights, never the whole store.
 */
class MergeTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger("incident-tally");
    static final String BUILT_FROM = "incidents.builtFrom";

    private final IncidentStore store;

    MergeTasklet(IncidentStore store) {
        this.store = store;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RunParameters run = RunParameters.of(chunkContext.getStepContext().getStepExecution().getJobParameters());
        String wanted = store.generation() + (run.merge() ? "/merge" : "/no-merge");
        if (wanted.equals(store.state(BUILT_FROM).orElse(""))) {
            log.info("Incidents unchanged since the last run");
            return RepeatStatus.FINISHED;
        }
        Period period = ReportTasklet.period(store, run);
        Period previous = period.label().equals("all") ? null : period.previous();
        PeriodSweep.countNights(new StoreReportSource(store, run.output()), run.merge(),
                previous == null ? period.from() : previous.from(), period.to());
        store.setState(BUILT_FROM, wanted);
        return RepeatStatus.FINISHED;
    }
}
