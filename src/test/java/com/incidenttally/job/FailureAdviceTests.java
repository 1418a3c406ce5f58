package com.incidenttally.job;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;

import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/** Only a failure that a rerun can get past says "run it again". */
class FailureAdviceTests {

    @Test
    void aFileProblemResumesOnceFixed() {
        String line = FailureAdvice.of(new IllegalStateException("writing the report",
                new UncheckedIOException(new FileSystemException("reports/all: No space left on device"))));
        assertThat(line).startsWith("FAILED: reports/all: No space left on device").contains(FailureAdvice.RESUME);
    }

    @Test
    void aLostConnectionResumes() {
        assertThat(FailureAdvice.of(new DataAccessResourceFailureException("connection reset")))
                .contains(FailureAdvice.RESUME);
    }

    @Test
    void aFileThatKeptChangingResumesOnceLeftAlone() {
        assertThat(FailureAdvice.of(new IncidentFileItemReader.InputChangedException("a.csv", 3)))
                .contains("a.csv changed while it was read").contains(FailureAdvice.RESUME);
    }

    @Test
    void aFaultThatWouldComeBackSaysSoInsteadOfRunItAgain() {
        String line = FailureAdvice.of(new IllegalArgumentException("Invalid column index (16384)"));
        assertThat(line).startsWith("FAILED: Invalid column index (16384).")
                .contains("will fail the same way").doesNotContain("run it again");
    }

    @Test
    void aStoreThatContradictsItselfSaysHowToRebuildIt() {
        String line = FailureAdvice.of(new DuplicateKeyException("Unique index or primary key violation"));
        assertThat(line).contains("move the H2 file aside").contains("read again from the input")
                .doesNotContain(FailureAdvice.RESUME);
    }

    @Test
    void aStoreThatCannotBeWrittenSaysWhatToGrant() {
        // As H2 fails when its file is read-only for the job's user.
        String line = FailureAdvice.of(new org.springframework.jdbc.UncategorizedSQLException("insert", "INSERT",
                new java.sql.SQLException("The database is read only; SQL statement:", "90097", 90097)));
        assertThat(line).startsWith("FAILED: the store cannot be written (The database is read only): ")
                .contains("write access to the store's file and folder").contains(FailureAdvice.RESUME)
                .doesNotContain("fault in incident-tally");
    }

    @Test
    void aPasswordInAFailureIsNeverShown() {
        assertThat(FailureAdvice.of(new IllegalStateException("jdbc:postgresql://db/x?password=hunter2")))
                .doesNotContain("hunter2");
    }
}
