package com.incidenttally.job;

import com.incidenttally.ConsoleLines;
import com.incidenttally.H2Stores;
import com.incidenttally.ingest.FileStamp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sync step trusts a file's remembered checksum only while the file's stamp (size, modification
 * time, ctime, file key) is the one it had when the checksum was taken, and the file had settled by
 * then; every other file is read again to see whether it changed. Each case runs the job twice on an
 * H2 store and reads what the second run decided from its console and from the store.
 */
class FileStampSyncTests {

    private static final String NOW = "--now=2026-03-20T09:00:00Z";
    private static final String FAKE = "f".repeat(64);
    private static final String ROWS = """
            occurred_at,region,district,event_type,source
            2026-03-02 22:00,Belgorod Oblast,,shot_down,governor
            2026-03-03 23:00,Kursk Oblast,,debris,ministry
            """;
    /** The same number of bytes, one figure different. */
    private static final String SAME_SIZE = ROWS.replace("2026-03-03 23:00", "2026-03-04 23:00");

    private static ConsoleLines.Run run(Path input, Path output, Path store) {
        ConsoleLines.Run run = ConsoleLines.run(new String[] {"--input=" + input, "--output=" + output,
                "--db=jdbc:h2:file:" + store.resolve("incidents"), NOW});
        assertThat(run.code()).as(run.output()).isZero();
        return run;
    }

    private static Connection connect(Path store) throws Exception {
        return H2Stores.connect(store);
    }

    /**
     * Makes the checksums the store holds for every file a value no file has, in it_file and in the
     * stamps: a run that trusts a stamp keeps it (the file is unchanged); a run that reads the file
     * finds it changed.
     */
    private static void forgeChecksums(Path store) throws Exception {
        try (Connection c = connect(store); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE it_file SET sha256 = '" + FAKE + "'");
            s.executeUpdate("UPDATE it_file_stamp SET sha256 = '" + FAKE + "'");
        }
    }

