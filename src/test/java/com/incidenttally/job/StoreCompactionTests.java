package com.incidenttally.job;

import com.incidenttally.ConsoleLines;
import com.incidenttally.H2Stores;

import com.incidenttally.store.IncidentStore;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An H2 store mostly of space no row uses is compacted as a run ends, and reads back as it was;
 * a small one is left alone. The floor of 16 MB is lowered to nothing here for one run, so that a
 * small input makes a store to compact.
 */
class StoreCompactionTests {

    private static final String FLOOR = "incident-tally.compact-min-bytes";
    private static final String NOW = "--now=2025-12-10T09:00:00Z";

    private static String[] args(Path dir, String store, String output) {
        return new String[] {"--input=" + dir.resolve("input"), "--output=" + dir.resolve(output),
                "--db=jdbc:h2:file:" + dir.resolve(store).resolve("incidents"), NOW};
    }

    private static String done(String output) {
        // From "Done:" to the report folder, which differs between the two runs.
        return output.lines().filter(line -> line.contains("Done: "))
                .map(line -> line.substring(line.indexOf("Done: ")).replaceAll("; report in .*", ""))
                .reduce((first, second) -> second).orElse("(no Done line) " + output);
    }

    @Test
    void aSparseStoreIsCompactedAsTheRunEndsAndReadsBackAsAStoreNeverCompacted(@TempDir Path dir) throws Exception {
        ChildRun.writeInput(dir.resolve("input"), 3, 200);

        ConsoleLines.Run compacting;
        System.setProperty(FLOOR, "0");
        try {
            compacting = ConsoleLines.run(args(dir, "compacted", "out-compacted"));
        } finally {
            System.clearProperty(FLOOR);
        }
        assertThat(compacting.code()).as(compacting.output()).isZero();
        ConsoleLines.Run plain = ConsoleLines.run(args(dir, "plain", "out-plain"));
        assertThat(plain.code()).as(plain.output()).isZero();

        assertThat(compacting.output()).containsPattern("Store compacted from [0-9,]+ [KM]B to [0-9,]+ [KM]B in [0-9.]+ m?s "
                + "\\(data filled \\d+% of it\\)");
        assertThat(plain.output()).as("16 MB is the floor").doesNotContain("compacted");
        Path compacted = dir.resolve("compacted/incidents.mv.db");
        assertThat(Files.size(compacted)).isLessThan(Files.size(dir.resolve("plain/incidents.mv.db")));
        assertThat(dir.resolve("compacted/incidents.trace.db")).doesNotExist();
        assertThat(done(compacting.output())).isEqualTo(done(plain.output()));

        // The compacted store is read and written on: one more file, then the report of all of it.
        ChildRun.writeInput(dir.resolve("input/more"), 1, 50);
        ConsoleLines.Run onCompacted = ConsoleLines.run(args(dir, "compacted", "out-compacted"));
        ConsoleLines.Run onPlain = ConsoleLines.run(args(dir, "plain", "out-plain"));

        assertThat(onCompacted.code()).as(onCompacted.output()).isZero();
        assertThat(onCompacted.output()).contains("1 to load, 3 unchanged");
        assertThat(done(onCompacted.output())).isEqualTo(done(onPlain.output())).contains("652 rows read");
        assertThat(Files.readString(dir.resolve("out-compacted/all/incidents.csv")))
                .isEqualTo(Files.readString(dir.resolve("out-plain/all/incidents.csv")));
        assertThat(Files.readString(dir.resolve("out-compacted/all/rejected.csv")))
                .isEqualTo(Files.readString(dir.resolve("out-plain/all/rejected.csv")));
    }

    @Test
    void aCompactionThatFailsIsSaidAndLeavesTheStoreAsItWas(@TempDir Path dir) throws Exception {
        IncidentStore store = IncidentStore.open(H2Stores.file(dir));
        for (int i = 0; i < 20; i++) {
            store.finishFile(store.beginFile("f" + i + ".csv", "sha-" + i), "UTF-8", List.of(), Instant.EPOCH);
        }
        assertThat(store.space()).hasValueSatisfying(space -> assertThat(space.worthCompacting(0)).isTrue());
        assertThat(StoreCompaction.ifSparse(store, Long.MAX_VALUE, Optional.empty())).as("under the floor").isEmpty();
        // H2 writes the compacted store to incidents.mv.db.tempFile, deleting one first: a folder that
        // cannot be deleted stops it, as a full disk or a read-only folder would.
        Path inTheWay = Files.createDirectories(dir.resolve("incidents.mv.db.tempFile/in-the-way"));

        Optional<String> said = StoreCompaction.ifSparse(store, 0, Optional.of(dir.resolve("incidents.mv.db")));

        assertThat(said).hasValueSatisfying(line -> assertThat(line).startsWith("The store was not compacted (")
                .endsWith("); it is left as it was"));
        Files.delete(inTheWay);
        Files.delete(inTheWay.getParent());
        JdbcTemplate reopened = H2Stores.file(dir);
        assertThat(IncidentStore.open(reopened).files()).hasSize(20);
        reopened.execute("SHUTDOWN");
    }
}
