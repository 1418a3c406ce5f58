package com.incidenttally.store;

import com.incidenttally.H2Stores;
import com.incidenttally.incident.DistrictKey;
import com.incidenttally.incident.EventType;
import com.incidenttally.incident.Incident;
import com.incidenttally.places.Gazetteer;
import com.incidenttally.tally.MergeNote;
import com.incidenttally.tally.MergedIncident;
import com.incidenttally.tally.Period;
import com.incidenttally.tally.PeriodReport;
import com.incidenttally.tally.PeriodSweep;
import com.incidenttally.tally.Places;
import com.incidenttally.tally.Report;
import com.incidenttally.tally.ReportSource;
import com.incidenttally.tally.WorkFolder;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The report's sweep over nights bigger than the merge's budget: the same incidents, in the same
 * listing order, and the same notes as with a budget that holds everything; its work folder made
 * inside the output folder while it runs, and gone afterwards, also when the sweep fails.
 */
class BigNightSweepTests {

    private static final LocalDate NIGHT = LocalDate.parse("2025-12-07");
    private static final List<String> DISTRICTS = List.of("Bokovsky District", "Millerovsky District",
            "Chertkovsky District");
    private static final List<String> SOURCES = List.of("Governor", "News", "Ministry");

    @TempDir
    Path output;

    private final IncidentStore store = IncidentStore.open(memoryStore());

    private static JdbcTemplate memoryStore() {
        return H2Stores.memoryTemplate();
    }

    @AfterEach
    void budgetBack() {
        System.clearProperty(StoredReports.BUDGET_PROPERTY);
    }

    /** Two nights, the first big; ids (one on both nights), exact duplicates, three sources. */
    private void load() {
        Random random = new Random(11);
        List<Incident> rows = new ArrayList<>();
        for (int line = 2; line < 3_000; line++) {
            int night = random.nextInt(5) == 0 ? 1 : 0;
            String district = DISTRICTS.get(random.nextInt(DISTRICTS.size()));
            String source = SOURCES.get(random.nextInt(SOURCES.size()));
            String id = random.nextInt(10) == 0 ? "ID-" + random.nextInt(40) : null;
            String hash = random.nextInt(10) == 0 ? "same-" + random.nextInt(30) : "hash-" + line;
            EventType type = EventType.values()[random.nextInt(3)];
            LocalDateTime time = random.nextInt(5) == 0 ? null
                    : NIGHT.plusDays(night).atTime(20, 0).plusMinutes(random.nextInt(600));
            rows.add(new Incident("f.csv", line, id, NIGHT.plusDays(night), false, time, time == null ? null : true,
                    "RU-ROS", null, null, 1.0, district, DistrictKey.resolved(district), null, null, 1.0, null, type,
                    random.nextInt(4), null, null, null, null, source, source.toLowerCase(), null, null, hash));
        }
        long file = store.beginFile("f.csv", "sha-f");
        store.insertIncidents(file, rows);
        store.finishFile(file, "UTF-8", List.of(), Instant.EPOCH);
    }

    private record Swept(List<MergedIncident> incidents, List<MergeNote> notes) {
    }

    private Swept sweep(Path workParent) {
        List<MergedIncident> incidents = new ArrayList<>();
        List<MergeNote> notes = new ArrayList<>();
        StoreReportSource source = new StoreReportSource(store, 1_000_000, workParent);
        try (PeriodReport data = new PeriodSweep(source, Places.of(Gazetteer.bundled()),
                new Period("all", NIGHT, NIGHT.plusDays(1))).clock(Instant.EPOCH).mergeAcrossSources(true)
                .workIn(workParent).budgetRows(source.budgetRows()).run()) {
            data.incidents().forEach(incidents::add);
            data.mergeNotes().forEach(notes::add);
        }
        return new Swept(incidents, notes);
    }

    private long workFolders() throws IOException {
        try (Stream<Path> entries = Files.list(output)) {
            return entries.filter(p -> p.getFileName().toString().startsWith(WorkFolder.PREFIX)).count();
        }
    }

    @Test
    void aNightBiggerThanTheBudgetIsListedAndNotedAsInMemory() throws IOException {
        load();
        Swept inMemory = sweep(output);
        assertThat(workFolders()).isZero();

        System.setProperty(StoredReports.BUDGET_PROPERTY, "37");
        Swept spilled = sweep(output);

        assertThat(spilled).isEqualTo(inMemory);
        assertThat(inMemory.incidents()).hasSizeGreaterThan(1_000);
        assertThat(inMemory.notes()).extracting(MergeNote::rule).contains(
                com.incidenttally.tally.Merge.RULE_DUPLICATE, com.incidenttally.tally.Merge.RULE_KEY,
                com.incidenttally.tally.Merge.RULE_ID);
        assertThat(workFolders()).as("work folder removed").isZero();
    }

    @Test
    void theWorkFolderIsInTheOutputFolderWhileItRunsAndGoesWhenTheSweepFails() throws IOException {
        load();
        Files.writeString(output.resolve("keep.txt"), "not the job's");
        System.setProperty(StoredReports.BUDGET_PROPERTY, "37");
        List<Long> seen = new ArrayList<>();
        StoreReportSource store = new StoreReportSource(this.store, 1_000_000, output);
        // The store's reports, failing at the 100th of the sweep as a read error would.
        ReportSource failing = (ReportSource) java.lang.reflect.Proxy.newProxyInstance(
                ReportSource.class.getClassLoader(), new Class<?>[] {ReportSource.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("forEachRange")) {
                        return method.invoke(store, args);
                    }
                    @SuppressWarnings("unchecked")
                    java.util.function.Consumer<java.util.Iterator<Report>> sink =
                            (java.util.function.Consumer<java.util.Iterator<Report>>) args[2];
                    store.forEachRange((LocalDate) args[0], (LocalDate) args[1], range -> sink.accept(
                            new java.util.Iterator<>() {
                                @Override
                                public boolean hasNext() {
                                    return range.hasNext();
                                }

                                @Override
                                public Report next() {
                                    try {
                                        seen.add(workFolders());
                                    } catch (IOException e) {
                                        throw new IllegalStateException(e);
                                    }
                                    if (seen.size() == 100) {
                                        throw new IllegalStateException("the store could not be read");
                                    }
                                    return range.next();
                                }
                            }));
                    return null;
                });

        assertThatThrownBy(() -> new PeriodSweep(failing, Places.of(Gazetteer.bundled()),
                new Period("all", NIGHT, NIGHT.plusDays(1))).clock(Instant.EPOCH).mergeAcrossSources(true)
                .workIn(output).budgetRows(store.budgetRows()).run()).hasMessage("the store could not be read");

        assertThat(seen).as("sorted runs in a work folder of the output folder").anyMatch(folders -> folders >= 1);
        assertThat(workFolders()).isZero();
        assertThat(output.resolve("keep.txt")).hasContent("not the job's");
    }

    @Test
    void aBudgetThatIsNoNumberOfRowsSaysSo() {
        System.setProperty(StoredReports.BUDGET_PROPERTY, "lots");
        assertThatThrownBy(StoredReports::budgetRows).hasMessageContaining(StoredReports.BUDGET_PROPERTY)
                .hasMessageContaining("'lots'");
        System.setProperty(StoredReports.BUDGET_PROPERTY, "0");
        assertThatThrownBy(StoredReports::budgetRows).hasMessageContaining("at least 1");
    }
}