    private static String storedChecksum(Path store) throws Exception {
        try (Connection c = connect(store); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT sha256 FROM it_file")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private static long stampedModified(Path store) throws Exception {
        try (Connection c = connect(store); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT modified_ns FROM it_file_stamp")) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }

    /** A file written an hour ago, as far as its modification time says: settled long before any run. */
    private static Path settled(Path input, String text) throws Exception {
        Path file = input.resolve("a.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS)));
        return file;
    }

    /**
     * A store restored from a backup and then changed otherwise than the one it was copied from: the report the
     * other change made is not this run's, however many changes each store counted.
     */
    @Test
    void aStoreRestoredFromABackupNeverTakesTheReportOfAnotherChangeForItsOwn(@TempDir Path input, @TempDir Path output,
            @TempDir Path dir) throws Exception {
        Path store = dir.resolve("store");
        Path file = settled(input, ROWS);
        run(input, output, store);
        copyTree(store, dir.resolve("backup"));
        Files.writeString(file, ROWS.replace("Kursk Oblast", "Bryansk Oblast"), StandardCharsets.UTF_8);
        run(input, output, store);
        assertThat(Files.readString(output.resolve("all/summary.json"))).contains("Bryansk Oblast");

        deleteTree(store);
        copyTree(dir.resolve("backup"), store);
        Files.writeString(file, ROWS.replace("Kursk Oblast", "Rostov Oblast"), StandardCharsets.UTF_8);
        ConsoleLines.Run restored = run(input, output, store);

        assertThat(restored.output()).doesNotContain("Report unchanged since the last run");
        assertThat(Files.readString(output.resolve("all/summary.json"))).contains("Rostov Oblast")
                .doesNotContain("Bryansk Oblast");
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (var paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws Exception {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Test
    void anUnchangedSettledFileIsNotReadAgain(@TempDir Path input, @TempDir Path output, @TempDir Path store)
            throws Exception {
        settled(input, ROWS);
        run(input, output, store);
        forgeChecksums(store);

        ConsoleLines.Run second = run(input, output, store);

        assertThat(second.output()).contains("Input: 1 file, 0 to load, 1 unchanged");
        assertThat(storedChecksum(store)).isEqualTo(FAKE);
    }

    @Test
    void aFileRewrittenWithTheSameSizeAndItsModificationTimeRestoredIsReadAgain(@TempDir Path input,
            @TempDir Path output, @TempDir Path store) throws Exception {
        Path file = settled(input, ROWS);
        FileTime modified = Files.getLastModifiedTime(file);
        run(input, output, store);
        FileStamp before = FileStamp.of(file);
        // Other bytes, the same size and modification time: only the ctime (or, without one, nothing) tells.
        Thread.sleep(20);
        Files.writeString(file, SAME_SIZE, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, modified);
        FileStamp after = FileStamp.of(file);
        assertThat(after.size()).isEqualTo(before.size());
        assertThat(after.modified()).isEqualTo(before.modified());
        // This platform gives ctime: the case the stamp must catch.
        assertThat(after.changed()).isNotNull().isNotEqualTo(before.changed());

        ConsoleLines.Run second = run(input, output, store);

        assertThat(second.output()).contains("Input: 1 file, 1 to load, 0 unchanged");
        assertThat(second.output()).contains("Done: 2 rows read");
    }

    @Test
    void anAppendedFileIsReadAgain(@TempDir Path input, @TempDir Path output, @TempDir Path store) throws Exception {
        Path file = settled(input, ROWS);
        FileTime modified = Files.getLastModifiedTime(file);
        run(input, output, store);
        forgeChecksums(store);
        Files.writeString(file, "2026-03-05 22:00,Kursk Oblast,,debris,ministry\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        Files.setLastModifiedTime(file, modified);

        ConsoleLines.Run second = run(input, output, store);

        assertThat(second.output()).contains("Input: 1 file, 1 to load, 0 unchanged");
        assertThat(second.output()).contains("Done: 3 rows read");
        assertThat(storedChecksum(store)).isNotEqualTo(FAKE);
    }

    @Test
    void aFileReplacedByAnotherWithTheSameStampButItsFileKeyIsReadAgain(@TempDir Path input, @TempDir Path output,
            @TempDir Path store, @TempDir Path elsewhere) throws Exception {
        Path file = settled(input, ROWS);
        FileTime modified = Files.getLastModifiedTime(file);
        run(input, output, store);
        forgeChecksums(store);
        // The same bytes, size and modification time in a new file (a new inode) moved over the old one.
        Path replacement = elsewhere.resolve("a.csv");
        Files.copy(file, replacement);
        Files.setLastModifiedTime(replacement, modified);
        Files.move(replacement, file, StandardCopyOption.REPLACE_EXISTING);

        ConsoleLines.Run second = run(input, output, store);

        // Read again: its checksum is the real one, not the forged one, so it counts as changed.
        assertThat(second.output()).contains("Input: 1 file, 1 to load, 0 unchanged");
        assertThat(storedChecksum(store)).isNotEqualTo(FAKE);
    }

    @Test
    void aTouchedFileIsHashedFoundEqualAndNotReloaded(@TempDir Path input, @TempDir Path output, @TempDir Path store)
            throws Exception {
        Path file = settled(input, ROWS);
        run(input, output, store);
        long first = stampedModified(store);
        FileTime touched = FileTime.from(Instant.now().minus(30, ChronoUnit.MINUTES));
        Files.setLastModifiedTime(file, touched);

        ConsoleLines.Run second = run(input, output, store);

        assertThat(second.output()).contains("Input: 1 file, 0 to load, 1 unchanged");
        // Hashed again: the stamp now is the touched one.
        assertThat(stampedModified(store)).isNotEqualTo(first)
                .isEqualTo(FileStamp.of(file).modified());
    }

    @Test
    void aFileModifiedJustBeforeItWasHashedIsHashedAgainNextTime(@TempDir Path input, @TempDir Path output,
            @TempDir Path store) throws Exception {
        // Modified (as its time says) no earlier than the run hashes it: its stamp cannot vouch for it.
        Path file = input.resolve("a.csv");
        Files.writeString(file, ROWS, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plus(1, ChronoUnit.MINUTES)));
        run(input, output, store);
        forgeChecksums(store);

        ConsoleLines.Run second = run(input, output, store);

        assertThat(second.output()).contains("Input: 1 file, 1 to load, 0 unchanged");
        assertThat(storedChecksum(store)).isNotEqualTo(FAKE);
    }

    @Test
    void aFileGoneFromTheInputTakesItsStampWithIt(@TempDir Path input, @TempDir Path output, @TempDir Path store)
            throws Exception {
        settled(input, ROWS);
        Files.writeString(input.resolve("b.csv"), SAME_SIZE, StandardCharsets.UTF_8);
        Files.writeString(input.resolve("c.csv"), ROWS.replace("governor", "mayor"), StandardCharsets.UTF_8);
        run(input, output, store);
        assertThat(stampedPaths(store)).containsExactlyInAnyOrderElementsOf(pathKeys(store));
        assertThat(stampedPaths(store)).hasSize(3);

        Files.delete(input.resolve("b.csv"));
        ConsoleLines.Run second = run(input, output, store);

        assertThat(second.output()).contains("1 removed");
        assertThat(stampedPaths(store)).hasSize(2).containsExactlyInAnyOrderElementsOf(pathKeys(store));
    }

    private static List<String> stampedPaths(Path store) throws Exception {
        return column(store, "SELECT path_key FROM it_file_stamp");
    }

    private static List<String> pathKeys(Path store) throws Exception {
        return column(store, "SELECT path_key FROM it_file");
    }

    private static List<String> column(Path store, String query) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = connect(store); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    @Test
    void aStampVouchesOnlyWhenEveryPartIsTheSameAndTheFileHadSettled() {
        long hashedAt = 100_000_000_000L;
        long settledTime = hashedAt - FileStamp.SETTLED_NANOS;
        FileStamp remembered = new FileStamp(10, settledTime, settledTime, "(dev=1,ino=2)");
        assertThat(remembered.vouchesFor(remembered, hashedAt)).isTrue();
        assertThat(new FileStamp(11, settledTime, settledTime, "(dev=1,ino=2)").vouchesFor(remembered, hashedAt)).isFalse();
        assertThat(new FileStamp(10, settledTime - 1, settledTime, "(dev=1,ino=2)").vouchesFor(remembered, hashedAt)).isFalse();
        assertThat(new FileStamp(10, settledTime, settledTime + 5, "(dev=1,ino=2)").vouchesFor(remembered, hashedAt)).isFalse();
        assertThat(new FileStamp(10, settledTime, null, "(dev=1,ino=2)").vouchesFor(remembered, hashedAt)).isFalse();
        assertThat(new FileStamp(10, settledTime, settledTime, "(dev=1,ino=3)").vouchesFor(remembered, hashedAt)).isFalse();
        assertThat(remembered.vouchesFor(null, hashedAt)).isFalse();
        // Modified within the settling time before the checksum: the same stamp does not vouch.
        FileStamp racy = new FileStamp(10, settledTime + 1, settledTime, null);
        assertThat(racy.vouchesFor(racy, hashedAt)).isFalse();
        FileStamp withoutCtime = new FileStamp(10, settledTime, null, null);
        assertThat(withoutCtime.vouchesFor(withoutCtime, hashedAt)).isTrue();
    }
}
