package com.incidenttally.job;

import com.incidenttally.store.IncidentMerger;
import com.incidenttally.store.IncidentStore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Rebuilds the merged incidents when the rows or the merge mode changed since the last build. */
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
        IncidentMerger.Result result = new IncidentMerger(store).rebuild(run.merge());
        store.setState(BUILT_FROM, wanted);
        contribution.incrementWriteCount(result.incidents());
        log.info("Merged {} rows into {} incidents", String.format("%,d", result.rows()),
                String.format("%,d", result.incidents()));
        return RepeatStatus.FINISHED;
    }
}
