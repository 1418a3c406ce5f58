package com.incidenttally.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Says when each step starts, at debug level on its own logger ({@code incident-tally.steps}):
 * quiet for people, and a mark a test can wait for before it kills a run inside a given step.
 */
final class StepLog implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger("incident-tally.steps");

    /** The step this JVM runs now (one run per JVM), for the line a failure ends with; null before the first. */
    private static volatile String current;

    static String current() {
        return current;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        current = stepExecution.getStepName();
        log.debug("Step {} starts", stepExecution.getStepName());
    }
}
