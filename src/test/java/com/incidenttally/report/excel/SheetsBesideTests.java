package com.incidenttally.report.excel;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.incidenttally.LiveThreads;
import com.incidenttally.report.ReportFixtures;
import com.incidenttally.tally.Listing;
import com.incidenttally.tally.MergeNote;
import com.incidenttally.tally.MergedIncident;
import com.incidenttally.tally.ReportData;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static com.incidenttally.report.excel.IncidentWorkbookWriterTests.sheetNames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Data quality's merges are written on a thread of their own beside Incidents: both tables in full
 * and in order, on as many sheets as they take, and a failure on either side is the workbook's,
 * with no thread left writing.
 */
class SheetsBesideTests {

    @TempDir
    Path dir;

    @Test
    void bothTablesContinueOnTheirOwnNumberedSheetsAtOnceWithEveryRowInOrder() throws IOException {
        ReportFixtures.Data fixture = ReportFixtures.seventyNights();
        List<MergeNote> notes = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            notes.add(new MergeNote("M-" + i, fixture.period().from(), "Belgorod Oblast", "Shebekinsky District",
                    "debris", "incident_id", 2, "Governor; News", "a.csv:" + i + ", b.csv:" + i, i % 7 == 0 ? "uav_count: 1 / 2" : ""));
        }
        ReportData data = with(fixture, fixture.incidents(), Listing.of(notes));
        int incidents = fixture.incidentList().size();
        int perSheet = 300;
        assertThat(incidents).as("enough for several Incidents sheets").isGreaterThan(2 * perSheet);

        XSSFWorkbook workbook = IncidentWorkbookWriterTests.write(data, new IncidentWorkbookWriter(perSheet), dir, 0);

        List<String> names = sheetNames(workbook);
        List<String> incidentSheets = names.stream().filter(n -> n.startsWith("Incidents")).toList();
        List<String> qualitySheets = names.stream().filter(n -> n.startsWith("Data quality")).toList();
        assertThat(incidentSheets).hasSizeGreaterThan(2).containsExactlyElementsOf(numbered("Incidents", incidentSheets.size()));
        assertThat(qualitySheets).hasSizeGreaterThan(4).containsExactlyElementsOf(numbered("Data quality", qualitySheets.size()));
        assertThat(names.subList(names.indexOf("Incidents"), names.indexOf("Sources")))
                .containsExactlyElementsOf(concat(incidentSheets, qualitySheets));

        List<String> ids = new ArrayList<>();
        for (String name : incidentSheets) {
            XSSFSheet sheet = workbook.getSheet(name);
            assertThat(sheet.getCTWorksheet().isSetAutoFilter()).as(name + " filtered").isTrue();
            for (Row row : sheet) {
                if (row.getRowNum() > 0) {
                    ids.add(row.getCell(0).getStringCellValue());
                }
            }
        }
        assertThat(ids).containsExactlyElementsOf(fixture.incidentList().stream().map(MergedIncident::id).toList());

        List<String> merged = new ArrayList<>();
        for (String name : qualitySheets) {
            XSSFSheet sheet = workbook.getSheet(name);
            assertThat(sheet.getCTWorksheet().isSetAutoFilter()).as(name + " filtered").isTrue();
            for (Row row : sheet) {
                if (row.getCell(5) != null && row.getCell(5).getStringCellValue().startsWith("M-")) {
                    merged.add(row.getCell(5).getStringCellValue());
                }
            }
        }
        assertThat(merged).containsExactlyElementsOf(notes.stream().map(MergeNote::incident).toList());
    }

    @Test
    @Timeout(60)
    void aMergeListingThatFailsFailsTheWorkbookWithItsOwnErrorAndLeavesNoFileNorThread() throws InterruptedException {
        ReportFixtures.Data fixture = ReportFixtures.seventyNights();
        Listing<MergeNote> failing = listing(sink -> {
            fixture.mergeList().forEach(sink);
            throw new java.io.UncheckedIOException("cannot read the report's listing: Input/output error",
                    new IOException("Input/output error"));
        });
        Path xlsx = dir.resolve("report.xlsx");

        assertThatThrownBy(() -> new IncidentWorkbookWriter().write(with(fixture, fixture.incidents(), failing), List.of(), xlsx))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessage("cannot read the report's listing: Input/output error");
        assertThat(xlsx).doesNotExist();
        assertThat(LiveThreads.named("data quality sheet")).isEmpty();
    }

    @Test
    @Timeout(60)
    void anIncidentListingThatFailsStopsTheMergesBesideItAndIsTheWorkbooksError() throws IOException, InterruptedException {
        ReportFixtures.Data fixture = ReportFixtures.seventyNights();
        MergeNote note = fixture.mergeList().get(0);
        // Merges without end: only the failure beside them ends their sheet.
        Listing<MergeNote> endless = listing(sink -> {
            while (true) {
                sink.accept(note);
            }
        });
        Listing<MergedIncident> failing = listing(sink -> {
            fixture.incidentList().subList(0, 10).forEach(sink);
            throw new IllegalStateException("a listing came out of order");
        });
        Path xlsx = dir.resolve("report.xlsx");

        assertThatThrownBy(() -> new IncidentWorkbookWriter().write(with(fixture, failing, endless), List.of(), xlsx))
                .isInstanceOf(IllegalStateException.class).hasMessage("a listing came out of order");
        assertThat(xlsx).doesNotExist();
        assertThat(LiveThreads.named("data quality sheet")).isEmpty();
        try (var left = Files.list(dir)) {
            assertThat(left).as("nothing left in the folder").isEmpty();
        }
    }

    private static List<String> numbered(String name, int sheets) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= sheets; i++) {
            names.add(i == 1 ? name : name + " (" + i + ")");
        }
        return names;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static <T> Listing<T> listing(Consumer<Consumer<? super T>> forEach) {
        return new Listing<>() {
            @Override
            public void forEach(Consumer<? super T> sink) {
                forEach.accept(sink);
            }

            @Override
            public long size() {
                return 0;
            }
        };
    }

    /** The fixture's report with other listings of incidents and merges. */
    private static ReportData with(ReportData data, Listing<MergedIncident> incidents, Listing<MergeNote> merges) {
        return (ReportData) Proxy.newProxyInstance(ReportData.class.getClassLoader(), new Class<?>[] {ReportData.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("incidents") && method.getParameterCount() == 0) {
                        return incidents;
                    }
                    if (method.getName().equals("mergeNotes") && method.getParameterCount() == 0) {
                        return merges;
                    }
                    try {
                        return method.invoke(data, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
