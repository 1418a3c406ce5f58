package com.incidenttally.job;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

/** incidents.csv is written beside the workbook: its failure is the report's, as it would be on one thread. */
class ReportTaskletTests {

    @Test
    void aFileWrittenBesideTheWorkbookFailsTheReportWithItsOwnError() {
        IOException full = new IOException("No space left on device");

        Throwable thrown = catchThrowable(() -> ReportTasklet.written(CompletableFuture.failedFuture(full)));

        assertThat(thrown).isSameAs(full);
    }

    @Test
    void anErrorBesideTheWorkbookIsNotWrapped() {
        OutOfMemoryError heap = new OutOfMemoryError("Java heap space");

        Throwable thrown = catchThrowable(() -> ReportTasklet.written(CompletableFuture.failedFuture(heap)));

        assertThat(thrown).isSameAs(heap);
    }

    @Test
    void aFileWrittenWholeLetsTheReportGoOn() {
        assertThatCode(() -> ReportTasklet.written(CompletableFuture.completedFuture(null))).doesNotThrowAnyException();
    }
}
